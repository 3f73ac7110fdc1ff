using DecapSim.Experiments.Research;

namespace DecapSim.Experiments.Tests.Research;

public class BundledExperimentsTests
{
    private static string Root()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DecapSim.sln"))) root = Path.GetDirectoryName(root)!;
        return root;
    }

    public static IEnumerable<object[]> Files() =>
        Directory.GetFiles(Path.Combine(Root(), "scenarios", "experiments"), "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Files))]
    public void BundledExperiment_Loads(string name) =>
        Assert.NotEmpty(ExperimentFile.Load(Path.Combine(Root(), "scenarios", "experiments", name)).Id);

    [Fact]
    public void Calibrate2007_FitsUntil2018_AndHoldsOutTheRest()
    {
        var e = ExperimentFile.Load(Path.Combine(Root(), "scenarios", "experiments", "calibrate-2007.json"));
        Assert.Equal(DesignType.AbcSmc, e.Design.Type);
        Assert.True(e.Design.Budget <= 2000);
        var hom = e.Targets.Single(t => t.Series.Metric == "homicides");
        Assert.Equal(Enumerable.Range(2007, 18), hom.Series.Keys);
        Assert.Equal(12, hom.Series.Keys.Count(hom.InFit));
        Assert.All(e.Targets, t => Assert.Equal(2018, t.FitTo));
        Assert.DoesNotContain(e.Parameters, p => p.Key is "Weeks" or "StartDate");
    }
}
