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

public class ConflictSpatialTests
{
    [Fact]
    public void HazardOf_Grid_OneTermPerDyadNearTheCell()
    {
        var p = TestModels.SmallGrid() with { Conflict = new ConflictParameters { DyadRate = 1e-3, AdjacentWeight = 0.25, BaseHostility = 0.3 } };
        var sim = new Simulation(p, 5);
        TestModels.Run(sim, 2);
        TestModels.StepUpTo<ConflictProcess>(sim);
        var s = sim.State;
        var pres = s.Presence;
        var F = s.Factions;
        var world = s.World;
        var conflict = TestModels.Process<ConflictProcess>(sim);
        int checkedEntries = 0;
        for (int e = 0; e < pres.EntryCountUsed; e++)
        {
            int c = pres.EntryCell[e], f = pres.EntryFaction[e];
            // presence (count and lethality-weighted) near c, by faction
            var count = new Dictionary<int, double>();
            var armed = new Dictionary<int, double>();
            void Add(int cell, double w)
            {
                var leth = s.Cells.Contested[cell] ? s.FrontLethality : s.Lethality;
                for (int k = pres.CellEntryStart[cell]; k < pres.CellEntryStart[cell + 1]; k++)
                {
                    int g = pres.EntryFaction[k];
                    count[g] = count.GetValueOrDefault(g) + w * pres.EntryCount[k];
                    armed[g] = armed.GetValueOrDefault(g) + w * pres.EntryCount[k] * leth[g];
                }
            }
            Add(c, 1);
            for (int a = world.AdjacencyStart[c]; a < world.AdjacencyStart[c + 1]; a++) Add(world.Adjacency[a], 0.25);
            double pressure = 0;
            foreach (var (g, n) in count)
            {
                if (g == f) continue;
                double k = F.Rivalry[F.Pair(f, g)] + F.War[F.Pair(f, g)] + (F.Alliance[F.Pair(f, g)] > 0 ? 0 : 0.3);
                pressure += k * armed[g] / (count[f] + n);
            }
            double expected = count.Count < 2 ? 0 : Math.Min(1, 1e-3 * F.InvAlly[f] * pressure);
            Assert.Equal(expected, conflict.HazardOf(e), 12);
            if (expected > 0) checkedEntries++;
        }
        Assert.True(checkedEntries > 10);
    }
}

public class ConflictDyadTests
{
    /// <summary>Three groups on a small grid, unarmed (lambda = 1), with no generated relations.</summary>
    private static ModelParameters Quiet(int members) =>
        TestModels.SmallGrid(members, 3).NoTargeting().NoEnforcement().NoRecruitment() with
        {
            Factions = new FactionParameters { Count = 3, InitialMembers = members, RivalryEdges = 0, AllianceEdges = 0 },
            Arms = new ArmsParameters { LethalityPerGun = 0 },
            Conflict = new ConflictParameters { DyadRate = 1e-3, BaseHostility = 0.5, AdjacentWeight = 0 },
        };

    /// <summary>Hazard of faction 0's members in cell 0 when the factions in <paramref name="inCell"/> stand there.</summary>
    private static double Hazard(int members, params int[] inCell)
    {
        var sim = new Simulation(Quiet(members), 1);
        var s = sim.State;
        TestWorlds.Arrange(s, f => inCell.Contains(f) ? 0 : 55 + 11 * f);
        var conflict = TestModels.Process<ConflictProcess>(sim);
        new ArmsProcess().Step(s);
        conflict.Step(s);
        for (int e = s.Presence.CellEntryStart[0]; e < s.Presence.CellEntryStart[1]; e++)
            if (s.Presence.EntryFaction[e] == 0) return conflict.HazardOf(e);
        throw new InvalidOperationException("faction 0 is not in cell 0");
    }

    [Fact]
    public void Hazard_DoublingBothSides_LeavesPerMemberHazardUnchanged()
    {
        // mass action would double the hazard; a dyad's hazard depends on the rival's share, not on crowding
        double small = Hazard(600, 0, 1), big = Hazard(1200, 0, 1);
        Assert.True(small > 0);
        Assert.InRange(big / small, 0.98, 1.02);
    }

    [Fact]
    public void Hazard_AnotherRivalDyad_AddsItsOwnTerm()
    {
        double one = Hazard(1200, 0, 1), two = Hazard(1200, 0, 1, 2);
        Assert.True(two > 1.3 * one, $"one dyad {one}, two dyads {two}");
    }

    [Fact]
    public void Hazard_UnrelatedGroupsAtZeroBaseHostility_DoNotFight()
    {
        var p = Quiet(600);
        p = p with { Conflict = p.Conflict with { BaseHostility = 0 } };
        var sim = new Simulation(p, 1);
        var s = sim.State;
        // clear the named rivalries among the three groups
        for (int f = 0; f < 3; f++) for (int g = 0; g < 3; g++) s.Factions.Rivalry[s.Factions.Pair(f, g)] = 0;
        TestWorlds.Arrange(s, f => 0);
        new ArmsProcess().Step(s);
        var conflict = TestModels.Process<ConflictProcess>(sim);
        conflict.Step(s);
        for (int e = 0; e < s.Presence.EntryCountUsed; e++) Assert.Equal(0, conflict.HazardOf(e));
    }

