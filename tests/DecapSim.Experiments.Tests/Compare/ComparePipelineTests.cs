using DecapSim.Experiments.Compare;
using MathNet.Numerics.Distributions;

namespace DecapSim.Experiments.Tests.Compare;

/// <summary>The comparison pipeline on small grid scenarios: common random numbers, a large effect, the event study.</summary>
public sealed class ComparePipelineTests : IDisposable
{
    private readonly TestScenarios s = new();
    private readonly List<string> outs = new();
    public void Dispose()
    {
        s.Dispose();
        foreach (var d in outs) try { Directory.Delete(d, true); } catch (IOException) { }
    }

    private CompareResult Compare(string baseline, string[] scenarios, int replicates, int weeks, out string dir)
    {
        dir = s.NewOutDir();
        outs.Add(dir);
        CompareInput Input(string name) { var l = s.Load(name); return new CompareInput(l, l.Parameters with { Weeks = weeks }); }
        return ComparePipeline.Run(Input(baseline), scenarios.Select(Input).ToList(), new ComparePipeline.Options(dir, 5, replicates, 2, "test", BootstrapResamples: 500));
    }

    [Fact]
    public void Run_BaselineWithItself_EveryDifferenceIsExactlyZero()
    {
        var r = Compare("small.json", new[] { "small.json" }, 3, 30, out var dir);
        Assert.Equal("small-2", r.Scenarios[0].Name);
        Assert.NotEmpty(r.Rows);
        foreach (var row in r.Rows)
        {
            Assert.Equal(0.0, row.MeanDifference);
            Assert.Equal(0.0, row.CiLow);
            Assert.Equal(0.0, row.CiHigh);
            Assert.Equal(row.MeanBaseline, row.MeanScenario);
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "small", "weekly.csv")), File.ReadAllBytes(Path.Combine(dir, "small-2", "weekly.csv")));
        var csv = TestScenarios.ReadCsv(Path.Combine(dir, "comparison.csv"));
        Assert.Equal(r.Rows.Count, csv.Count);
        Assert.All(csv, row => Assert.Equal("0", row["mean_difference"]));
    }

    [Fact]
    public void Run_TenTimesConflictLethality_HomicideIntervalExcludesZero()
    {
        var r = Compare("small.json", new[] { "lethal.json" }, 6, 52, out _);
        var rows = r.Rows.Where(x => x.Metric == ComparePipeline.CumulativeHomicides && x.HorizonWeeks == 52).ToList();
        Assert.Equal(new[] { "paired-t", "bootstrap-percentile" }, rows.Select(x => x.Method));
        foreach (var row in rows)
        {
            Assert.True(row.CiLow > 0, $"{row.Method}: [{row.CiLow}, {row.CiHigh}] should exclude 0");
            Assert.Equal(row.MeanScenario - row.MeanBaseline, row.MeanDifference, 6);
            Assert.Equal(6, row.Replicates);
        }
        Assert.Equal(new[] { 26, 52 }, r.Rows.Where(x => x.Metric == ComparePipeline.CumulativeHomicides && x.Method == "paired-t").Select(x => x.HorizonWeeks));
        Assert.Equal(6, r.Scenarios[0].Weekly.Count);
    }

    [Fact]
    public void Run_ContestedSplit_AddsUpToTheRunsHomicidesAndIsDescribed()
    {
        var r = Compare("small.json", new[] { "lethal.json" }, 3, 30, out var dir);
        var t = r.Rows.Where(x => x.Method == "paired-t").ToDictionary(x => (x.Metric, x.HorizonWeeks));
        var total = t[(ComparePipeline.CumulativeHomicides, 30)];
        var c = t[(ComparePipeline.CumulativeHomicidesContested, 30)];
        var u = t[(ComparePipeline.CumulativeHomicidesUncontested, 30)];
        Assert.Equal(total.MeanBaseline, c.MeanBaseline + u.MeanBaseline, 6);
        Assert.Equal(total.MeanScenario, c.MeanScenario + u.MeanScenario, 6);
        Assert.Equal(total.MeanDifference, c.MeanDifference + u.MeanDifference, 6);
        Assert.True(c.MeanBaseline > 0 && u.MeanBaseline > 0, "the small world has homicides in both kinds of cell");
        var csv = TestScenarios.ReadCsv(Path.Combine(dir, "comparison.csv"));
        Assert.Contains(csv, row => row["metric"] == ComparePipeline.CumulativeHomicidesContested && row["method"] == "bootstrap-percentile");
        var line = Assert.Single(DecapSim.Experiments.Reports.CompareReport.ContestedSplit(r.Rows));
        Assert.Contains("lethal", line);
        Assert.Contains("contested", line);
    }

    /// <summary>The tables a comparison (seed 5, 2 replicates) wrote for scenario <paramref name="name"/> equal those
    /// of a run of it alone.</summary>
    private void AssertFilesOfItsOwnRun(string name, int weeks, string dir)
    {
        var alone = s.NewOutDir();
        outs.Add(alone);
        var l = s.Load(name + ".json");
        DecapSim.Experiments.Runs.RunPipeline.Run(l, l.Parameters with { Weeks = weeks }, new DecapSim.Experiments.Runs.RunPipeline.Options(alone, 5, 2, 2, false, "test", Report: false));
        foreach (var f in new[] { "weekly.csv", "regions.csv", "factions.csv", "events.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(alone, f)), File.ReadAllBytes(Path.Combine(dir, name, f)));
    }

    [Fact]
    public void Run_PolicyVariantsOfAWarmedUpWorld_ShareOneSetUp_AndGetTheFilesOfTheirOwnRuns()
    {
        s.Write("warm.json", """{ "extends": "small.json", "Name": "Warmed small grid", "Territory": { "WarmUpWeeks": 10 } }""");
        s.Write("warm-policy.json", """{ "extends": "warm.json", "Name": "Warmed, interdiction and demand", "Arms": { "Interdiction": 0.5 }, "Economy": { "Demand": 0.7 } }""");
        s.Write("warm-lethal.json", """{ "extends": "warm.json", "Name": "Warmed, lethal", "Conflict": { "DyadRate": 2.2e-2 } }""");
        var r = Compare("warm.json", new[] { "warm-policy.json", "warm-lethal.json" }, 2, 20, out var dir);
        // the lever variant copies the baseline's set-up; the lethal one has another world dynamics and builds its own
        Assert.Equal(2, r.SetUpsBuilt);
        Assert.Equal(1, r.SetUpsReused);
        using (var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))))
            Assert.Equal(1, doc.RootElement.GetProperty("shared_setup").GetProperty("setups_reused").GetInt32());
        // and the variant's files are those of its own run, set-up built from its own parameters
        AssertFilesOfItsOwnRun("warm-policy", 20, dir);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(dir, "warm", "weekly.csv")), File.ReadAllBytes(Path.Combine(dir, "warm-policy", "weekly.csv")));
    }

    [Fact]
    public void Run_ScenarioEqualToTheBaselineUntilALateEvent_ContinuesFromTheBaselinesReplicates_WithTheFilesOfItsOwnRun()
    {
        s.Write("late.json", """{ "extends": "small.json", "Name": "Small grid, CJNG leader killed in week 16", "Timeline": [ { "Type": "remove-leader", "Week": 16, "Faction": "CJNG", "Mode": "kill", "HeirUnavailable": true } ] }""");
        var r = Compare("small.json", new[] { "late.json", "removal.json" }, 2, 30, out var dir);
        Assert.Equal(new[] { 16, 0 }, r.BranchWeeks); // the week-4 removal is too early to be worth a branch
        using (var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))))
        {
            var b = Assert.Single(doc.RootElement.GetProperty("branched").EnumerateArray());
            Assert.Equal("late", b.GetProperty("scenario").GetString());
            Assert.Equal(32, b.GetProperty("replicate_weeks_not_rerun").GetInt32());
        }
        AssertFilesOfItsOwnRun("late", 30, dir);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(dir, "small", "events.csv")), File.ReadAllBytes(Path.Combine(dir, "late", "events.csv")));
    }

    [Fact]
    public void Horizons_RunShorterThanSomeHorizons_SkipsThemAndAddsTheEnd()
    {
        Assert.Equal(new[] { 26, 52, 104, 260 }, ComparePipeline.Horizons(260));
        Assert.Equal(new[] { 26, 52, 100 }, ComparePipeline.Horizons(100));
        Assert.Equal(new[] { 10 }, ComparePipeline.Horizons(10));
    }

    [Fact]
    public void UniqueNames_RepeatedNames_AppendsSuffixes()
    {
        Assert.Equal(new[] { "a", "b", "a-2", "a-3" }, ComparePipeline.UniqueNames(new[] { "a", "b", "a", "a" }));
    }

    /// <summary>Recomputes event_study.csv from the two regions.csv files and events.csv by hand.</summary>
    [Fact]
    public void Run_TimelineRemoval_EventStudyMatchesHandCalculationFromRegionsCsv()
    {
        var r = Compare("small.json", new[] { "removal.json" }, 3, 60, out var dir);
        var h = new Dictionary<string, Dictionary<(string Rep, int Week, string Region), double>>();
        foreach (var name in new[] { "small", "removal" })
            h[name] = TestScenarios.ReadCsv(Path.Combine(dir, name, "regions.csv"))
                .ToDictionary(x => (x["replicate"], int.Parse(x["week"]), x["region"]), x => TestScenarios.Num(x["homicides"]));
        double Sum(string scenario, string rep, int week, IEnumerable<string> regions, int window) =>
            regions.Sum(g => Enumerable.Range(week, window).Sum(w => h[scenario][(rep, w, g)]));

        var removals = TestScenarios.ReadCsv(Path.Combine(dir, "removal", "events.csv"))
            .Where(e => e["type"] == "removal" && e["detail"].StartsWith("test removal", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, removals.Count); // one forced removal per replicate
        var study = TestScenarios.ReadCsv(Path.Combine(dir, "event_study.csv"));
        var timeline = study.Where(x => x["source"] == "timeline" && x["replicate"] != "all").ToList();
        foreach (var e in removals)
        {
            int week = int.Parse(e["week"]);
            Assert.Equal(4, week);
            foreach (int window in new[] { 26, 52 })
            {
                var affected = timeline.Single(x => x["replicate"] == e["replicate"] && x["region_type"] == "affected" && x["window_weeks"] == window.ToString());
                Assert.Equal(e["region"], affected["regions"]);
                Assert.Equal("CJNG", affected["faction"]);
                foreach (var row in timeline.Where(x => x["replicate"] == e["replicate"] && x["window_weeks"] == window.ToString()))
                {
                    var regions = row["regions"].Split(';');
                    if (row["region_type"] != "affected") Assert.DoesNotContain(e["region"], regions);
                    double hs = Sum("removal", e["replicate"], week, regions, window);
                    double hb = Sum("small", e["replicate"], week, regions, window);
                    Assert.Equal(hs, TestScenarios.Num(row["homicides_scenario"]), 6);
                    Assert.Equal(hb, TestScenarios.Num(row["homicides_baseline"]), 6);
                    Assert.Equal(hs - hb, TestScenarios.Num(row["difference"]), 6);
                }
            }
        }
        // aggregate: mean difference over the three events and a paired t interval computed by hand
        var events = timeline.Where(x => x["region_type"] == "affected" && x["window_weeks"] == "26").Select(x => TestScenarios.Num(x["difference"])).ToArray();
        var all = study.Single(x => x["replicate"] == "all" && x["source"] == "timeline" && x["region_type"] == "affected" && x["window_weeks"] == "26");
        double mean = events.Average();
        double sd = Math.Sqrt(events.Sum(d => (d - mean) * (d - mean)) / (events.Length - 1));
        double half = StudentT.InvCDF(0, 1, events.Length - 1, 0.975) * sd / Math.Sqrt(events.Length);
        Assert.Equal("3", all["events"]);
        Assert.Equal(mean, TestScenarios.Num(all["difference"]), 5);
        if (sd > 0)
        {
            Assert.Equal(mean - half, TestScenarios.Num(all["ci_low"]), 5);
            Assert.Equal(mean + half, TestScenarios.Num(all["ci_high"]), 5);
        }
        Assert.Equal(r.EventStudy.Count, study.Count);
    }
}
