using System.Text;
using DecapSim.Cli;

namespace DecapSim.Cli.Tests.Commands;

/// <summary>`decapsim batch` on a tiny grid world: globs expanded by the command, failures reported, exit codes.</summary>
public sealed class BatchCommandTests : CliTestBase
{
    private const string Tiny = """{ "World": { "Kind": "grid", "Width": 8, "Height": 8 }, "Factions": { "Count": 8, "InitialMembers": 2000 }, "Weeks": 30 }""";



    [Fact]
    public void Batch_GlobWithBrokenScenario_RunsTheRestAndExitsOne()
    {
        var baseline = Write("base.json", Tiny);
        Write("good.json", Tiny.Replace("\"Weeks\": 30", "\"Weeks\": 30, \"Arms\": { \"Interdiction\": 0.5 }"));
        Write("typo.json", """{ "Arms": { "Interdicton": 0.1 } }""");
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = Run("batch", Path.Combine(dir, "*.json"), "--baseline", baseline, "--replicates", "2", "--threads", "1", "--seed", "3", "--out", outDir, "--quiet");
        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("Did you mean 'Arms.Interdiction'", err);
        var index = File.ReadAllText(Path.Combine(outDir, "index.html"));
        Assert.Contains("typo", index);
        Assert.Contains("good/report.html", index);
        Assert.True(File.Exists(Path.Combine(outDir, "good", "report.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "base", "charts", "violence.svg")));
    }

    [Fact]
    public void Batch_AllInputsBad_ExitsTwo()
    {
        var baseline = Write("base.json", Tiny);
        var (code, _, err) = Run("batch", Path.Combine(dir, "nope-*.json"), Path.Combine(dir, "missing.json"), "--baseline", baseline, "--out", Path.Combine(dir, "o"), "--quiet");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no file matches", err);
    }
}
