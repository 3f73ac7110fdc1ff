namespace DecapSim.Cli.Tests;

public sealed class ProgramTests : CliTestBase
{
    [Theory]
    [InlineData("--weeks", "abc", "a whole number")]
    [InlineData("--seed", "-1", "a whole number >= 0")]
    [InlineData("--replicates", "1.5", "a whole number")]
    public void Run_OptionOfWrongType_ExitTwoWithAPlainWordsMessage(string option, string value, string expected)
    {
        var (code, _, err) = Run("run", "baseline", option, value, "--out", Path.Combine(dir, "out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("System.", err);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }
}
