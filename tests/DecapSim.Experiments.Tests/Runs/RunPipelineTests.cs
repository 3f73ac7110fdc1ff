using DecapSim.Experiments.Output;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Tests.Runs;

/// <summary>`decapsim run` outputs: independence from thread count, the replicate prefix property, the per-region
/// summary and clean cancellation.</summary>
public sealed class RunPipelineTests : IDisposable
{
    private readonly TestScenarios s = new();
    private readonly List<string> outs = new();
    public void Dispose()
    {
        s.Dispose();
        foreach (var d in outs) try { Directory.Delete(d, true); } catch (IOException) { }
    }

    private string Run(int replicates, int threads, int weeks = 52, Action<int>? progress = null, CancellationToken cancel = default)
    {
        var dir = s.NewOutDir();
        outs.Add(dir);
        var loaded = s.Load("small.json");
        RunPipeline.Run(loaded, loaded.Parameters with { Weeks = weeks }, new RunPipeline.Options(dir, 11, replicates, threads, false, "test"), progress, cancel);
        return dir;
    }

    [Fact]
    public void Run_WithABaselineEqualUntilALateEvent_TheBaselineContinuesFromTheRunsReplicates_WithItsOwnFiles()
    {
        s.Write("late.json", """{ "extends": "small.json", "Name": "late removal", "Timeline": [ { "Type": "remove-leader", "Week": 20, "Faction": "CJNG", "Mode": "kill" } ] }""");
        var late = s.Load("late.json");
        var small = s.Load("small.json");
        var dir = s.NewOutDir();
        outs.Add(dir);
        Assert.Equal(20, BranchRelay.FirstDifference(late.Parameters with { Weeks = 40 }, small.Parameters with { Weeks = 40 }));
        RunPipeline.Run(late, late.Parameters with { Weeks = 40 }, new RunPipeline.Options(dir, 11, 3, 2, false, "test",
            Baseline: (small, small.Parameters with { Weeks = 40 })));
        var alone = Run(3, 2, 40);
        foreach (var f in new[] { "weekly.csv", "regions.csv", "factions.csv", "events.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(alone, f)), File.ReadAllBytes(Path.Combine(dir, RunPipeline.BaselineFolder, f)));
    }

    [Fact]
    public void Run_OneAndTwoThreads_WritesBitIdenticalOutputs()
    {
        var one = Run(4, 1);
        var two = Run(4, 2);
        foreach (var f in new[] { "weekly.csv", "summary.csv", "regions.csv", "regions_summary.csv", "events.csv", "factions.csv" })
            Assert.True(File.ReadAllBytes(Path.Combine(one, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(two, f))), f + " differs between 1 and 2 threads");
    }

    [Fact]
    public void Run_ThreeAndSixReplicates_FirstThreeReplicatesAreIdentical()
    {
        var three = Run(3, 2, weeks: 30);
        var six = Run(6, 2, weeks: 30);
        foreach (var f in new[] { "weekly.csv", "regions.csv", "events.csv" })
        {
            var a = File.ReadAllLines(Path.Combine(three, f));
            var b = File.ReadAllLines(Path.Combine(six, f));
            var prefix = b.Where(l => l.Split(',')[0] is "replicate" or "0" or "1" or "2").ToArray();
            Assert.Equal(a, prefix);
            Assert.Contains(b, l => l.StartsWith("5,", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Run_ThreeReplicates_RegionsSummaryMatchesRegionsCsv()
    {
        var dir = Run(3, 2, weeks: 20);
        var regions = TestScenarios.ReadCsv(Path.Combine(dir, "regions.csv"));
        var summary = TestScenarios.ReadCsv(Path.Combine(dir, "regions_summary.csv"));
        var names = regions.Select(r => r["region"]).Distinct().ToList();
        Assert.Equal(20 * names.Count * 2, summary.Count);
        foreach (var row in summary.Where(r => r["week"] is "0" or "10" or "19"))
        {
            var values = regions.Where(r => r["week"] == row["week"] && r["region"] == row["region"])
                .Select(r => TestScenarios.Num(r[row["metric"]])).ToArray();
            Assert.Equal(3, values.Length);
            Assert.Equal(values.Average(), TestScenarios.Num(row["mean"]), 5);
            Assert.True(TestScenarios.Num(row["p05"]) >= values.Min() - 1e-9 && TestScenarios.Num(row["p95"]) <= values.Max() + 1e-9);
            Assert.Equal(values.OrderBy(v => v).ElementAt(1), TestScenarios.Num(row["p50"]), 5);
            Assert.Equal("3", row["replicates"]);
        }
    }

    [Fact]
    public void Run_CancelledAfterFirstReplicate_LeavesNoFileUnderAFinalNameOrPartial()
    {
        using var cts = new CancellationTokenSource();
        var dir = s.NewOutDir();
        outs.Add(dir);
        var loaded = s.Load("small.json");
        Assert.ThrowsAny<OperationCanceledException>(() => RunPipeline.Run(loaded, loaded.Parameters with { Weeks = 30 },
            new RunPipeline.Options(dir, 11, 6, 2, false, "test"), _ => cts.Cancel(), cts.Token));
        Assert.Empty(Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != OutputFolder.LockName));
    }

    [Fact]
    public void DeletePartials_LeftoverPartialFiles_DeletesOnlyThem()
    {
        var dir = s.NewOutDir();
        outs.Add(dir);
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "weekly.csv.partial"), "x");
        File.WriteAllText(Path.Combine(dir, "sub", "regions.csv.partial"), "x");
        File.WriteAllText(Path.Combine(dir, "summary.csv"), "x");
        Assert.Equal(2, AtomicFile.DeletePartials(dir));
        Assert.Equal(new[] { Path.Combine(dir, "summary.csv") }, Directory.GetFiles(dir, "*", SearchOption.AllDirectories));
    }
}
