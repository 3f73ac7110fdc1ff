using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Processes;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests.Processes;

/// <summary>An alliance that ends in war (the timeline's rupture event).</summary>
public class RuptureEventTests
{
    private const int RuptureWeek = 4;

    /// <summary>The two largest groups of a small grid, made firm allies before the first step.</summary>
    private static (Simulation Sim, int F, int G) AlliedPair(ulong seed, bool rupture, double? weight = null)
    {
        var probe = new Simulation(TestModels.SmallGrid().NoTargeting(), seed);
        var (a, b) = TwoLargest(probe.State);
        string fa = probe.State.Factions.Name[a], fb = probe.State.Factions.Name[b];
        var p = TestModels.SmallGrid().NoTargeting() with
        {
            Weeks = 60,
            Timeline = rupture
                ? new TimelineEvent[] { new RuptureEvent { Week = RuptureWeek, Faction = fa, Other = fb, Rivalry = weight } }
                : Array.Empty<TimelineEvent>(),
        };
        var sim = new Simulation(p, seed);
        var F = sim.State.Factions;
        int f = EventsProcess.FindFaction(sim.State, fa), g = EventsProcess.FindFaction(sim.State, fb);
        FactionTable.SetSym(F.Alliance, F.Capacity, f, g, 1.0);
        FactionTable.SetSym(F.Rivalry, F.Capacity, f, g, 0);
        F.RefreshAlliance(f);
        F.RefreshAlliance(g);
        return (sim, f, g);
    }

    private static (int, int) TwoLargest(ModelState s)
    {
        var sizes = new int[s.Factions.Count];
        for (int i = 0; i < s.Members.Count; i++) if (s.Members.IsActive(i)) sizes[s.Members.Faction[i]]++;
        var order = Enumerable.Range(0, sizes.Length).OrderByDescending(f => sizes[f]).ToArray();
        return (order[0], order[1]);
    }

    [Fact]
    public void Rupture_EndsTheAllianceAndStartsAWarOfTheSuccessionWarsWeight()
    {
        var (sim, f, g) = AlliedPair(1, rupture: true);
        var F = sim.State.Factions;
        TestModels.Run(sim, RuptureWeek);
        Assert.InRange(F.Alliance[F.Pair(f, g)], 0.9, 1.0);   // alliances fade slowly
        Assert.Equal(0, F.War[F.Pair(f, g)]);

        sim.Step();

        Assert.Equal(0, F.Alliance[F.Pair(f, g)]);
        Assert.Equal(0, F.Alliance[F.Pair(g, f)]);
        double war = sim.State.P.Succession.WarRivalry;
        Assert.InRange(F.War[F.Pair(f, g)], 0.9 * war, war);   // set this week, decayed by at most one week
        Assert.Equal(F.War[F.Pair(f, g)], F.War[F.Pair(g, f)]);
        double others = 0;
        for (int h = 0; h < F.Count; h++) if (F.Active[h]) others += F.Alliance[F.Pair(f, h)];
        Assert.Equal(1 / (1 + others), F.InvAlly[f], 12);
        Assert.Contains(sim.State.Events, e => e.Type == SimEventType.Rupture && e.Faction == f && e.Other == g && e.Value == war);
    }

    [Fact]
    public void Rupture_WithAWeight_UsesIt()
    {
        var (sim, f, g) = AlliedPair(2, rupture: true, weight: 5);
        TestModels.Run(sim, RuptureWeek + 1);
        var F = sim.State.Factions;
        Assert.InRange(F.War[F.Pair(f, g)], 4.5, 5);
    }

    [Fact]
    public void Rupture_RaisesCartelKilling()
    {
        // paired seeds: the same worlds with and without the rupture; cartel deaths over the following year
        double with = 0, without = 0;
        for (ulong seed = 1; seed <= 4; seed++)
        {
            with += CartelDeathsAfter(seed, rupture: true);
            without += CartelDeathsAfter(seed, rupture: false);
        }
        Assert.True(with > 1.2 * without, $"{with} cartel deaths with the rupture, {without} without");
    }

    private static double CartelDeathsAfter(ulong seed, bool rupture)
    {
        var (sim, _, _) = AlliedPair(seed, rupture);
        TestModels.Run(sim, RuptureWeek);
        return TestModels.Run(sim, 52).Sum(m => m.HomicidesCartel);
    }

    [Fact]
    public void Rupture_OfAnUnknownGroup_DoesNothing()
    {
        var p = TestModels.SmallGrid().NoTargeting() with
        {
            Timeline = new TimelineEvent[] { new RuptureEvent { Week = 1, Faction = "No Such Cartel", Other = "CJNG" } },
        };
        var sim = new Simulation(p, 1);
        TestModels.Run(sim, 3);
        Assert.DoesNotContain(sim.State.Events, e => e.Type == SimEventType.Rupture);
    }
}
