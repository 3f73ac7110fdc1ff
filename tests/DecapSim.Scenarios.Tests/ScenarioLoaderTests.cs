using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios.Tests;

public sealed class ScenarioLoaderTests : ScenarioTestBase
{
    [Fact]
    public void Load_EmptyObject_ReturnsDefaults()
    {
        var s = Load(dir.Write("empty.json", "{}"));
        Assert.Equal(new ModelParameters().Weeks, s.Parameters.Weeks);
        Assert.Equal(new ModelParameters().Recruitment, s.Parameters.Recruitment);
        Assert.Equal(1UL, s.Seed);
        Assert.Equal("empty", s.Name);
        Assert.Equal("default", s.Provenance["Arms.Interdiction"].Layer);
        Assert.Empty(s.Warnings);
    }

    [Fact]
    public void Load_FullFile_BindsValuesAndMetadata()
    {
        var path = dir.Write("full.json", """
        {
          "Name": "Full", "Question": "Does it bind?", "Description": "d", "Sources": ["a", "b"], "Seed": 18446744073709551615,
          "StartDate": "2020-01-05", "Weeks": 100,
          "World": { "Kind": "grid", "Width": 10 },
          "Enforcement": { "ArrestMode": "FixedCount", "Eta": 55.5 },
          "Factions": { "Landscape": "year2007" }
        }
        """);
        var s = Load(path);
        Assert.Equal("Full", s.Title);
        Assert.Equal("Does it bind?", s.Question);
        Assert.Equal(new[] { "a", "b" }, s.Sources);
        Assert.Equal(ulong.MaxValue, s.Seed);
        Assert.Equal(new DateOnly(2020, 1, 5), s.Parameters.StartDate);
        Assert.Equal(100, s.Parameters.Weeks);
        Assert.Equal(WorldKind.Grid, s.Parameters.World.Kind);
        Assert.Equal(10, s.Parameters.World.Width);
        Assert.Equal(ArrestMode.FixedCount, s.Parameters.Enforcement.ArrestMode);
        Assert.Equal(55.5, s.Parameters.Enforcement.Eta);
        Assert.Equal(Landscape.Year2007, s.Parameters.Factions.Landscape);
        Assert.Equal(path, s.Provenance["World.Width"].Layer);
    }

    [Fact]
    public void Load_ExtendsChain_ChildOverridesBaseAndInheritsRest()
    {
        dir.Write("a.json", """{ "Question": "Q from a", "Weeks": 50, "Arms": { "Interdiction": 0.2, "FlowPerYear": 1000 } }""");
        dir.Write("sub/b.json", """{ "extends": "../a.json", "Arms": { "Interdiction": 0.3 } }""");
        var c = dir.Write("sub/c.json", """{ "extends": "b.json", "Weeks": 60 }""");
        var s = Load(c);
        Assert.Equal(60, s.Parameters.Weeks);
        Assert.Equal(0.3, s.Parameters.Arms.Interdiction);
        Assert.Equal(1000, s.Parameters.Arms.FlowPerYear);
        Assert.Equal("Q from a", s.Question);
        Assert.Equal(3, s.Files.Count);
        Assert.EndsWith("b.json", s.Provenance["Arms.Interdiction"].Layer);
        Assert.EndsWith("a.json", s.Provenance["Arms.FlowPerYear"].Layer);
    }

    [Fact]
    public void Load_ExtendsCycle_ThrowsNamingTheCycle()
    {
        dir.Write("x.json", """{ "extends": "y.json" }""");
        var y = dir.Write("y.json", """{ "extends": "x.json" }""");
        var e = Fails(() => Load(y));
        Assert.Contains(e.Errors, x => x.KeyPath == "extends" && x.Message.Contains("cycle"));
    }

    [Fact]
    public void Load_EnvironmentVariable_OverridesFile()
    {
        var p = dir.Write("s.json", """{ "Arms": { "Interdiction": 0.2 } }""");
        var s = Load(p, new() { ["DECAPSIM__Arms__Interdiction"] = "0.4", ["OTHER"] = "x" });
        Assert.Equal(0.4, s.Parameters.Arms.Interdiction);
        Assert.Equal("env DECAPSIM__Arms__Interdiction", s.Provenance["Arms.Interdiction"].Layer);
    }

    [Fact]
    public void Load_SetOption_OverridesEnvironmentAndFile()
    {
        var p = dir.Write("s.json", """{ "Arms": { "Interdiction": 0.2 } }""");
        var s = Load(p, new() { ["DECAPSIM__ARMS__INTERDICTION"] = "0.4" }, "Arms.Interdiction=0.6");
        Assert.Equal(0.6, s.Parameters.Arms.Interdiction);
        Assert.Equal("--set", s.Provenance["Arms.Interdiction"].Layer);
    }

    [Fact]
    public void Load_RepeatedSet_LastWins()
    {
        var s = Load(dir.Write("s.json", "{}"), null, "Weeks=10", "weeks=20");
        Assert.Equal(20, s.Parameters.Weeks);
    }

    [Fact]
    public void Load_ChildTimeline_ReplacesBaseTimeline()
    {
        dir.Write("base.json", """{ "Timeline": [ { "Type": "kingpin-list", "Week": 1, "Count": 5 }, { "Type": "kingpin-list", "Week": 2, "Count": 6 } ] }""");
        var child = dir.Write("child.json", """{ "extends": "base.json", "Timeline": [ { "Type": "set-policy", "Week": 3, "Parameter": "demand", "Value": 2 } ] }""");
        var t = Load(child).Parameters.Timeline;
        Assert.IsType<SetPolicyEvent>(Assert.Single(t));
    }

    [Fact]
    public void Load_MalformedJson_ReportsLineAndColumn()
    {
        var p = dir.Write("m.json", "{\n  \"Weeks\": 10,\n  \"Arms\": { \"Interdiction\": 0.1 }\n  \"x\": 1\n}");
        var err = Assert.Single(Fails(() => Load(p)).Errors);
        Assert.Equal(4, err.Line);
        Assert.Equal(3, err.Column);
        Assert.Contains("malformed JSON", err.Message);
    }

    [Fact]
    public void Load_MoreGroupsThanMembers_Throws()
    {
        var err = Assert.Single(Fails(() => Load(dir.Write("s.json", """{ "Factions": { "Count": 100, "InitialMembers": 10 } }"""))).Errors);
        Assert.Equal("Factions.Count", err.KeyPath);
    }

    [Fact]
    public void Load_MultipleErrors_ReportsAll()
    {
        var p = dir.Write("s.json", """{ "Weeks": -3, "Arms": { "Interdiction": 2 }, "Bogus": 1 }""");
        var e = Fails(() => Load(p));
        Assert.Equal(new[] { "Arms.Interdiction", "Bogus", "Weeks" }, e.Errors.Select(x => x.KeyPath).Order().ToArray());
    }

    [Fact]
    public void Load_BadValueAndBadEvent_ReportsBoth()
    {
        var p = dir.Write("s.json", """{ "Arms": { "Interdiction": 2 }, "Timeline": [ { "Type": "kingpin-list", "Week": 1, "Count": 0 } ] }""");
        var e = Fails(() => Load(p));
        Assert.Equal(new[] { "Arms.Interdiction", "Timeline.0.Count" }, e.Errors.Select(x => x.KeyPath).Order().ToArray());
    }
}
