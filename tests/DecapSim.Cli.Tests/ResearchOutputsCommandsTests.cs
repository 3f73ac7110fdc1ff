namespace DecapSim.Cli.Tests;

/// <summary>CLI-level tests of `decapsim sweep`, `decapsim experiment discover` and `--format`.</summary>
public sealed class ResearchOutputsCommandsTests : CliTestBase
{
    private string Tiny() =>
        Write("tiny.json", """{ "Seed": 3, "Weeks": 6, "World": { "Kind": "grid", "Width": 3, "Height": 3 }, "Factions": { "Count": 4, "InitialMembers": 400 } }""");

    [Fact]
    public void Sweep_ThenDiscover_WritesResultsAndPrim()
    {
        var s = Tiny();
        string o = Path.Combine(dir, "s");
        var (code, _, err) = Run("sweep", s, "--vary", "Recruitment.Rho=0.001:0.004:3", "--vary", "Targeting.PKill=0.2,0.8", "--replicates", "2", "--out", o, "--quiet", "--threads", "1");
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(Path.Combine(o, "results.csv"));
        Assert.Equal(13, lines.Length);
        Assert.StartsWith("point,replicate,seed,Recruitment.Rho,Targeting.PKill,cumulative_homicides@6,active_factions@6,members@6,cumulative_revenue_usd@6", lines[0]);
        Assert.True(File.Exists(Path.Combine(o, "sweep.json")));
        Assert.False(File.Exists(Path.Combine(o, "results.parquet"))); // csv is the sweep's default
        var d = Run("experiment", "discover", o, "--output", "members", "--above", "0.5", "--out", Path.Combine(dir, "d"));
        Assert.True(d.Code == 0, d.Err);
        Assert.Contains("Cases of interest", d.Out);
        Assert.Equal("box,coverage,density,mass,parameter,lo,hi", File.ReadLines(Path.Combine(dir, "d", "prim.csv")).First());
        // the sweep's own experiment file resumes it: nothing left to run
        var again = Run("experiment", "run", Path.Combine(o, "sweep.json"), "--out", o, "--threads", "1");
        Assert.Equal(0, again.Code);
        Assert.Contains("0 run(s) done, 12 already stored", again.Out);
    }

    [Theory]
    [InlineData("Recruitment.Rhoo=0.001:0.004:3", "unknown parameter")]
    [InlineData("Recruitment.Rho=0.001:0.004", "Recruitment.Rho=0.001:0.004")]
    [InlineData("Targeting.PKill=0.2:1.8:3", "outside the parameter's allowed values")]
    public void Sweep_BadVary_ExitsWith2AndWritesNothing(string vary, string message)
    {
        var s = Tiny();
        string o = Path.Combine(dir, "bad");
        var (code, _, err) = Run("sweep", s, "--vary", vary, "--out", o);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
        Assert.False(Directory.Exists(o));
    }

    [Fact]
    public void Discover_BadArguments_ExitWith2()
    {
        Assert.Equal(2, Run("experiment", "discover", dir, "--output", "members", "--below", "0.5").Code); // not an experiment folder
        Assert.Contains("exactly one of", Run("experiment", "discover", dir, "--output", "members").Err);
        Assert.Contains("not a quantile level", Run("experiment", "discover", dir, "--output", "members", "--below", "1.5").Err);
    }

    [Fact]
    public void Run_FormatParquet_WritesParquetTablesOnly_BadFormatExitsWith2()
    {
        var s = Tiny();
        string o = Path.Combine(dir, "r");
        var (code, _, err) = Run("run", s, "--format", "parquet", "--no-charts", "--quiet", "--out", o);
        Assert.True(code == 0, err);
        foreach (var t in new[] { "weekly", "regions", "factions", "events", "summary" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(o, t + ".parquet"));
            Assert.Equal("PAR1", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal("PAR1", System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 4, 4));
            Assert.False(File.Exists(Path.Combine(o, t + ".csv")));
        }
        Assert.True(File.Exists(Path.Combine(o, "manifest.json")));
        var bad = Run("run", s, "--format", "xlsx", "--out", Path.Combine(dir, "x"));
        Assert.Equal(2, bad.Code);
        Assert.Contains("csv, parquet or both", bad.Err);
    }
}
