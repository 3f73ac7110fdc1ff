using System.Net;
using System.Text.Json;
using DecapSim.Cli;

namespace DecapSim.Explorer.Tests.Api;

/// <summary>The API contract: runs give the CLI's weekly.csv, bad input is a 400 naming the field, limits, the queue,
/// the idle watchdog, cancellation, the event stream, files and the result cache.</summary>
public sealed class RunApiTests : IAsyncLifetime
{
    private ExplorerHost host = null!;
    private readonly string tmp = Directory.CreateTempSubdirectory("decapsim-explorer-").FullName;

    public async Task InitializeAsync() => host = await ExplorerHost.StartInMemory();

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        try { Directory.Delete(tmp, true); } catch (IOException) { }
    }

    private static object Body(object? set = null, string? from = null, int weeks = 10, int replicates = 2, ulong seed = 5, object? removal = null) =>
        new Dictionary<string, object?>
        {
            ["scenario"] = "el-mencho-2026", ["replicates"] = replicates, ["weeks"] = weeks, ["seed"] = seed,
            ["set"] = set, ["from"] = from, ["removal"] = removal,
        }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

    private string Cli(params string[] args) => File.ReadAllText(Path.Combine(CliDir(args), "weekly.csv"));

    private string CliDir(params string[] args)
    {
        var dir = Path.Combine(tmp, "cli-" + Guid.NewGuid().ToString("N")[..8]);
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(["run", "el-mencho-2026", .. args, "--no-charts", "--no-baseline", "--quiet", "--out", dir], new CliConsole(o, e));
        Assert.True(code == 0, e.ToString());
        return dir;
    }

    [Fact]
    public async Task Scenarios_list_the_bundled_ones_with_question_levers_and_removal()
    {
        var list = await host.Get("/api/scenarios");
        var mencho = list.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "el-mencho-2026");
        Assert.Contains("CJNG", mencho.GetProperty("question").GetString());
        Assert.Equal("2026-02-22", mencho.GetProperty("policyDate").GetString());
        Assert.Equal("kill", mencho.GetProperty("removal").GetProperty("mode").GetString());
        var expected = DecapSim.Scenarios.ScenarioLoader.Load(DecapSim.Scenarios.ScenarioLocator.Resolve("el-mencho-2026")).Parameters.Targeting.IntelSharing;
        Assert.Equal(expected, mencho.GetProperty("levers").GetProperty("Targeting.IntelSharing").GetDouble());
        Assert.True(mencho.GetProperty("sources").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Parameters_are_the_levers_with_unit_range_default_and_source()
    {
        var levers = (await host.Get("/api/parameters")).EnumerateArray().ToList();
        Assert.Equal(8, levers.Count);
        var i = levers.Single(l => l.GetProperty("key").GetString() == "Arms.Interdiction");
        Assert.Equal("share", i.GetProperty("unit").GetString());
        Assert.Equal(0, i.GetProperty("min").GetDouble());
        Assert.Equal(1, i.GetProperty("max").GetDouble());
        Assert.Equal(0.01, i.GetProperty("default").GetDouble());
        Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("source").GetString()));
        var wage = levers.Single(l => l.GetProperty("key").GetString() == "Economy.PoliceWage");
        Assert.True(wage.GetProperty("sliderMax").GetDouble() > wage.GetProperty("default").GetDouble());
    }

    [Fact]
    public async Task A_run_gives_the_same_weekly_csv_as_decapsim_run()
    {
        var (id, status) = await host.RunDone(Body(new Dictionary<string, object> { ["Arms.Interdiction"] = 0.3 }));
        var web = await host.Client.GetStringAsync($"/api/runs/{id}/weekly.csv");
        Assert.Equal(Cli("--replicates", "2", "--weeks", "10", "--seed", "5", "--set", "Arms.Interdiction=0.3"), web);
        Assert.Equal("decapsim run el-mencho-2026 --replicates 2 --weeks 10 --seed 5 --set Arms.Interdiction=0.3 --no-baseline", status.GetProperty("command").GetString());
        Assert.Equal(2, status.GetProperty("replicatesDone").GetInt32());
        Assert.Equal(2, status.GetProperty("baselineReplicatesDone").GetInt32());
        var keys = status.GetProperty("summary").GetProperty("keyNumbers");
        Assert.True(keys.GetArrayLength() >= 4);
        Assert.Equal(32, status.GetProperty("map").GetArrayLength());
        foreach (var f in new[] { "summary.csv", "regions.csv", "factions.csv", "events.csv", "report.html", "manifest.json" })
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"/api/runs/{id}/{f}")).StatusCode);
    }

    [Fact]
    public async Task Levers_from_a_date_match_set_from_and_leave_the_weeks_before_it_alone()
    {
        var set = new Dictionary<string, object> { ["Arms.Interdiction"] = 0.6, ["Economy.Demand"] = 0.5 };
        var (id, _) = await host.RunDone(Body(set, from: "2026-03-08", weeks: 12));
        var web = await host.Client.GetStringAsync($"/api/runs/{id}/weekly.csv");
        Assert.Equal(Cli("--replicates", "2", "--weeks", "12", "--seed", "5", "--set", "Arms.Interdiction=0.6", "--set", "Economy.Demand=0.5", "--set-from", "2026-03-08"), web);
        var (baseId, _) = await host.RunDone(Body(weeks: 12));
        var baseline = await host.Client.GetStringAsync($"/api/runs/{baseId}/weekly.csv");
        var (startId, _) = await host.RunDone(Body(set, weeks: 12));
        var fromStart = await host.Client.GetStringAsync($"/api/runs/{startId}/weekly.csv");
        // 2026-03-08 is week 5: weeks 0-4 are those of the bundled scenario, then the levers bite
        static string[] Rows(string csv, int rep, Func<int, bool> week) =>
            csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
               .Where(c => c[0] == rep.ToString() && week(int.Parse(c[1]))).Select(c => string.Join(',', c)).ToArray();
        Assert.Equal(Rows(baseline, 0, w => w < 5), Rows(web, 0, w => w < 5));
        Assert.NotEqual(Rows(baseline, 0, w => w >= 5), Rows(web, 0, w => w >= 5));
        Assert.NotEqual(Rows(fromStart, 0, w => w < 5), Rows(web, 0, w => w < 5));
    }

    [Fact]
    public async Task A_variant_branching_at_the_from_date_continues_from_the_earlier_run_and_gives_the_cli_files()
    {
        var (first, _) = await host.RunDone(Body(new Dictionary<string, object> { ["Arms.Interdiction"] = 0.6 }, from: "2026-03-08", weeks: 12));
        Assert.NotNull(first);
        var (id, status) = await host.RunDone(Body(new Dictionary<string, object> { ["Arms.Interdiction"] = 0.1, ["State.UsTrust"] = 0.2 }, from: "2026-03-08", weeks: 12));
        var reused = status.GetProperty("reused").EnumerateArray().Select(x => x.GetString()!).ToList();
        Assert.Contains(reused, x => x.Contains("variant: 2 of 2 replicates continued from week 5"));
        Assert.Contains(reused, x => x.Contains("paired baseline"));
        Assert.True(status.GetProperty("elapsedSeconds").GetDouble() > 0);
        var dir = CliDir("--replicates", "2", "--weeks", "12", "--seed", "5", "--set", "Arms.Interdiction=0.1", "--set", "State.UsTrust=0.2", "--set-from", "2026-03-08");
        foreach (var f in new[] { "weekly.csv", "events.csv", "factions.csv", "regions.csv", "summary.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(dir, f)), await host.Client.GetStringAsync($"/api/runs/{id}/{f}"));
        // the bundled scenario itself branches from the policy date (week 3) that both runs left
        var (_, plain) = await host.RunDone(Body(weeks: 12, seed: 5));
        Assert.Contains(plain.GetProperty("reused").EnumerateArray(), x => x.GetString()!.Contains("continued from week 3"));
    }

    [Theory]
    [InlineData("{\"scenario\":\"el-mencho-2026\",\"replicates\":100000}", "replicates", "64")]
    [InlineData("{\"scenario\":\"el-mencho-2026\",\"weeks\":2000}", "weeks", "1040")]
    [InlineData("{\"scenario\":\"el-mencho-2026\",\"set\":{\"Nope.X\":1}}", "Nope.X", "section")]
    [InlineData("{\"scenario\":\"el-mencho-2026\",\"set\":{\"Arms.Interdiction\":3}}", "Arms.Interdiction", "[0, 1]")]
    [InlineData("{\"scenario\":\"../../etc/passwd\"}", "scenario", "el-mencho-2026")]
    [InlineData("{\"scenario\":\"/etc/passwd\"}", "scenario", "baseline")]
    [InlineData("{\"scenario\":\"el-mencho-2026\",\"from\":\"2020-01-01\",\"set\":{\"Arms.Interdiction\":0.2}}", "from", "2026-02-01")]
    [InlineData("{\"scenario\":\"el-mencho-2026\",\"from\":\"2026-03-01\",\"set\":{\"Recruitment.Rho\":0.1}}", "Recruitment.Rho", "policy lever")]
    [InlineData("{\"scenario\":\"el-mencho-2026\",\"removal\":{\"mode\":\"maim\"}}", "removal.mode", "kill, capture, none")]
    [InlineData("{\"scenario\":\"el-mencho-2026\",\"removal\":{\"mode\":\"kill\",\"date\":\"2040-01-01\"}}", "removal.date", "date")]
    [InlineData("{\"scenario\":\"el-mencho-2026\",\"replicas\":3}", "replicas", "replicates")]
    [InlineData("[1,2]", "body", "object")]
    [InlineData("{not json", "body", "JSON")]
    public async Task Bad_input_is_a_400_problem_naming_the_field_value_and_what_is_allowed(string json, string field, string allowed)
    {
        var r = await host.Client.PostAsync("/api/runs", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var p = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, p.GetProperty("field").GetString());
        Assert.Contains(allowed, p.GetProperty("allowed").GetString() + " " + p.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_identical_request_shares_the_run_and_a_variant_reuses_the_paired_baseline()
    {
        var (a, _) = await host.RunDone(Body(new Dictionary<string, object> { ["State.UsTrust"] = 0.9 }, weeks: 6));
        var (code, again) = await host.Post(Body(new Dictionary<string, object> { ["State.UsTrust"] = 0.9 }, weeks: 6));
        Assert.Equal(202, code);
        Assert.Equal(a, again.GetProperty("id").GetString());
        Assert.True(again.GetProperty("reused").GetBoolean());
        var (_, b) = await host.RunDone(Body(new Dictionary<string, object> { ["State.UsTrust"] = 0.1 }, weeks: 6));
        Assert.Contains(b.GetProperty("reused").EnumerateArray(), x => x.GetString()!.Contains("paired baseline"));
    }

    [Fact]
    public async Task Removal_none_is_the_scenario_without_its_removal_and_reproducible_with_set()
    {
        var (id, s) = await host.RunDone(Body(removal: new { mode = "none" }, weeks: 8));
        Assert.Contains("--set Timeline.0.Mode=none", s.GetProperty("command").GetString());
        var web = await host.Client.GetStringAsync($"/api/runs/{id}/weekly.csv");
        Assert.Equal(Cli("--replicates", "2", "--weeks", "8", "--seed", "5", "--set", "Timeline.0.Mode=none"), web);
        var (killId, _) = await host.RunDone(Body(weeks: 8));
        Assert.NotEqual(await host.Client.GetStringAsync($"/api/runs/{killId}/weekly.csv"), web);
        var events = await host.Client.GetStringAsync($"/api/runs/{id}/events.csv");
        Assert.DoesNotContain("El Mencho killed", events);
    }

    [Fact]
    public async Task Files_are_only_those_of_the_run()
    {
        var (id, _) = await host.RunDone(Body(weeks: 4));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/runs/{id}/../../etc/passwd")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/runs/{id}/%2E%2E%2Fmanifest.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/runs/{id}/nothing.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/runs/nope")).StatusCode);
    }

    [Fact]
    public async Task The_event_stream_sends_status_until_the_end()
    {
        var (code, posted) = await host.Post(Body(weeks: 6, seed: 77));
        Assert.Equal(202, code);
        var id = posted.GetProperty("id").GetString();
        using var stream = await host.Client.GetStreamAsync($"/api/runs/{id}/events");
        using var reader = new StreamReader(stream);
        var events = new List<string>();
        JsonElement last = default;
        string? line, ev = null;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            if (line.StartsWith("event: ")) events.Add(ev = line[7..]);
            else if (line.StartsWith("data: ") && ev == "status") last = JsonDocument.Parse(line[6..]).RootElement.Clone();
        }
        Assert.Equal("end", events.Last());
        Assert.Contains("status", events);
        Assert.Equal("done", last.GetProperty("status").GetString());
        Assert.Equal(6, last.GetProperty("series").GetProperty("homicides").GetProperty("variant").GetProperty("p50").GetArrayLength());
    }
}

