using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios.Tests.Resolution;

public sealed class TimelineReaderTests : ScenarioTestBase
{
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
    public void Load_DateAndCommaSeparatedRegions_AreRead()
    {
        var p = dir.Write("t.json", """
        { "StartDate": "2026-02-01", "Weeks": 20,
          "Timeline": [ { "Type": "campaign", "Date": "2026-02-16", "Kind": "troop-surge", "Regions": "Jalisco, Sinaloa" } ] }
        """);
        var c = Assert.IsType<CampaignEvent>(Assert.Single(Load(p).Parameters.Timeline));
        Assert.Equal(2, c.Week); // 15 days after the start: week 2
        Assert.Equal(new[] { "Jalisco", "Sinaloa" }, c.Regions);
    }

    [Fact]
    public void Load_UnknownFieldAndBothWeekAndDate_ReportsEach()
    {
        var p = dir.Write("t.json", """{ "Timeline": [ { "Type": "kingpin-list", "Week": 1, "Date": "2026-03-01", "Count": 2, "Rnk": 1 } ] }""");
        var e = Fails(() => Load(p));
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.0.Rnk" && x.Message.StartsWith("unknown key 'Rnk' in a kingpin-list event"));
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.0.Date" && x.Message == "give Week or Date, not both");
    }
    [Fact]
    public void Load_Rupture_ReadsBothGroupsAndTheOptionalWeight()
    {
        var p = dir.Write("t.json", """
        { "StartDate": "2026-02-01", "Weeks": 60,
          "Timeline": [ { "Type": "rupture", "Week": 4, "Faction": "CJNG", "Other": "Cártel de Sinaloa", "Label": "war" },
                        { "Type": "rupture", "Week": 5, "Faction": "CJNG", "Other": "Cártel del Golfo", "Rivalry": 4 } ] }
        """);
        var t = Load(p).Parameters.Timeline;
        var a = Assert.IsType<RuptureEvent>(t[0]);
        Assert.Equal((4, "CJNG", "Cártel de Sinaloa", (double?)null, "war"), (a.Week, a.Faction, a.Other, a.Rivalry, a.Label));
        Assert.Equal(4.0, Assert.IsType<RuptureEvent>(t[1]).Rivalry);
    }

    [Fact]
    public void Load_RuptureWithSameGroupOrWeightAboveMaxRivalryOrNoOther_ReportsEach()
    {
        var p = dir.Write("t.json", """
        { "Weeks": 60,
          "Timeline": [ { "Type": "rupture", "Week": 4, "Faction": "CJNG", "Other": "cjng" },
                        { "Type": "rupture", "Week": 4, "Faction": "CJNG", "Other": "Cártel de Sinaloa", "Rivalry": 7 },
                        { "Type": "rupture", "Week": 4, "Faction": "CJNG" } ] }
        """);
        var e = Fails(() => Load(p));
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.0.Other" && x.Message == "a rupture needs two different groups");
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.1.Rivalry" && x.Allowed.Contains("6"));
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.2.Other" && x.Message.Contains("required"));
    }

    [Fact]
    public void Load_EscapeExtraditionAndTargetingEffort_AreRead()
    {
        var p = dir.Write("t.json", """
        {
          "StartDate": "2014-01-05", "Weeks": 200,
          "Timeline": [
            { "Type": "remove-leader", "Date": "2014-02-22", "Faction": "CJNG", "Mode": "capture" },
            { "Type": "escape", "Date": "2015-07-11", "Faction": "CJNG", "Label": "escape", "Source": "news" },
            { "Type": "Extradition", "Week": 150, "Faction": "CJNG" },
            { "Type": "set-policy", "Week": 160, "Parameter": "targeting-effort", "Value": 0.3, "RampWeeks": 52 }
          ]
        }
        """);
        var t = Load(p).Parameters.Timeline;
        var x = Assert.IsType<EscapeEvent>(t[1]);
        Assert.Equal((78, "CJNG", "escape"), (x.Week, x.Faction, x.Label)); // 552 days after the start
        var y = Assert.IsType<ExtraditionEvent>(t[2]);
        Assert.Equal((150, "CJNG"), (y.Week, y.Faction));
        var z = Assert.IsType<SetPolicyEvent>(t[3]);
        Assert.Equal((PolicyLever.TargetingEffort, 0.3, 52), (z.Parameter, z.Value, z.RampWeeks));
    }

    [Theory]
    [InlineData("escape")]
    [InlineData("extradition")]
    public void Load_EscapeOrExtraditionWithoutFactionOrWithAStrayKey_ReportsEach(string type)
    {
        var p = dir.Write("t.json", $$"""{ "Timeline": [ { "Type": "{{type}}", "Week": 3 }, { "Type": "{{type}}", "Week": 4, "Faction": "CJNG", "Mode": "kill" } ] }""");
        var e = Fails(() => Load(p));
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.0.Faction" && x.Message == "Faction is required");
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.1.Mode" && x.Message.StartsWith($"unknown key 'Mode' in a {type} event") && x.Allowed.Contains("Faction"));
    }

    [Fact]
    public void Load_TargetingEffortOutsideItsRange_Throws()
    {
        var p = dir.Write("t.json", """{ "Timeline": [ { "Type": "set-policy", "Week": 3, "Parameter": "Targeting.Effort", "Value": 4 } ] }""");
        var e = Fails(() => Load(p));
        Assert.Contains(e.Errors, x => x.KeyPath == "Timeline.0.Value" && x.Value == "4" && x.Allowed.Contains("[0, 3]"));
    }
}
