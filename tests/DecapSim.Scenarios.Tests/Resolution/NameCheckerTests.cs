using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios.Tests.Resolution;

public sealed class NameCheckerTests : ScenarioTestBase
{
    [Fact]
    public void Load_UnknownFactionWithCatalog_ThrowsWithSuggestion()
    {
        var p = dir.Write("t.json", """{ "Timeline": [ { "Type": "remove-leader", "Week": 1, "Faction": "CJGN" } ] }""");
        var catalog = new FakeCatalog(new[] { "CJNG", "Sinaloa" }, new[] { "Jalisco" });
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(p, NoEnv, Array.Empty<string>(), catalog));
        var err = Assert.Single(e.Errors);
        Assert.Equal("Timeline.0.Faction", err.KeyPath);
        Assert.Contains("Did you mean 'CJNG'", err.Message);
        Assert.Equal(p, err.File);
        Assert.Equal(1, err.Line);
    }

    [Fact]
    public void Load_KnownNamesWithCatalog_CanonicalizesSpelling()
    {
        var p = dir.Write("t.json", """{ "Timeline": [ { "Type": "remove-leader", "Week": 1, "Faction": "cjng" }, { "Type": "campaign", "Week": 1, "Kind": "troop-surge", "Regions": ["michoacan"] } ] }""");
        var catalog = new FakeCatalog(new[] { "CJNG" }, new[] { "Michoacan" });
        var t = ScenarioLoader.Load(p, NoEnv, Array.Empty<string>(), catalog).Parameters.Timeline;
        Assert.Equal("CJNG", ((RemoveLeaderEvent)t[0]).Faction);
        Assert.Equal("Michoacan", Assert.Single(((CampaignEvent)t[1]).Regions));
    }

    [Fact]
    public void Load_UnknownRegionWithCatalog_Throws()
    {
        var p = dir.Write("t.json", """{ "Timeline": [ { "Type": "campaign", "Week": 1, "Kind": "troop-surge", "Regions": ["Narnia"] } ] }""");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(p, NoEnv, Array.Empty<string>(), new FakeCatalog(new[] { "A" }, new[] { "Jalisco" })));
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.0.Regions" && x.Value == "Narnia");
    }

    [Fact]
    public void Load_RuptureNamesWithCatalog_AreCheckedAndCanonicalized()
    {
        var p = dir.Write("t.json", """{ "Timeline": [ { "Type": "rupture", "Week": 1, "Faction": "cjng", "Other": "sinaloa" }, { "Type": "rupture", "Week": 2, "Faction": "CJNG", "Other": "Sinaola" } ] }""");
        var catalog = new FakeCatalog(new[] { "CJNG", "Sinaloa" }, new[] { "Jalisco" });
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(p, NoEnv, Array.Empty<string>(), catalog));
        var err = Assert.Single(e.Errors);
        Assert.Equal("Timeline.1.Other", err.KeyPath);
        Assert.Contains("Did you mean 'Sinaloa'", err.Message);

        var ok = dir.Write("u.json", """{ "Timeline": [ { "Type": "rupture", "Week": 1, "Faction": "cjng", "Other": "sinaloa" } ] }""");
        var r = Assert.IsType<RuptureEvent>(Assert.Single(ScenarioLoader.Load(ok, NoEnv, Array.Empty<string>(), catalog).Parameters.Timeline));
        Assert.Equal(("CJNG", "Sinaloa"), (r.Faction, r.Other));
    }

    [Theory]
    [InlineData("escape")]
    [InlineData("extradition")]
    public void Load_EscapeOfUnknownFactionWithCatalog_ThrowsWithSuggestion(string type)
    {
        var p = dir.Write("t.json", $$"""{ "Timeline": [ { "Type": "{{type}}", "Week": 1, "Faction": "Sinaola" } ] }""");
        var catalog = new FakeCatalog(new[] { "CJNG", "Sinaloa" }, new[] { "Jalisco" });
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(p, NoEnv, Array.Empty<string>(), catalog));
        var err = Assert.Single(e.Errors);
        Assert.Equal(("Timeline.0.Faction", "Sinaola", "a faction of the initial landscape"), (err.KeyPath, err.Value, err.Allowed));
        Assert.Contains("Did you mean 'Sinaloa'", err.Message);
        Assert.Equal(p, err.File);
    }

    [Fact]
    public void Load_EscapeWithoutAnEarlierCapture_WarnsAndKeepsTheEvent()
    {
        var p = dir.Write("t.json", """
        { "Timeline": [
            { "Type": "remove-leader", "Week": 5, "Faction": "CJNG", "Mode": "capture" },
            { "Type": "escape", "Week": 3, "Faction": "CJNG" },
            { "Type": "escape", "Week": 8, "Faction": "cjng" },
            { "Type": "extradition", "Week": 9, "Faction": "Sinaloa" } ] }
        """);
        var catalog = new FakeCatalog(new[] { "CJNG", "Sinaloa" }, new[] { "Jalisco" });
        var s = ScenarioLoader.Load(p, NoEnv, Array.Empty<string>(), catalog);
        Assert.Equal(4, s.Parameters.Timeline.Count);
        Assert.Equal("CJNG", ((EscapeEvent)s.Parameters.Timeline[2]).Faction);
        var warned = s.Warnings.Where(w => w.Message.StartsWith("no earlier event captures")).Select(w => w.KeyPath).ToArray();
        Assert.Equal(new[] { "Timeline.1.Faction", "Timeline.3.Faction" }, warned);
    }
}
