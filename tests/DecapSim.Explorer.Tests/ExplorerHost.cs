using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace DecapSim.Explorer.Tests;

/// <summary>An explorer app for a test: in memory (TestServer) or on a real loopback port (browser tests).</summary>
public sealed class ExplorerHost : IAsyncDisposable
{
    private ExplorerHost(WebApplication app, HttpClient client, string? url) { App = app; Client = client; Url = url; }

    public WebApplication App { get; }
    public HttpClient Client { get; }
    /// <summary>The base address when served on a port.</summary>
    public string? Url { get; }

    /// <summary>Options of the tests: small limits, no charts unless asked.</summary>
    public static ExplorerOptions TestOptions(Func<ExplorerOptions, ExplorerOptions>? change = null)
    {
        var o = new ExplorerOptions { Charts = false, Threads = 2, WorkDirectory = null };
        return change is null ? o : change(o);
    }

    /// <summary>In memory, with the TestServer of Microsoft.AspNetCore.Mvc.Testing.</summary>
    public static async Task<ExplorerHost> StartInMemory(ExplorerOptions? options = null)
    {
        var app = ExplorerApp.Build(options ?? TestOptions(), b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new ExplorerHost(app, app.GetTestClient(), null);
    }

    /// <summary>Served by Kestrel on 127.0.0.1 and a free port.</summary>
    public static async Task<ExplorerHost> StartServed(ExplorerOptions? options = null)
    {
        var app = ExplorerApp.Build((options ?? TestOptions()) with { Host = "127.0.0.1", Port = 0 });
        await app.StartAsync();
        var url = ExplorerApp.Addresses(app).First();
        return new ExplorerHost(app, new HttpClient { BaseAddress = new Uri(url) }, url);
    }

    public async Task<(int Status, JsonElement Body)> Post(object body)
    {
        var r = await Client.PostAsJsonAsync("/api/runs", body);
        var text = await r.Content.ReadAsStringAsync();
        return ((int)r.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> Get(string path) =>
        JsonDocument.Parse(await Client.GetStringAsync(path)).RootElement.Clone();

    /// <summary>Polls GET /api/runs/{id} until the run has finished.</summary>
    public async Task<JsonElement> WaitFinished(string id, int timeoutSeconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var s = await Get($"/api/runs/{id}");
            var status = s.GetProperty("status").GetString();
            if (status is "done" or "failed" or "cancelled") return s;
            if (DateTime.UtcNow > until) throw new TimeoutException($"run {id} still {status} after {timeoutSeconds} s");
            await Task.Delay(100);
        }
    }

    /// <summary>POSTs and waits for the run; asserts it finished as done.</summary>
    public async Task<(string Id, JsonElement Status)> RunDone(object body)
    {
        var (code, posted) = await Post(body);
        Assert.True(code == 202, $"POST -> {code}: {posted}");
        var id = posted.GetProperty("id").GetString()!;
        var s = await WaitFinished(id);
        Assert.True(s.GetProperty("status").GetString() == "done", s.ToString());
        return (id, s);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
