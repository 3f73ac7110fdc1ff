using DecapSim.Core.Metrics;

namespace DecapSim.Scenarios.Tests;

public sealed class MetricDocsGeneratorTests
{
    /// <summary>docs/metrics.md is generated; set DECAPSIM_UPDATE_DOCS=1 to rewrite it.</summary>
    [Fact]
    public void Generate_CommittedDocs_AreCurrent()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DecapSim.sln"))) root = Path.GetDirectoryName(root)!;
        var path = Path.Combine(root, "docs", "metrics.md");
        var generated = MetricDocsGenerator.Generate();
        if (Environment.GetEnvironmentVariable("DECAPSIM_UPDATE_DOCS") == "1") File.WriteAllText(path, generated);
        Assert.True(File.Exists(path), "docs/metrics.md is missing; run with DECAPSIM_UPDATE_DOCS=1");
        Assert.Equal(generated, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    [Fact]
    public void Generate_EveryMetric_AppearsWithUnit()
    {
        var md = MetricDocsGenerator.Generate();
        Assert.All(MetricCatalog.All, m => Assert.Contains($"| `{m.Name}` | {m.Unit} |", md));
    }
}
