namespace DecapSim.Scenarios.Tests;

public sealed class ReferenceSeriesTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private static LoadedScenario Load(string path) => ScenarioLoader.Load(path, new Dictionary<string, string>(), Array.Empty<string>());

    [Fact]
    public void References_AreReadRelativeToTheFileThatDeclaresThem_AndInheritedThroughExtends()
    {
        dir.Write("data/obs.csv", "# observed\nyear,value\n2021,30\n2020,10\n\n2022,40\n");
        dir.Write("base.json", """{ "StartDate": "2020-01-05", "Weeks": 200, "References": [ { "Metric": "homicides", "File": "data/obs.csv", "Fit": [2020, 2021], "Source": "made up" } ] }""");
        var child = dir.Write("sub/child.json", """{ "extends": "../base.json", "Name": "child" }""");
        var s = Load(child);
        var r = Assert.Single(s.References);
        Assert.Equal("homicides", r.Metric);
        Assert.Equal(new[] { 2020, 2021, 2022 }, r.Years);
        Assert.Equal(new[] { 10.0, 30, 40 }, r.Values);
        Assert.True(r.InFit(2021));
        Assert.False(r.InFit(2022));
        Assert.Equal(40, r.ValueOf(2022));
        Assert.Null(r.ValueOf(2019));
        Assert.Equal("made up", r.Source);
    }

    [Theory]
    [InlineData("""[ { "Metric": "homicidez", "File": "obs.csv" } ]""", "References.0.Metric", "homicides")]
    [InlineData("""[ { "Metric": "homicides", "File": "nope.csv" } ]""", "References.0.File", "file not found")]
    [InlineData("""[ { "Metric": "homicides", "File": "obs.csv", "Fit": [2022, 2020] } ]""", "References.0.Fit", "first <= last")]
    [InlineData("""[ { "Metric": "homicides", "File": "obs.csv", "Fit": 2020 } ]""", "References.0.Fit", "bad range")]
    [InlineData("""[ { "Metric": "homicides", "File": "obs.csv", "Weight": 2 } ]""", "References.0.Weight", "unknown key")]
    [InlineData("""[ { "Metric": "homicides" } ]""", "References.0.File", "required")]
    [InlineData("""[ { "Metric": "homicides", "File": "bad.csv" } ]""", "References.0.File", "line 3")]
    [InlineData("""{ "Metric": "homicides" }""", "References", "must be an array")]
    public void BadReference_NamesKeyPathAndProblem(string refs, string keyPath, string text)
    {
        dir.Write("obs.csv", "year,value\n2020,10\n");
        dir.Write("bad.csv", "year,value\n2020,10\n2021,ten\n");
        var path = dir.Write("s.json", $$"""{ "StartDate": "2020-01-05", "Weeks": 200, "References": {{refs}} }""");
        var ex = Assert.Throws<ScenarioException>(() => Load(path));
        var err = Assert.Single(ex.Errors, e => e.KeyPath == keyPath);
        Assert.Contains(text, err.Message + " " + err.Allowed);
    }

    [Fact]
    public void BundledHistoricalScenario_DeclaresTheInegiSeries()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DecapSim.sln"))) root = Path.GetDirectoryName(root)!;
        var s = Load(Path.Combine(root, "scenarios", "historical-2007.json"));
        var h = s.References.Single(r => r.Metric == "homicides");
        Assert.Equal(Enumerable.Range(2007, 18), h.Years);
        Assert.Equal(8867, h.ValueOf(2007));
        Assert.Equal(27213, h.ValueOf(2011));
        Assert.True(h.InFit(2018));
        Assert.False(h.InFit(2019));
    }
}
