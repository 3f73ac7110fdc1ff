using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios.Tests;

public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly TempDir dir = new();
    private static readonly Dictionary<string, string> NoEnv = new();
    public void Dispose() => dir.Dispose();

    private static LoadedScenario Load(string path, Dictionary<string, string>? env = null, params string[] sets) =>
        ScenarioLoader.Load(path, env ?? NoEnv, sets);

    private static ScenarioException Fails(Func<LoadedScenario> load) => Assert.Throws<ScenarioException>(() => load());

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

    [Theory]
    [InlineData("well-mixed", WorldKind.WellMixed)]
    [InlineData("WellMixed", WorldKind.WellMixed)]
    [InlineData("GRID", WorldKind.Grid)]
    public void Load_EnumSpellings_AreAccepted(string text, WorldKind expected)
    {
        var s = Load(dir.Write("s.json", "{}"), null, "World.Kind=" + text);
        Assert.Equal(expected, s.Parameters.World.Kind);
        Assert.Equal(EnumTextOf(expected), s.Provenance["World.Kind"].Value);
    }

    private static string EnumTextOf(WorldKind k) => EnumText.Kebab(k.ToString());

    [Fact]
    public void Load_Timeline_BuildsEveryEventKind()
    {
        var p = dir.Write("t.json", """
        {
          "StartDate": "2026-02-01", "Weeks": 100,
          "Timeline": [
            { "Type": "remove-leader", "Date": "2026-02-22", "Faction": "CJNG", "Mode": "capture", "Rank": "lieutenant", "HeirUnavailable": true, "Label": "raid" },
            { "Type": "kingpin-list", "Week": 10, "Count": 37, "OverWeeks": 52, "KillShare": 0.1 },
            { "Type": "set-policy", "Week": 5, "Parameter": "Arms.Interdiction", "Value": 0.5, "RampWeeks": 26 },
            { "Type": "campaign", "Week": 3, "Kind": "us-strikes", "Regions": ["Sinaloa", "Jalisco"], "DurationWeeks": 8, "Intensity": 2 }
          ]
        }
        """);
        var t = Load(p).Parameters.Timeline;
        Assert.Equal(4, t.Count);
        var r = Assert.IsType<RemoveLeaderEvent>(t[0]);
        Assert.Equal((3, "CJNG", RemovalMode.Capture, "Lieutenant", true, "raid"), (r.Week, r.Faction, r.Mode, r.Rank, r.HeirUnavailable, r.Label));
        var k = Assert.IsType<KingpinListEvent>(t[1]);
        Assert.Equal((10, 37, 52, 0.1), (k.Week, k.Count, k.OverWeeks, k.KillShare));
        var s = Assert.IsType<SetPolicyEvent>(t[2]);
        Assert.Equal((PolicyLever.Interdiction, 0.5, 26), (s.Parameter, s.Value, s.RampWeeks));
        var c = Assert.IsType<CampaignEvent>(t[3]);
        Assert.Equal((CampaignKind.UsStrikes, 8, 2.0), (c.Kind, c.DurationWeeks, c.Intensity));
        Assert.Equal(new[] { "Sinaloa", "Jalisco" }, c.Regions);
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
    public void Load_SetPolicyValueOutsideParameterRange_Throws()
    {
        var p = dir.Write("t.json", """{ "Timeline": [ { "Type": "set-policy", "Week": 3, "Parameter": "intel-sharing", "Value": 1.5 } ] }""");
        var e = Fails(() => Load(p));
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.0.Value" && x.Allowed.Contains("[0, 1]"));
    }

    [Fact]
    public void Load_EventAfterLastWeek_Throws()
    {
        var p = dir.Write("t.json", """{ "Weeks": 10, "Timeline": [ { "Type": "kingpin-list", "Week": 10, "Count": 1 } ] }""");
        var e = Fails(() => Load(p));
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.0.Week" && x.Message.Contains("after the last week"));
    }

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
    public void Load_FactionCsvWithBomAndAccents_ReadsFactionsAndMergesEdges()
    {
        dir.Write("f.csv", "name,region,members\nCártel de Jalisco Nueva Generación,Jalisco,31000\n\"Sinaloa, Los Chapitos\",Sinaloa,10000\nFamilia Michoacana,Michoacán,5000\n", bom: true);
        dir.Write("r.csv", "a,b,weight\nCártel de Jalisco Nueva Generación,\"Sinaloa, Los Chapitos\",2\n\"Sinaloa, Los Chapitos\",Cártel de Jalisco Nueva Generación,5\nFamilia Michoacana,Cártel de Jalisco Nueva Generación,1\n");
        dir.Write("al.csv", "b,a,weight\nFamilia Michoacana,\"Sinaloa, Los Chapitos\",0.5\n");
        var p = dir.Write("s.json", """
        { "Factions": { "File": "f.csv" }, "Relations": { "RivalriesFile": "r.csv", "AlliancesFile": "al.csv" },
          "Timeline": [ { "Type": "remove-leader", "Week": 0, "Faction": "cártel de jalisco nueva generación" } ] }
        """);
        var s = Load(p);
        var data = s.Parameters.InitialFactions!;
        Assert.Equal(3, data.Factions.Count);
        Assert.Equal(("Cártel de Jalisco Nueva Generación", "Jalisco", 31000), (data.Factions[0].Name, data.Factions[0].Region, data.Factions[0].Members));
        Assert.Equal("Sinaloa, Los Chapitos", data.Factions[1].Name);
        Assert.Equal(2, data.Rivalries.Count);
        Assert.Equal(5, data.Rivalries.Single(r => r.A.StartsWith("Sinaloa") || r.B.StartsWith("Sinaloa")).Weight);
        Assert.Single(data.Alliances);
        Assert.Equal("Cártel de Jalisco Nueva Generación", ((RemoveLeaderEvent)s.Parameters.Timeline[0]).Faction);
    }

    [Fact]
    public void Load_RelationWithUnknownName_ThrowsNamingFileLineAndName()
    {
        dir.Write("f.csv", "name,region,members\nA,R,10\nB,R,10\n");
        dir.Write("r.csv", "a,b,weight\nA,B,1\nA,Cee,1\n");
        var p = dir.Write("s.json", """{ "Factions": { "File": "f.csv" }, "Relations": { "RivalriesFile": "r.csv" } }""");
        var err = Assert.Single(Fails(() => Load(p)).Errors);
        Assert.EndsWith("r.csv", err.File);
        Assert.Equal(3, err.Line);
        Assert.Equal("Cee", err.Value);
        Assert.Equal("Relations.RivalriesFile", err.KeyPath);
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
    public void Load_UnknownKey_SuggestsNearestName()
    {
        var p = dir.Write("u.json", """{ "Recruitment": { "Rhoo": 0.1 } }""");
        var err = Assert.Single(Fails(() => Load(p)).Errors);
        Assert.Equal("Recruitment.Rhoo", err.KeyPath);
        Assert.Contains("Did you mean 'Recruitment.Rho'", err.Message);
    }

    [Fact]
    public void Load_ParameterInWrongSection_SuggestsItsSection()
    {
        var p = dir.Write("u.json", """{ "Arms": { "Theta": 0.1 } }""");
        var err = Assert.Single(Fails(() => Load(p)).Errors);
        Assert.Contains("Conflict.Theta", err.Message);
    }

    [Fact]
    public void Load_UnknownEnvironmentKey_ThrowsNamingTheVariable()
    {
        var err = Assert.Single(Fails(() => Load(dir.Write("s.json", "{}"), new() { ["DECAPSIM__Arms__Interdicton"] = "0.1" })).Errors);
        Assert.Equal("env DECAPSIM__Arms__Interdicton", err.File);
        Assert.Contains("Arms.Interdiction", err.Message);
    }

    [Theory]
    [InlineData("Weeks=1.5", "Weeks", "not a whole number")]
    [InlineData("Weeks=1e40", "Weeks", "out of range")]
    [InlineData("Weeks=0", "Weeks", "out of range")]
    [InlineData("Recruitment.Rho=NaN", "Recruitment.Rho", "not a finite number")]
    [InlineData("Recruitment.Rho=-0.1", "Recruitment.Rho", "out of range")]
    [InlineData("Arms.Interdiction=abc", "Arms.Interdiction", "not a number")]
    [InlineData("World.Kind=sphere", "World.Kind", "not a known value")]
    [InlineData("StartDate=2026-13-01", "StartDate", "not a date")]
    [InlineData("Succession.MaxLieutenants=3000000000", "Succession.MaxLieutenants", "out of range")]
    [InlineData("Seed=-1", "Seed", "out of range")]
    public void Load_BadSetValue_ThrowsNamingKey(string set, string key, string message)
    {
        var err = Assert.Single(Fails(() => Load(dir.Write("s.json", "{}"), null, set)).Errors);
        Assert.Equal(key, err.KeyPath);
        Assert.Contains(message, err.Message);
        Assert.Equal("--set", err.File);
        Assert.NotEqual("", err.Allowed);
    }

    [Fact]
    public void Load_MoreGroupsThanMembers_Throws()
    {
        var err = Assert.Single(Fails(() => Load(dir.Write("s.json", """{ "Factions": { "Count": 100, "InitialMembers": 10 } }"""))).Errors);
        Assert.Equal("Factions.Count", err.KeyPath);
    }

    [Fact]
    public void Load_NonDefaultValueWithoutNote_Warns()
    {
        var p = dir.Write("s.json", """{ "Arms": { "Interdiction": 0.2, "FlowPerYear": 1000 }, "Notes": { "Arms.Interdiction": "seizures doubled" } }""");
        var s = Load(p);
        var w = Assert.Single(s.Warnings);
        Assert.Equal("Arms.FlowPerYear", w.KeyPath);
        Assert.Equal("seizures doubled", s.Provenance["Arms.Interdiction"].Note);
    }

    [Fact]
    public void Load_SetOverride_DoesNotWarnAboutNotes()
    {
        var s = Load(dir.Write("s.json", "{}"), null, "Arms.Interdiction=0.3");
        Assert.Empty(s.Warnings);
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

    [Fact]
    public void Unannotated_InheritedNoteCoversBaseValue_OnlyChildValueListed()
    {
        dir.Write("base.json", """{ "Weeks": 100, "Notes": { "Weeks": "two years" } }""");
        var child = dir.Write("child.json", """{ "extends": "base.json", "Factions": { "Count": 20 } }""");
        var u = Assert.Single(Load(child).Unannotated);
        Assert.Equal("Factions.Count", u.KeyPath);
        Assert.EndsWith("child.json", u.File);
    }

    [Fact]
    public void Load_NoteForUnknownKey_WarnsWithSuggestion()
    {
        var s = Load(dir.Write("s.json", """{ "Notes": { "Arms.Interdicton": "x" } }"""));
        Assert.Contains("Did you mean 'Arms.Interdiction'", Assert.Single(s.Warnings).Message);
        Assert.Empty(s.Unannotated);
    }

    [Fact]
    public void Baseline_NamesASiblingOrAPath_AndIsInherited()
    {
        var b = dir.Write("base.json", "{}");
        var s = Load(dir.Write("policy.json", """{ "Baseline": "base" }"""));
        Assert.Equal(b, s.Baseline);
        Assert.Equal(b, Load(dir.Write("sub/by-path.json", """{ "Baseline": "../base.json" }""")).Baseline);
        Assert.Equal(b, Load(dir.Write("child.json", """{ "extends": "policy.json" }""")).Baseline);
        Assert.Null(Load(b).Baseline);
    }

    [Fact]
    public void Baseline_MissingOrSelf_IsAnError()
    {
        var missing = Fails(() => Load(dir.Write("a.json", """{ "Baseline": "no-such-scenario" }""")));
        Assert.Contains(missing.Errors, e => e.KeyPath == "Baseline" && e.Message.Contains("not found"));
        var self = Fails(() => Load(dir.Write("self.json", """{ "Baseline": "self" }""")));
        Assert.Contains(self.Errors, e => e.KeyPath == "Baseline" && e.Message.Contains("its own baseline"));
        var number = Fails(() => Load(dir.Write("n.json", """{ "Baseline": 3 }""")));
        Assert.Contains(number.Errors, e => e.KeyPath == "Baseline");
    }
}
