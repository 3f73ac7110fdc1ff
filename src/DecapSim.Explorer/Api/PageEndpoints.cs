using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DecapSim.Explorer.Api;

/// <summary>The page: index.html, explorer.js and explorer.css, embedded in the assembly (hand-written, no bundles).</summary>
public static class PageEndpoints
{
    private static readonly (string Route, string Resource, string Type)[] files =
    {
        ("/", "page/index.html", "text/html; charset=utf-8"),
        ("/explorer.js", "page/explorer.js", "text/javascript; charset=utf-8"),
        ("/explorer.css", "page/explorer.css", "text/css; charset=utf-8"),
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (route, resource, type) in files)
        {
            var bytes = Read(resource);
            app.MapGet(route, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-cache";
                return Results.Bytes(bytes, type);
            });
        }
    }

    /// <summary>The bytes of an embedded page file.</summary>
    public static byte[] Read(string resource)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the page file {resource} is not embedded");
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
