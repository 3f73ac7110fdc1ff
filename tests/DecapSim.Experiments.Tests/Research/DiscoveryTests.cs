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

    /// <summary>A 4 x 2 sweep with 2 replicates of the tiny scenario, tables as CSV and Parquet.</summary>
    private static string SweepFolder(ResearchDir t)
    {
        string dir = t.Sub("sweep");
        var errors = new List<Scenarios.ScenarioError>();
        var axes = new[] { "Conflict.CiviliansPerCartelDeath=0:6:4", "Recruitment.Rho=0.001,0.003" }.Select(v => Sweep.ParseVary(v, errors)!).ToList();
        var e = Sweep.Build(new SweepRequest(System.IO.Path.Combine(t.Path, "tiny.json"), "tiny", dir, axes, 2, 12, false, 4, Array.Empty<string>(), Array.Empty<string>()), out _);
        ExperimentRunner.Run(e, dir, 0, 1, 2);
        ExperimentReport.Write(e, dir, charts: false, format: OutputFormat.Both);
        return dir;
    }

    [Fact]
    public void Load_ParquetOnly_ReadsTheSameRunsAsTheCsv()
    {
        using var t = new ResearchDir();
        string dir = SweepFolder(t);
        var fromCsv = ScenarioDiscovery.Load(dir, "members");
        File.Delete(System.IO.Path.Combine(dir, "results.csv"));
        var fromParquet = ScenarioDiscovery.Load(dir, "members");
        Assert.Equal(16, fromParquet.X.Length);
        Assert.Equal("members@12", fromParquet.Output);
        Assert.Equal(fromCsv.Y, fromParquet.Y);
        Assert.Equal(fromCsv.X.Select(x => string.Join(",", x)), fromParquet.X.Select(x => string.Join(",", x)));
        Assert.Equal(new[] { 0.0, 0, 2, 2, 4, 4, 6, 6 }, fromParquet.X.Take(16).Where((_, i) => i % 2 == 0).Select(x => x[0]).ToArray());
    }

    [Fact]
    public void Run_PlantedOutputOnASweepFolder_WritesTheTrajectoryAndDescribesTheBox()
    {
        using var t = new ResearchDir();
        string dir = SweepFolder(t);
        // plant the answer: the output is low exactly where CiviliansPerCartelDeath <= 2 (whatever the model does)
        string csv = System.IO.Path.Combine(dir, "results.csv");
        var lines = File.ReadAllLines(csv);
        var head = lines[0].Split(',');
        int key = Array.IndexOf(head, "Conflict.CiviliansPerCartelDeath"), y = Array.IndexOf(head, "cumulative_homicides@12"), rep = Array.IndexOf(head, "replicate");
        for (int i = 1; i < lines.Length; i++)
        {
            var c = lines[i].Split(',');
            c[y] = (double.Parse(c[key], System.Globalization.CultureInfo.InvariantCulture) <= 2 ? 10 + int.Parse(c[rep]) : 50).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = string.Join(",", c);
        }
        File.WriteAllLines(csv, lines);
        var data = ScenarioDiscovery.Load(dir, "cumulative_homicides");
        var d = ScenarioDiscovery.Run(data, new CaseRule(true, 0.5, null), t.Sub("d"));
        var prim = File.ReadAllLines(System.IO.Path.Combine(t.Sub("d"), "prim.csv"));
        Assert.Equal("box,coverage,density,mass,parameter,lo,hi", prim[0]);
        Assert.Equal("0,1,0.5,1,,,", prim[1]); // box 0: every run; half of them are cases
        var box = d.Prim.Trajectory[d.Prim.Final];
        Assert.Equal(new[] { 0 }, box.Restricted(d.Prim));
        Assert.Equal(2, box.Hi[0]);
        Assert.Equal((1.0, 1.0), (box.Coverage, box.Density));
        Assert.Contains("Conflict.CiviliansPerCartelDeath at most 2: 100% of the cases (8 of 8; coverage), 100% of the runs in the box", d.Description);
        Assert.Contains("of the cases", File.ReadAllText(System.IO.Path.Combine(t.Sub("d"), "prim.txt")));
        Assert.True(File.Exists(System.IO.Path.Combine(t.Sub("d"), "charts", "prim_tradeoff.svg")));
    }

    [Fact]
    public void Load_NotAnExperimentFolder_IsBadInput()
    {
        using var t = new ResearchDir();
        Assert.Contains("experiment.json", Assert.Throws<DiscoveryException>(() => ScenarioDiscovery.Load(t.Path, "members")).Message);
    }
}