    [Fact]
    public void Predation_SplinterAndLostIncome_RaiseCiviliansPerCartelDeath()
    {
        var p = Quiet(600);
        p = p with { Conflict = p.Conflict with { CiviliansPerCartelDeath = 2, SplinterPredation = 0.5, IncomeLossPredation = 1 } };
        var sim = new Simulation(p, 1);
        var s = sim.State;
        TestWorlds.Arrange(s, f => f);
        s.Factions.Parent[1] = 0; // faction 1 is a splinter
        s.Revenue[0] = s.Revenue[1] = 1e12; // paid
        s.Revenue[2] = 0;                   // no route income at all
        new ArmsProcess().Step(s);
        var conflict = TestModels.Process<ConflictProcess>(sim);
        conflict.Step(s);
        Assert.Equal(1.0, conflict.PredationOf(0), 9);
        Assert.Equal(1.5, conflict.PredationOf(1), 9);
        Assert.Equal(2.0, conflict.PredationOf(2), 9);
    }
}

/// <summary>The dyad hazards, computed faction by faction from each cell's nearby groups, against the cell-ordered
/// sum they replaced, bit for bit, every week of a busy run (splits, deaths, moves, changing rivalries).</summary>
public class ConflictDyadHazardReferenceTests
{
    private static Simulation Busy(ulong seed) =>
        new(TestModels.SmallGrid(members: 4000, factions: 14) with { Weeks = 40 }, seed);

    /// <summary>Hazards and rival pairs in contact the way the cell-ordered loop found them: for each cell, the groups
    /// near it in first-seen order (its own entries, then each adjacent cell's), each entry's terms summed in that order.</summary>
    private static (double[] Hazards, int Pairs) CellOrdered(ModelState s)
    {
        var pres = s.Presence; var F = s.Factions; var world = s.World; var p = s.P.Conflict;
        var hazards = new double[pres.EntryCountUsed];
        var near = new double[F.Capacity]; var count = new double[F.Capacity];
        var order = new List<int>();
        var pairs = new HashSet<int>();
        for (int c = 0; c < world.CellCount; c++)
        {
            order.Clear();
            void Add(int cell, double w)
            {
                var leth = s.Cells.Contested[cell] ? s.FrontLethality : s.Lethality;
                for (int k = pres.CellEntryStart[cell]; k < pres.CellEntryStart[cell + 1]; k++)
                {
                    int g = pres.EntryFaction[k];
                    double n = w * pres.EntryCount[k];
                    if (count[g] == 0) order.Add(g);
                    count[g] += n;
                    near[g] += leth[g] * n;
                }
            }
            Add(c, 1);
            if (p.AdjacentWeight > 0)
                for (int a = world.AdjacencyStart[c]; a < world.AdjacencyStart[c + 1]; a++) Add(world.Adjacency[a], p.AdjacentWeight);
            for (int e = pres.CellEntryStart[c]; e < pres.CellEntryStart[c + 1]; e++)
            {
                int f = pres.EntryFaction[e];
                double pressure = 0;
                if (order.Count >= 2)
                    foreach (int g in order)
                    {
                        if (g == f) continue;
                        int pair = F.Pair(f, g);
                        double r = F.Rivalry[pair] + F.War[pair];
                        double k = r + (F.Alliance[pair] > 0 ? 0 : p.BaseHostility);
                        if (k <= 0) continue;
                        pressure += k * near[g] / (count[f] + count[g]);
                        if (r > 0 && f < g) pairs.Add(pair);
                    }
                hazards[e] = order.Count < 2 ? 0 : Math.Min(1.0, p.DyadRate * F.InvAlly[f] * pressure);
            }
            foreach (int g in order) { near[g] = 0; count[g] = 0; }
        }
        return (hazards, pairs.Count);
    }

    [Fact]
    public void DyadHazards_equal_the_cell_ordered_sum_every_week()
    {
        var sim = Busy(3);
        var conflict = TestModels.Process<ConflictProcess>(sim);
        (double[] Hazards, int Pairs) expected = default;
        int positive = 0, rivalWeeks = 0;
        var around = new AroundProcess<ConflictProcess>(sim, () => expected = CellOrdered(sim.State), () =>
        {
            for (int e = 0; e < expected.Hazards.Length; e++)
            {
                Assert.Equal(expected.Hazards[e], conflict.HazardOf(e));
                if (expected.Hazards[e] > 0) positive++;
            }
            Assert.Equal(expected.Pairs, sim.State.Counters.RivalPairsInContact);
            if (expected.Pairs > 0) rivalWeeks++;
        });
        TestModels.Run(sim, 40);
        Assert.Equal(40, around.Weeks);
        Assert.True(positive > 1000, $"only {positive} entry-weeks under fire");
        Assert.True(rivalWeeks > 20, "rival pairs should be in contact most weeks");
    }

    [Fact]
    public void DyadHazards_in_blocks_of_cells_equal_one_pass()
    {
        var one = Busy(8);
        var split = Busy(8);
        var blocked = TestModels.Process<ConflictProcess>(split);
        blocked.BlocksForTests = 7;
        for (int w = 0; w < 30; w++)
        {
            Assert.Equal(one.Step(), split.Step());
            var pres = one.State.Presence;
            for (int e = 0; e < pres.EntryCountUsed; e++)
                Assert.Equal(TestModels.Process<ConflictProcess>(one).HazardOf(e), blocked.HazardOf(e));
        }
    }
}
