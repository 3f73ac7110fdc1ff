using DecapSim.Explorer.Api;
using DecapSim.Explorer.Catalog;
using DecapSim.Explorer.Runs;
using DecapSim.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DecapSim.Explorer;

/// <summary>Builds the explorer's web application: the page and the API over the run manager.</summary>
public static class ExplorerApp
{
    /// <summary>Builds the app (not started). <paramref name="configure"/> lets tests swap the server (TestServer).</summary>
    public static WebApplication Build(ExplorerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var dir = options.ScenarioDirectory ?? ScenarioLocator.FindScenarioDirectory()
            ?? throw new DirectoryNotFoundException("no scenarios/ folder with bundled scenarios found (run from the repository or next to it)");
        var catalog = new CoreModelCatalog();
        var scenarios = new BundledScenarios(dir, catalog);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = RunEndpoints.MaxBodyBytes;
            k.AddServerHeader = false;
        });
        builder.WebHost.UseUrls($"http://{(options.Host.Contains(':') && !options.Host.StartsWith('[') ? "[" + options.Host + "]" : options.Host)}:{options.Port}");
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(scenarios);
        builder.Services.AddSingleton(new RunExecutor(options));
        builder.Services.AddSingleton<RunManager>();
        configure?.Invoke(builder);
        var app = builder.Build();
        var runs = app.Services.GetRequiredService<RunManager>();
        var parser = new RunRequestParser(scenarios, options, catalog);
        PageEndpoints.Map(app);
        CatalogEndpoints.Map(app, scenarios, options);
        RunEndpoints.Map(app, runs, parser);
        return app;
    }

    /// <summary>The addresses the started app listens on.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? Array.Empty<string>();
}
