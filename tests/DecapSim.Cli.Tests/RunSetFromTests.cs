namespace DecapSim.Cli.Tests;

/// <summary>`decapsim run --set-from DATE`: bad input is exit 2 with the option named; a valid one runs.</summary>
public sealed class RunSetFromTests : CliTestBase
{
    [Theory]
    [InlineData("Recruitment.Rho=0.1", "2026-03-01", "only policy levers")]
    [InlineData("Arms.Interdiction=0.2", "2019-01-01", "before StartDate")]
    [InlineData("Arms.Interdiction=0.2", "01/03/2026", "not a date")]
    public void Bad_set_from_is_exit_2_naming_the_option(string set, string date, string message)
    {
        var (code, _, err) = Run("run", "el-mencho-2026", "--weeks", "8", "--set", set, "--set-from", date, "--out", Path.Combine(dir, "out"), "--quiet");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--set-from", err);
        Assert.Contains(message, err);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public void The_policy_event_is_in_the_manifest_timeline()
    {
        var outDir = Path.Combine(dir, "ok");
        var (code, _, err) = Run("run", "el-mencho-2026", "--weeks", "6", "--set", "Arms.Interdiction=0.4", "--set-from", "2026-02-22",
            "--no-charts", "--no-baseline", "--quiet", "--out", outDir);
        Assert.True(code == 0, err);
        Assert.Contains("from 2026-02-22: Arms.Interdiction = 0.4", File.ReadAllText(Path.Combine(outDir, "manifest.json")));
    }
}