/// <summary>Limits that need their own server: the bounded queue, the idle watchdog, DELETE.</summary>
public sealed class RunLimitTests
{
    private static object Long(int seed) => new { scenario = "baseline", replicates = 2, weeks = 1000, seed };

    [Fact]
    public async Task A_full_queue_is_a_429_and_delete_cancels()
    {
        await using var host = await ExplorerHost.StartInMemory(ExplorerHost.TestOptions(o => o with { QueueCapacity = 1 }));
        var ids = new List<string>();
        int refused = 0;
        for (int i = 0; i < 4; i++)
        {
            var (code, body) = await host.Post(Long(100 + i));
            if (code == 202) ids.Add(body.GetProperty("id").GetString()!);
            else { Assert.Equal(429, code); Assert.Contains("queue", body.GetProperty("detail").GetString()); refused++; }
        }
        Assert.True(refused >= 1);
        foreach (var id in ids) Assert.Equal(HttpStatusCode.OK, (await host.Client.DeleteAsync($"/api/runs/{id}")).StatusCode);
        foreach (var id in ids) Assert.Equal("cancelled", (await host.WaitFinished(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_run_nobody_looks_at_is_cancelled()
    {
        await using var host = await ExplorerHost.StartInMemory(ExplorerHost.TestOptions(o => o with { IdleTimeout = TimeSpan.FromSeconds(1) }));
        var (code, body) = await host.Post(Long(7));
        Assert.Equal(202, code);
        var id = body.GetProperty("id").GetString()!;
        await Task.Delay(3000);
        var s = await host.WaitFinished(id, 30);
        Assert.Equal("cancelled", s.GetProperty("status").GetString());
        Assert.Contains("nobody looked", s.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_watched_run_is_not_cancelled()
    {
        // 6 s, not less: with every test project running at once on two cores a poll can wait seconds for a thread
        await using var host = await ExplorerHost.StartInMemory(ExplorerHost.TestOptions(o => o with { IdleTimeout = TimeSpan.FromSeconds(6) }));
        var (code, body) = await host.Post(new { scenario = "baseline", replicates = 1, weeks = 1040, seed = 3 }); // longer than the timeout
        Assert.Equal(202, code);
        var s = await host.WaitFinished(body.GetProperty("id").GetString()!); // polls every 100 ms
        Assert.Equal("done", s.GetProperty("status").GetString());
    }
}
