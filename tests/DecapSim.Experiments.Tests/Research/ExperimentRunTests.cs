using DecapSim.Experiments.Research;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Tests.Research;

public class ExperimentRunTests
{
    private static readonly string[] AnalysisFiles = { "design.csv", "results.csv", "points.csv", "partial_dependence.csv", "experiment.json" };

    private static void RunAll(Experiment e, string dir, int threads = 2)
    {
        ExperimentRunner.Run(e, dir, 0, 1, threads);
        ExperimentReport.Write(e, dir, charts: true);
    }

    private static void AssertSameFiles(string a, string b, IEnumerable<string> files)
    {
        foreach (var f in files) Assert.True(File.ReadAllBytes(Path.Combine(a, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))), $"{f} differs");
    }

    [Fact]
    public void Resume_AfterDeletingStoredUnits_GivesByteIdenticalResults()
    {
        using var t = new ResearchDir();
        var e = ExperimentFile.Load(t.Experiment());
        string full = t.Sub("full"), part = t.Sub("part");
        RunAll(e, full);
        // "interrupted" run: copy the store, delete some units, re-run
        RunAll(e, part);
        var stored = Directory.GetFiles(Path.Combine(part, "store"), "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.Equal(10, stored.Length);
        foreach (var f in stored.Take(4)) File.Delete(f);
        foreach (var f in new[] { "results.csv", "points.csv" }) File.Delete(Path.Combine(part, f));
        var s = ExperimentRunner.Run(e, part, 0, 1, 1);
        Assert.Equal(4, s.Ran);
        Assert.Equal(6, s.Skipped);
        ExperimentReport.Write(e, part);
        AssertSameFiles(full, part, AnalysisFiles.Append("charts/partial_dependence_members_12.svg"));
    }

    [Fact]
    public void Resume_AfterCancellation_GivesByteIdenticalResults()
    {
        using var t = new ResearchDir();
        var e = ExperimentFile.Load(t.Experiment());
        RunAll(e, t.Sub("full"));
        using var cts = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ExperimentRunner.Run(e, t.Sub("cut"), 0, 1, 1, (done, _) => { if (done == 3) cts.Cancel(); }, cts.Token));
        var stored = Directory.GetFiles(Path.Combine(t.Sub("cut"), "store"));
        Assert.Equal(3, stored.Count(f => f.EndsWith(".json", StringComparison.Ordinal)));
        Assert.DoesNotContain(stored, f => f.EndsWith(".partial", StringComparison.Ordinal));
        var s = ExperimentRunner.Run(e, t.Sub("cut"), 0, 1, 2);
        Assert.Equal((7, 3), (s.Ran, s.Skipped));
        ExperimentReport.Write(e, t.Sub("cut"));
        AssertSameFiles(t.Sub("full"), t.Sub("cut"), AnalysisFiles);
    }

    [Fact]
    public void Shards_MergedEqualSingleRun()
    {
        using var t = new ResearchDir();
        var e = ExperimentFile.Load(t.Experiment(design: """{ "Type": "morris", "Trajectories": 2, "Levels": 4 }""", replicates: 1));
        string single = t.Sub("single");
        RunAll(e, single);
        var s0 = ExperimentRunner.Run(e, t.Sub("shard-0"), 0, 2, 1);
        var s1 = ExperimentRunner.Run(e, t.Sub("shard-1"), 1, 2, 1);
        Assert.Equal(6, s0.Units + s1.Units);
        Assert.Equal(3, s0.Units);
        var merged = ExperimentRunner.Merge(new[] { t.Sub("shard-0"), t.Sub("shard-1") }, t.Sub("merged"));
        Assert.Equal(e.Id, merged.Id);
        ExperimentReport.Write(merged, t.Sub("merged"));
        AssertSameFiles(single, t.Sub("merged"), new[] { "design.csv", "results.csv", "points.csv", "morris.csv", "experiment.json", "charts/morris_members_12.svg" });
    }

    [Fact]
    public void Merge_ShardsOfDifferentExperiments_Refused()
    {
        using var t = new ResearchDir();
        var a = ExperimentFile.Load(t.Experiment("a.json", seed: 1, design: """{ "Type": "lhs", "Samples": 2 }""", replicates: 1));
        var b = ExperimentFile.Load(t.Experiment("b.json", seed: 2, design: """{ "Type": "lhs", "Samples": 2 }""", replicates: 1));
        Assert.NotEqual(a.Id, b.Id);
        ExperimentRunner.Run(a, t.Sub("a0"), 0, 2, 1);
        ExperimentRunner.Run(b, t.Sub("b1"), 1, 2, 1);
        var ex = Assert.Throws<MergeException>(() => ExperimentRunner.Merge(new[] { t.Sub("a0"), t.Sub("b1") }, t.Sub("m")));
        Assert.Contains("different experiments", ex.Message);
    }

    [Fact]
    public void Merge_MissingShard_ReportsIncomplete()
    {
        using var t = new ResearchDir();
        var a = ExperimentFile.Load(t.Experiment(design: """{ "Type": "lhs", "Samples": 2 }""", replicates: 1));
        ExperimentRunner.Run(a, t.Sub("a0"), 0, 2, 1);
        Assert.Throws<IncompleteException>(() => ExperimentRunner.Merge(new[] { t.Sub("a0") }, t.Sub("m")));
    }

    [Fact]
    public void Id_DoesNotDependOnWhereTheFileIs_ButOnItsContent()
    {
        using var t = new ResearchDir();
        var a = ExperimentFile.Load(t.Experiment());
        t.Write("sub/tiny.json", ResearchDir.TinyScenario);
        var b = ExperimentFile.Load(t.Experiment("sub/exp.json"));
        Assert.Equal(a.Id, b.Id);
        t.Write("sub/tiny.json", ResearchDir.TinyScenario.Replace("\"Weeks\": 12", "\"Weeks\": 13"));
        Assert.NotEqual(a.Id, ExperimentFile.Load(t.Experiment("sub/exp.json")).Id);
    }

    [Fact]
    public void Abc_OnTheModel_WritesPosterior()
    {
        using var t = new ResearchDir();
        t.Write("target.csv", "# made-up\nweek,value\n10,30\n11,31\n12,29\n");
        var e = ExperimentFile.Load(t.Experiment(design: """{ "Type": "abc", "Draws": 4, "Quantile": 0.5, "Distance": "mape", "Target": "target.csv", "Metric": "recruits" }""",
            replicates: 1, parameters: """[ { "Key": "Recruitment.Rho", "Range": [0.001, 0.01] } ]"""));
        Assert.Contains(e.Outputs, o => o.Text == "recruits@10..10");
        Assert.Equal(e.Id, ExperimentFile.FromCanonical(e.CanonicalJson, "manifest").Id); // merge can rebuild it
        RunAll(e, t.Sub("abc"));
        var post = File.ReadAllLines(t.Sub("abc/posterior.csv"));
        Assert.Equal(3, post.Length); // header + 2 accepted
        Assert.StartsWith("rank,point,Recruitment.Rho,distance_mape,recruits@10..10", post[0]);
        Assert.Equal(2, File.ReadAllLines(t.Sub("abc/posterior_summary.csv")).Length);
        Assert.True(File.Exists(t.Sub("abc/charts/calibration.svg")));
    }

    [Theory]
    [InlineData("""[ { "Key": "Recruitment.Rho", "Range": [0.5, 2] } ]""", "Parameters[0].Range", "inside [0, 1]")]
    [InlineData("""[ { "Key": "Recruitment.Rhoo", "Range": [0.1, 0.2] } ]""", "Parameters[0].Key", "Recruitment.Rho")]
    [InlineData("""[ { "Key": "Recruitment.Rho", "Range": [0.2, 0.1] } ]""", "Parameters[0].Range", "min < max")]
    [InlineData("""[ { "Key": "Factions.Count", "Values": [2, 2.5] } ]""", "Parameters[0].Values[1]", "whole number")]
    [InlineData("""[ { "Key": "World.Kind", "Values": ["grid", "moon"] } ]""", "Parameters[0].Values[1]", "one of")]
    public void Load_BadParameter_NamesFileKeyValueAndAllowed(string parameters, string keyPath, string allowedOrMessage)
    {
        using var t = new ResearchDir();
        var path = t.Experiment(parameters: parameters);
        var ex = Assert.Throws<ScenarioException>(() => ExperimentFile.Load(path));
        var err = Assert.Single(ex.Errors);
        Assert.Equal(path, err.File);
        Assert.Equal(keyPath, err.KeyPath);
        Assert.Contains(allowedOrMessage, err.ToString());
    }

    [Fact]
    public void Load_BadDesignAndOutput_CollectsAllErrors()
    {
        using var t = new ResearchDir();
        var path = t.Write("bad.json", """
        { "Scenario": "tiny.json", "Parameters": [ { "Key": "Recruitment.Rho", "Range": [0.001, 0.002] } ],
          "Design": { "Type": "morris", "Levels": 5, "Samples": 3 }, "Outputs": [ "homicides@99" ], "Overrides": { "Factions.Count": 0 } }
        """);
        var ex = Assert.Throws<ScenarioException>(() => ExperimentFile.Load(path));
        var keys = ex.Errors.Select(e => e.KeyPath).ToArray();
        Assert.Contains("Design.Levels", keys);
        Assert.Contains("Design.Samples", keys);
        Assert.Contains("Overrides.Factions.Count", keys);
    }
}
