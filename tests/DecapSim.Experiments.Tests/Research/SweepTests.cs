using DecapSim.Experiments.Output;
using DecapSim.Experiments.Research;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Tests.Research;

/// <summary>`decapsim sweep`: --vary parsing, the generated experiment, results.csv, resume, shards, common random numbers.</summary>
public sealed class SweepTests
{
    private static SweepAxis Vary(string text)
    {
        var errors = new List<ScenarioError>();
        var a = Sweep.ParseVary(text, errors);
        Assert.True(a is not null, string.Join("; ", errors));
        return a!;
    }

    private static string VaryError(string text)
    {
        var errors = new List<ScenarioError>();
        Assert.Null(Sweep.ParseVary(text, errors));
        return Assert.Single(errors).ToString();
    }

    [Fact]
    public void ParseVary_Range_MakesNEvenlySpacedCleanValues()
    {
        Assert.Equal(new[] { "0.1", "0.2", "0.3" }, Vary("Arms.Interdiction=0.1:0.3:3").Values);
        Assert.Equal(new[] { "0", "0.25", "0.5" }, Vary("Arms.Interdiction=0:0.5:3").Values);
        var a = Vary("targeting.pkill=0.2:0.8:2");
        Assert.Equal("Targeting.PKill", a.Key);
        Assert.Equal(new[] { "0.2", "0.8" }, a.Values);
    }

    [Fact]
    public void ParseVary_List_KeepsTheOrderAndNormalisesNumbers()
    {
        Assert.Equal(new[] { "0.5", "0.1", "1" }, Vary("Arms.Interdiction=0.50, 0.1,1.0").Values);
    }

    [Theory]
    [InlineData("Arms.Interdictoin=0:1:3", "unknown parameter")]
    [InlineData("Arms.Interdiction=0:1:1", "number of values out of range")]
    [InlineData("Arms.Interdiction=0.5:0.1:3", "empty range")]
    [InlineData("Arms.Interdiction=0:7:3", "outside the parameter's allowed values")]
    [InlineData("Arms.Interdiction=0.1,0.1", "duplicate value")]
    [InlineData("Arms.Interdiction", "expected Key=lo:hi:n")]
    [InlineData("Arms.Interdiction=a:b:c", "not lo:hi:n")]
    public void ParseVary_BadInput_SaysWhatIsWrong(string text, string message)
    {
        var e = VaryError(text);
        Assert.Contains(message, e);
        Assert.Contains("--vary", e);
    }

    private static SweepRequest Request(ResearchDir t, string dir, int replicates = 2, params string[] vary) =>
        new(Path.Combine(t.Path, "tiny.json"), "tiny", dir, vary.Select(Vary).ToList(), replicates, 12, false, 9, Array.Empty<string>(), Array.Empty<string>());

    [Fact]
    public void Build_DefaultOutputs_AreTheFourMetricsAtTheLastWeek()
    {
        using var t = new ResearchDir();
        var e = Sweep.Build(Request(t, t.Sub("s"), 2, "Recruitment.Rho=0.001:0.003:3", "Conflict.CiviliansPerCartelDeath=1,4"), out var json);
        Assert.Equal(new[] { "cumulative_homicides@12", "active_factions@12", "members@12", "cumulative_revenue_usd@12" }, e.Outputs.Select(o => o.Text));
        Assert.Equal(DesignType.Factorial, e.Design.Type);
        Assert.Equal(6, DesignPlan.For(e).Count);
        Assert.Contains("\"Scenario\": \"../tiny.json\"", json);
    }

    [Fact]
    public void Build_BadOutput_IsReportedAgainstTheOption()
    {
        using var t = new ResearchDir();
        var r = Request(t, t.Sub("s"), 1, "Recruitment.Rho=0.001:0.003:3") with { Outputs = new[] { "homicides@99" } };
        var ex = Assert.Throws<ScenarioException>(() => Sweep.Build(r, out _));
        Assert.Contains("--output homicides@99", ex.Message);
    }

    [Fact]
    public void Run_OneRowPerPointAndReplicate_CommonSeedsAcrossPoints_ResumeAndShardsAgree()
    {
        using var t = new ResearchDir();
        string dir = t.Sub("sweep");
        var e = Sweep.Build(Request(t, dir, 2, "Recruitment.Rho=0.001:0.003:3", "Conflict.CiviliansPerCartelDeath=1,4"), out _);
        ExperimentRunner.Run(e, dir, 0, 1, 2);
        ExperimentReport.Write(e, dir, charts: true, format: OutputFormat.Both);
        var rows = TestScenarios.ReadCsv(Path.Combine(dir, "results.csv"));
        Assert.Equal(12, rows.Count);
        Assert.Equal("point,replicate,seed,Recruitment.Rho,Conflict.CiviliansPerCartelDeath,cumulative_homicides@12,active_factions@12,members@12,cumulative_revenue_usd@12",
            File.ReadLines(Path.Combine(dir, "results.csv")).First());
        Assert.Equal(6, rows.Select(r => (r["Recruitment.Rho"], r["Conflict.CiviliansPerCartelDeath"])).Distinct().Count());
        // seed is the master seed: `decapsim run --seed 9 --replicates r+1` with the point's values reproduces a row
        Assert.All(rows, r => Assert.Equal("9", r["seed"]));
        // common random numbers: at one point, replicates differ; a replicate's dynamics are shared by every point
        Assert.NotEqual(rows[0]["members@12"] + rows[0]["cumulative_homicides@12"], rows[1]["members@12"] + rows[1]["cumulative_homicides@12"]);
        Assert.True(File.Exists(Path.Combine(dir, "charts", "sweep_cumulative_homicides_12_Recruitment_Rho.svg")));
        Output.TableAssert.AssertSameAsCsv(Path.Combine(dir, "results.parquet"), Path.Combine(dir, "results.csv"));
        Output.TableAssert.AssertSameAsCsv(Path.Combine(dir, "design.parquet"), Path.Combine(dir, "design.csv"));

        // resume: nothing left to run
        Assert.Equal(0, ExperimentRunner.Run(e, dir, 0, 1, 2).Ran);
        // shards + merge give the same results.csv
        var e0 = Sweep.Build(Request(t, t.Sub("s0"), 2, "Recruitment.Rho=0.001:0.003:3", "Conflict.CiviliansPerCartelDeath=1,4"), out _);
        var e1 = Sweep.Build(Request(t, t.Sub("s1"), 2, "Recruitment.Rho=0.001:0.003:3", "Conflict.CiviliansPerCartelDeath=1,4"), out _);
        Assert.Equal(e.Id, e0.Id); // sibling folders: the same experiment
        ExperimentRunner.Run(e0, t.Sub("s0"), 0, 2, 1);
        ExperimentRunner.Run(e1, t.Sub("s1"), 1, 2, 1);
        var merged = ExperimentRunner.Merge(new[] { t.Sub("s0"), t.Sub("s1") }, t.Sub("m"));
        ExperimentReport.Write(merged, t.Sub("m"), charts: false, format: OutputFormat.Csv);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "results.csv")), File.ReadAllBytes(Path.Combine(t.Sub("m"), "results.csv")));
    }
}
