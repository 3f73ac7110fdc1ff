using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios.Tests.Resolution;

public sealed class ProvenanceTests : ScenarioTestBase
{
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
}
