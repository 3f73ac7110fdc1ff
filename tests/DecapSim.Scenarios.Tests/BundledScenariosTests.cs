using DecapSim.Scenarios;

namespace DecapSim.Scenarios.Tests;

/// <summary>The scenarios shipped in scenarios/: each loads without error against the model's own names, and
/// every value that differs from the defaults carries a note saying where it comes from.</summary>
public class BundledScenariosTests
{
    private static string ScenarioDir()
    {
        var dir = ScenarioLocator.FindScenarioDirectory(AppContext.BaseDirectory);
        Assert.False(dir is null, "scenarios/ not found above " + AppContext.BaseDirectory);
        return dir!;
    }

    public static IEnumerable<object[]> Files()
    {
        var dir = ScenarioLocator.FindScenarioDirectory(AppContext.BaseDirectory);
        if (dir is null) yield break;
        foreach (var f in Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            yield return new object[] { Path.GetFileName(f) };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_BundledScenario_ValidAndEveryNonDefaultValueAnnotated(string file)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(ScenarioDir(), file), new Dictionary<string, string>(), Array.Empty<string>(), new CoreModelCatalog());
        Assert.Empty(loaded.Unannotated);
        Assert.False(string.IsNullOrWhiteSpace(loaded.Question), "a bundled scenario states its question");
        Assert.NotEmpty(loaded.Sources);
    }

    [Fact]
    public void Directory_TheScenariosTheIssuesName_AllPresent()
    {
        var names = Directory.GetFiles(ScenarioDir(), "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        foreach (var n in new[] { "baseline", "el-mencho-2026", "el-mencho-2026-capture", "kingpin-strategy-2009", "iron-river", "mission-firewall",
                     "intel-sharing", "state-capacity", "recruitment-prevention", "incapacitation-x2", "us-strikes", "shared-responsibility",
                     "hugs-not-bullets", "historical-2012" })
            Assert.Contains(n, names);
    }
}
