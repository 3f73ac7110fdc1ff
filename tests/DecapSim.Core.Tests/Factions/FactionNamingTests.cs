using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;

namespace DecapSim.Core.Tests.Factions;

public sealed class FactionNamingTests
{
    [Fact]
    public void Default_GivesThePublishedNames()
    {
        Assert.Equal("Grupo 7", FactionNaming.Default.Unnamed(7));
        Assert.Equal("CJNG / escisión 2", FactionNaming.Default.Splinter("CJNG", 2));
    }

    [Fact]
    public void CallersNaming_NamesTheUnnamedInitialGroups()
    {
        int count = NamedGroups.PresentDay.Count + 3;
        var p = TestModels.SmallGrid(3000, count);
        var english = new FactionNaming("Group {0}", "{0} splinter {1}");
        var sim = new Simulation(p, 4, naming: english);
        var names = Enumerable.Range(0, sim.State.Factions.Count).Select(f => sim.State.Factions.Name[f]).ToList();
        Assert.Contains($"Group {count}", names);
        Assert.DoesNotContain(names, n => n.StartsWith("Grupo", StringComparison.Ordinal));
        Assert.Equal(LandscapeBuilder.InitialNames(p, english), names);
        Assert.Contains($"Grupo {count}", LandscapeBuilder.InitialNames(p)); // the default is unchanged
    }
}
