using DecapSim.Experiments.Output;
using DecapSim.Experiments.Research;

namespace DecapSim.Experiments.Tests.Research;

/// <summary>`experiment discover`: outputs by prefix, thresholds, prim.csv and the description, on a sweep folder.</summary>
public sealed class DiscoveryTests
{
    private static readonly string[] Outputs = { "cumulative_homicides@26", "cumulative_homicides@52", "members@52" };

    [Fact]
    public void ResolveOutput_ExactOrUniquePrefix()
    {
        Assert.Equal("members@52", ScenarioDiscovery.ResolveOutput(Outputs, "members"));
        Assert.Equal("cumulative_homicides@26", ScenarioDiscovery.ResolveOutput(Outputs, "cumulative_homicides@26"));
        Assert.Contains("ambiguous", Assert.Throws<DiscoveryException>(() => ScenarioDiscovery.ResolveOutput(Outputs, "cumulative_homicides")).Message);
        var none = Assert.Throws<DiscoveryException>(() => ScenarioDiscovery.ResolveOutput(Outputs, "revenue")).Message;
        Assert.Contains("members@52", none);
    }

    [Fact]
    public void Threshold_QuantileOrValue()
    {
        var y = new double[] { 4, 1, 3, 2 };
        Assert.Equal(2.5, ScenarioDiscovery.Threshold(new CaseRule(true, 0.5, null), y));
        Assert.Equal(7, ScenarioDiscovery.Threshold(new CaseRule(true, null, 7), y));
    }

    [Fact]
    public void Run_OnASweepFolder_WritesTheTrajectoryAndDescribesTheBox()
    {
        using var s = new TestScenarios();
        using var t = new ResearchDir();
        string dir = t.Sub("sweep");
        var errors = new List<Scenarios.ScenarioError>();
        // conflict lethality drives homicides; recruitment hardly does in half a year
        var axes = new[] { "Conflict.Theta=1.55e-8:1.55e-7:4", "Recruitment.Rho=0.001,0.003" }.Select(v => Sweep.ParseVary(v, errors)!).ToList();
        var e = Sweep.Build(new SweepRequest(s.Path_("small.json"), "small", dir, axes, 2, 26, true, 4, Array.Empty<string>(), Array.Empty<string>()), out _);
        ExperimentRunner.Run(e, dir, 0, 1, 2);
        ExperimentReport.Write(e, dir, charts: false, format: OutputFormat.Parquet); // discover reads results.parquet when there is no CSV
        Assert.False(File.Exists(Path.Combine(dir, "results.csv")));
        var data = ScenarioDiscovery.Load(dir, "cumulative_homicides");
        Assert.Equal(16, data.X.Length);
        Assert.Equal("cumulative_homicides@26", data.Output);
        var d = ScenarioDiscovery.Run(data, new CaseRule(true, 0.5, null), t.Sub("d"));
        var lines = File.ReadAllLines(Path.Combine(t.Sub("d"), "prim.csv"));
        Assert.Equal("box,coverage,density,mass,parameter,lo,hi", lines[0]);
        Assert.StartsWith("0,1,", lines[1]); // box 0: every run, all the cases
        Assert.EndsWith(",1,,,", lines[1]);
        // the low-violence box caps conflict lethality
        var box = d.Prim.Trajectory[d.Prim.Final];
        Assert.True(box.Restricted(d.Prim).Contains(0), string.Join("\n", lines) + "\n" + string.Join("\n", data.X.Select((x, i) => string.Join(",", x) + " -> " + data.Y[i])));
        Assert.True(box.Hi[0] < 1.55e-7);
        Assert.True(box.Density > 0.5);
        Assert.Contains("Conflict.Theta at most 1.085E-07", d.Description);
        Assert.Contains("of the cases", File.ReadAllText(Path.Combine(t.Sub("d"), "prim.txt")));
        Assert.True(File.Exists(Path.Combine(t.Sub("d"), "charts", "prim_tradeoff.svg")));
    }

    [Fact]
    public void Load_NotAnExperimentFolder_IsBadInput()
    {
        using var t = new ResearchDir();
        Assert.Contains("experiment.json", Assert.Throws<DiscoveryException>(() => ScenarioDiscovery.Load(t.Path, "members")).Message);
    }
}
