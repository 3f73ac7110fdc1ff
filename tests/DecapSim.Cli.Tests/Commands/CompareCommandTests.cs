using System.Text;
using DecapSim.Cli;

namespace DecapSim.Cli.Tests.Commands;

/// <summary>CLI-level tests of `compare` and of the ensemble outputs of `run`.</summary>
public sealed class CompareCommandTests : CliTestBase
{

    private const string Small = """
        { "Name": "Small grid", "Seed": 7, "Weeks": 30,
          "World": { "Kind": "Grid", "Width": 10, "Height": 10, "Ports": 2 },
          "Factions": { "Count": 12, "InitialMembers": 3000, "RivalryEdges": 15, "AllianceEdges": 10 },
          "Territory": { "SpinUpWeeks": 4 } }
        """;



    [Fact]
    public void Compare_TwoScenarios_WritesFilesAndPrintsPlainTable()
    {
        var baseline = Write("small.json", Small);
        var removal = Write("removal.json", """
            { "extends": "small.json", "Timeline": [ { "Type": "remove-leader", "Week": 2, "Faction": "CJNG", "Mode": "kill" } ] }
            """);
        var outDir = Path.Combine(dir, "out");
        var (code, stdout, err) = Run("compare", baseline, removal, "--replicates", "3", "--threads", "2", "--out", outDir);
        Assert.True(code == 0, err);
        Assert.Contains("cumulative_homicides", stdout);
        Assert.Contains("95% CI (paired t)", stdout);
        Assert.DoesNotContain("\u001b[", stdout); // no ANSI codes when not a terminal
        Assert.Equal("scenario,baseline,metric,horizon_weeks,mean_baseline,mean_scenario,mean_difference,ci_low,ci_high,replicates,method",
            File.ReadLines(Path.Combine(outDir, "comparison.csv")).First());
        Assert.StartsWith("scenario,replicate,week,faction,source,region_type,regions,window_weeks,homicides_scenario,homicides_baseline,difference",
            File.ReadLines(Path.Combine(outDir, "event_study.csv")).First());
        foreach (var f in new[] { "weekly.csv", "summary.csv", "regions_summary.csv", "manifest.json" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, "small", f)), "small/" + f);
            Assert.True(File.Exists(Path.Combine(outDir, "removal", f)), "removal/" + f);
        }
        Assert.True(File.Exists(Path.Combine(outDir, "manifest.json")));
        Assert.Empty(Directory.GetFiles(outDir, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public void Compare_Quiet_PrintsNothing()
    {
        var baseline = Write("small.json", Small);
        var (code, stdout, err) = Run("compare", baseline, baseline, "--replicates", "2", "--weeks", "10", "--out", Path.Combine(dir, "q"), "--quiet");
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Equal("", err);
    }

    [Theory]
    [InlineData("--replicates", "1", "--replicates")]
    [InlineData("--threads", "0", "--threads")]
    [InlineData("--weeks", "0", "--weeks")]
    public void Compare_BadOption_ExitsTwo(string option, string value, string expected)
    {
        var baseline = Write("small.json", Small);
        var (code, _, err) = Run("compare", baseline, baseline, option, value, "--out", Path.Combine(dir, "bad"));
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.False(Directory.Exists(Path.Combine(dir, "bad")));
    }

    [Fact]
    public void Compare_MissingScenario_ExitsTwoWritingNothing()
    {
        var baseline = Write("small.json", Small);
        var (code, _, err) = Run("compare", baseline, Path.Combine(dir, "nope.json"), "--replicates", "2", "--out", Path.Combine(dir, "missing"));
        Assert.Equal(2, code);
        Assert.Contains("error:", err);
        Assert.False(Directory.Exists(Path.Combine(dir, "missing")));
    }

    [Fact]
    public void Compare_NoScenario_ExitsTwo()
    {
        var baseline = Write("small.json", Small);
        var (code, _, _) = Run("compare", baseline, "--replicates", "2");
        Assert.Equal(2, code);
    }

    [Fact]
    public void Run_Replicates_WritesRegionsSummaryAndNoProgressLinesWhenQuiet()
    {
        var baseline = Write("small.json", Small);
        var outDir = Path.Combine(dir, "run");
        var (code, stdout, err) = Run("run", baseline, "--replicates", "2", "--weeks", "10", "--no-charts", "--out", outDir, "--quiet");
        Assert.True(code == 0, err);
        Assert.Equal("", stdout);
        var lines = File.ReadAllLines(Path.Combine(outDir, "regions_summary.csv"));
        Assert.Equal("week,date,region,metric,mean,sd,p05,p25,p50,p75,p95,replicates", lines[0]);
        Assert.Contains(lines, l => l.Contains(",blockades,") && l.EndsWith(",2", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_EndsWithThreeHeadlinesAndTheReportPath_ProgressOnStderr()
    {
        var scenario = Write("small.json", Small);
        var outDir = Path.Combine(dir, "headlines");
        var (code, stdout, err) = Run("run", scenario, "--replicates", "2", "--weeks", "12", "--out", outDir);
        Assert.True(code == 0, err);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("homicides over", lines[0]);
        Assert.StartsWith("active factions at the end", lines[1]);
        Assert.StartsWith("splinter groups founded", lines[2]);
        Assert.Equal(Path.GetFullPath(Path.Combine(outDir, "report.html")), lines[3]);
        Assert.Contains("replicate 2 of 2 done", err);
        Assert.Contains("running small", err);
    }

    [Fact]
    public void Run_WithABaselineKey_RunsTheBaselineUnderItsOwnFolder_UnlessNoBaseline()
    {
        Write("small.json", Small);
        var removal = Write("removal.json", """
            { "extends": "small.json", "Baseline": "small",
              "Timeline": [ { "Type": "remove-leader", "Week": 2, "Faction": "CJNG", "Mode": "kill" } ] }
            """);
        var outDir = Path.Combine(dir, "with-baseline");
        var (code, stdout, err) = Run("run", removal, "--replicates", "2", "--weeks", "12", "--out", outDir);
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(outDir, "baseline", "weekly.csv")));
        Assert.Contains("vs baseline", stdout);
        Assert.Contains("baseline", File.ReadAllText(Path.Combine(outDir, "charts", "violence.svg")));
        // the top-level tables hold only the scenario; replicate k of the baseline used the same seed
        Assert.Equal(File.ReadLines(Path.Combine(outDir, "weekly.csv")).Count(), File.ReadLines(Path.Combine(outDir, "baseline", "weekly.csv")).Count());
        var none = Path.Combine(dir, "no-baseline");
        var (code2, _, err2) = Run("run", removal, "--replicates", "2", "--weeks", "12", "--out", none, "--no-baseline", "--no-charts");
        Assert.True(code2 == 0, err2);
        Assert.False(Directory.Exists(Path.Combine(none, "baseline")));
    }
}
