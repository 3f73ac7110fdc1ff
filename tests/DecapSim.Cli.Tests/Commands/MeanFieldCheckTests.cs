using System.Globalization;

namespace DecapSim.Cli.Tests.Commands;

/// <summary>The bundled mean-field scenario: `run` (mean of replicates) and `reference` agree, end to end through the CLI.</summary>
public sealed class MeanFieldCheckTests : CliTestBase
{
    private static string Scenario()
    {
        var d = DecapSim.Scenarios.ScenarioLocator.FindScenarioDirectory(AppContext.BaseDirectory)!;
        return Path.Combine(d, "mean-field-check.json");
    }

    private static double[] Column(string csv, string name, int replicate)
    {
        var lines = File.ReadAllLines(csv);
        var head = lines[0].Split(',');
        int c = Array.IndexOf(head, name), r = Array.IndexOf(head, "replicate");
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f[r] == replicate.ToString(CultureInfo.InvariantCulture))
            .Select(f => double.Parse(f[c], CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public void RunAndReference_MeanFieldScenario_AgreeWithinAFewPercent()
    {
        string run = Path.Combine(dir, "run"), reference = Path.Combine(dir, "ref");
        Assert.Equal(0, Run("run", Scenario(), "--weeks", "260", "--replicates", "3", "--no-charts", "--quiet", "--out", run).Code);
        Assert.Equal(0, Run("reference", Scenario(), "--weeks", "260", "--out", reference).Code);
        var refMembers = Column(Path.Combine(reference, "weekly.csv"), "members", 0);
        var refDeaths = Column(Path.Combine(reference, "weekly.csv"), "homicides_cartel", 0);
        double abmMembers = Enumerable.Range(0, 3).Average(k => Column(Path.Combine(run, "weekly.csv"), "members", k)[^1]);
        double abmDeaths = Enumerable.Range(0, 3).Average(k => Column(Path.Combine(run, "weekly.csv"), "homicides_cartel", k).Sum());
        Assert.InRange(abmMembers / refMembers[^1], 0.98, 1.02);
        Assert.InRange(abmDeaths / refDeaths.Sum(), 0.97, 1.03);
    }
}
