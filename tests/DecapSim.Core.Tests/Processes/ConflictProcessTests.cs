using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;

namespace DecapSim.Core.Tests.Processes;

public class ConflictProcessTests
{
    [Fact]
    public void HazardOf_WellMixed_EqualsReferenceTerm()
    {
        const double theta = 1e-5;
        var p = TestModels.WellMixed(4000, 12) with { Conflict = new ConflictParameters { Theta = theta } };
        var sim = new Simulation(p, 1);
        TestModels.StepUpTo<ConflictProcess>(sim);
        var s = sim.State;
        var pres = s.Presence;
        var F = s.Factions;
        var conflict = TestModels.Process<ConflictProcess>(sim);
        double expectedDeaths = 0, variance = 0;
        var distinct = new HashSet<double>();
        for (int e = 0; e < pres.EntryCountUsed; e++)
        {
            int f = pres.EntryFaction[e];
            double sum = 0;
            for (int k = 0; k < pres.EntryCountUsed; k++)
            {
                int g = pres.EntryFaction[k];
                if (g == f) continue;
                sum += (F.Rivalry[F.Pair(f, g)] + 1) * pres.EntryCount[k];  // C_g (one cell)
            }
            double expected = theta * F.InvAlly[f] * sum;
            Assert.Equal(expected, conflict.HazardOf(e), 12);
            Assert.Equal(1.0, s.Lethality[f]);
            distinct.Add(Math.Round(expected, 12));
            expectedDeaths += pres.EntryCount[e] * expected;
            variance += pres.EntryCount[e] * expected * (1 - expected);
        }
        Assert.True(distinct.Count > 1, "rivalry and alliances should make hazards differ");
        int deaths = s.Cells.CartelDeaths[0];
        Assert.True(expectedDeaths > 50);
        Assert.InRange(deaths, expectedDeaths - 4.5 * Math.Sqrt(variance), expectedDeaths + 4.5 * Math.Sqrt(variance));
    }

    [Fact]
    public void Step_WellMixedManyWeeks_DeathsMatchExpectation()
    {
        const double theta = 2e-6;
        var p = TestModels.WellMixed(4000, 12).NoEnforcement() with { Conflict = new ConflictParameters { Theta = theta } };
        var sim = new Simulation(p, 9);
        var s = sim.State;
        double expected = 0, observed = 0;
        for (int w = 0; w < 20; w++)
        {
            // expected deaths from the start-of-week counts and relations
            var counts = new int[s.Factions.Count];
            for (int i = 0; i < s.Members.Count; i++)
                if (s.Members.Status[i] == (byte)MemberStatus.Active) counts[s.Members.Faction[i]]++;
            var F = s.Factions;
            for (int f = 0; f < F.Count; f++)
            {
                if (counts[f] == 0) continue;
                double sum = 0;
                for (int g = 0; g < F.Count; g++) if (g != f) sum += F.Hostility(f, g) * counts[g];
                expected += counts[f] * theta * sum;
            }
            observed += sim.Step().HomicidesCartel;
        }
        Assert.InRange(observed, expected - 4.5 * Math.Sqrt(expected), expected + 4.5 * Math.Sqrt(expected));
    }

    [Theory]
    [InlineData(WorldKind.WellMixed)]
    [InlineData(WorldKind.Grid)]
    public void Step_ThetaZero_NoCartelDeaths(WorldKind kind)
    {
        var p = (kind == WorldKind.Grid ? TestModels.SmallGrid() : TestModels.WellMixed()).NoConflict();
        var ms = TestModels.Run(new Simulation(p, 1), 30);
        Assert.All(ms, m => Assert.Equal(0, m.HomicidesCartel));
        Assert.All(ms, m => Assert.Equal(0, m.HomicidesCivilian));
    }

    private static InitialFactionData ThreeGroups(params RelationSpec[] rivalries) => new(
        new[] { new FactionSpec("A", "", 300), new FactionSpec("B", "", 200), new FactionSpec("C", "", 100) },
        rivalries, Array.Empty<RelationSpec>());

    [Fact]
    public void Step_RivalsShareCell_RivalPairsInContactCounted()
    {
        var p = TestModels.WellMixed().NoConflict() with { InitialFactions = ThreeGroups(new RelationSpec("A", "B", 1), new RelationSpec("B", "C", 2)) };
        var m = new Simulation(p, 1).Step();
        Assert.Equal(2, m.RivalPairsInContact);
    }

    [Fact]
    public void Step_NoRivalries_NoRivalPairsInContact()
    {
        var p = TestModels.WellMixed().NoConflict() with { InitialFactions = ThreeGroups() };
        var m = new Simulation(p, 1).Step();
        Assert.Equal(0, m.RivalPairsInContact);
    }

    [Fact]
    public void Step_Grid_RivalPairsInContactPositive()
    {
        var ms = TestModels.Run(new Simulation(TestModels.SmallGrid(), 1), 3);
        Assert.All(ms, m => Assert.True(m.RivalPairsInContact > 0));
    }
}
