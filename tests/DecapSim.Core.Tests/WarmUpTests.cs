using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests;

/// <summary>The warm-up (Territory.WarmUpWeeks): the whole model runs before week 0 so a world that has long been at
/// war starts at its steady state instead of from the stylized initial relations.</summary>
public class WarmUpTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static ModelParameters World(int warmUp, params TimelineEvent[] timeline)
    {
        var p = TestModels.SmallGrid(5000, 12) with { Timeline = timeline };
        return p with { World = p.World with { Width = 12, Height = 12 }, Territory = p.Territory with { WarmUpWeeks = warmUp } };
    }

    /// <summary>Mean weekly homicides over [from, to) after week 0, averaged over seeds.</summary>
    private static double MeanHomicides(ModelParameters p, int from, int to, int seeds)
    {
        double sum = 0;
        for (ulong seed = 1; seed <= (ulong)seeds; seed++)
        {
            var sim = new Simulation(p, seed);
            var metrics = TestModels.Run(sim, to);
            sum += metrics.Skip(from).Average(m => (double)m.Homicides);
        }
        return sum / seeds;
    }

    [Fact]
    public void WarmUp_FirstQuarterAlreadyAtTheLaterLevel_WithoutItViolenceClimbs()
    {
        // rivalries start at their initial (named) values and grow with contested contact: without a warm-up the
        // first quarter is far below the level the world settles at a year later
        double coldStart = MeanHomicides(World(0), 0, 13, 4), coldLater = MeanHomicides(World(0), 52, 78, 4);
        double warmStart = MeanHomicides(World(104), 0, 13, 4), warmLater = MeanHomicides(World(104), 52, 78, 4);
        output.WriteLine($"cold {coldStart:F1} -> {coldLater:F1}; warm {warmStart:F1} -> {warmLater:F1}");
        Assert.True(coldStart < 0.7 * coldLater, $"no ramp without warm-up: {coldStart:F1} vs {coldLater:F1}");
        Assert.InRange(warmStart / warmLater, 0.75, 1.33);
    }

    [Fact]
    public void WarmUp_RunStartsAtWeekZero_WithCleanLogsAndConservedLedger()
    {
        string name = new Simulation(World(0), 3).State.Factions.Name[0];
        var removal = new RemoveLeaderEvent { Week = 0, Faction = name, Mode = RemovalMode.Kill };
        var sim = new Simulation(World(30, removal), 3);
        var s = sim.State;
        Assert.Equal(0, s.Week);
        Assert.Empty(s.Events);
        var (active, imprisoned) = s.CountMembers();
        Assert.Equal(s.Ledger.Initial, active + imprisoned);
        Assert.Equal(0, s.Ledger.Dead + s.Ledger.Retired + s.Ledger.Recruited);
        // the warm-up moved the world on: members died, were recruited and moved
        var cold = new Simulation(World(0, removal), 3);
        Assert.NotEqual(cold.State.CountMembers().Active, active);
        // the timeline's week-0 event fires once, in the run's first week, not during the warm-up
        sim.Step();
        Assert.Single(s.Events, e => e.Type == SimEventType.Removal && e.Label >= 0);
        Assert.All(s.Events, e => Assert.Equal(0, e.Week));
    }

    [Fact]
    public void WarmUp_GroupsBeforeWeekZero_KeepTheirNegativeWeeks_InitialGroupsFoundedAtZero()
    {
        var sim = new Simulation(World(80), 5);
        var F = sim.State.Factions;
        for (int f = 0; f < 12; f++) Assert.Equal(0, F.FoundedWeek[f]);
        for (int f = 12; f < F.Count; f++) Assert.InRange(F.FoundedWeek[f], -80, -1);
        for (int f = 0; f < F.Count; f++)
            if (!F.Active[f]) Assert.InRange(F.EndedWeek[f], -80, -1);
            else Assert.Equal(FactionTable.NoWeek, F.EndedWeek[f]);
    }

    [Fact]
    public void WarmUp_IsDeterministic_AndOffInTheWellMixedWorld()
    {
        var a = TestModels.Run(new Simulation(World(20), 9), 10);
        var b = TestModels.Run(new Simulation(World(20), 9), 10);
        Assert.Equal(a, b);
        var mf = TestModels.WellMixed() with { Territory = new TerritoryParameters { WarmUpWeeks = 50 } };
        var plain = TestModels.Run(new Simulation(TestModels.WellMixed(), 2), 5);
        Assert.Equal(plain, TestModels.Run(new Simulation(mf, 2), 5));
    }

    [Fact]
    public void WarmUp_TargetsNoLeader_SoTheNamedLeadersAreStillInPlaceAtWeekZero()
    {
        // with no other way to die (no conflict, no arrests), targeting alone would replace leaders over two years
        var p = World(104).NoConflict().NoEnforcement() with { Targeting = new TargetingParameters { LeaderLocateBase = 0.02, LieutenantLocateBase = 0.02 } };
        var cold = new Simulation(World(0), 4).State;
        var warm = new Simulation(p, 4).State;
        int kept = 0;
        for (int f = 0; f < 12; f++)
        {
            if (!warm.Factions.Active[f]) continue; // absorbed or dissolved during the warm-up
            kept++;
            Assert.Equal(cold.Factions.Leader[f], warm.Factions.Leader[f]);
            Assert.True(warm.Members.IsActive(warm.Factions.Leader[f]));
        }
        Assert.True(kept >= 8, $"only {kept} initial groups left");
        // ... while lieutenants are targeted: the warm-up replaced or split off some of them
        var lieutenants = Enumerable.Range(0, cold.Units.Count).Select(u => cold.Units.Lieutenant[u]).ToArray();
        Assert.Contains(Enumerable.Range(0, lieutenants.Length), u => warm.Units.Lieutenant[u] != lieutenants[u]);
        // the same run after week 0 targets leaders again
        var sim = new Simulation(p, 4);
        TestModels.Run(sim, 52);
        Assert.Contains(sim.State.Events, e => e.Type == SimEventType.Removal);
    }
    [Fact]
    public void WarmUp_RunsUnderTheDefaultPolicy_SoPolicyVariantsStartFromTheSameWorld()
    {
        // a scenario that changes only policy levers (here interdiction, police wage, intelligence sharing) must be
        // paired with its baseline from week 0: the warm-up runs under the defaults, the levers apply from week 0
        var baseline = World(40);
        var policy = baseline with
        {
            Arms = baseline.Arms with { Interdiction = 0.6 },
            Economy = baseline.Economy with { PoliceWage = baseline.Economy.PoliceWage * 2 },
            Targeting = baseline.Targeting with { IntelSharing = 0.9 },
        };
        var a = new Simulation(baseline, 3);
        var b = new Simulation(policy, 3);
        Assert.Equal(a.State.Members.Count, b.State.Members.Count);
        Assert.Equal(a.State.Factions.Count, b.State.Factions.Count);
        for (int i = 0; i < a.State.Members.Count; i++)
            Assert.True(a.State.Members.Faction[i] == b.State.Members.Faction[i] && a.State.Members.Cell[i] == b.State.Members.Cell[i]
                        && a.State.Members.Status[i] == b.State.Members.Status[i], $"member {i} differs at week 0");
        Assert.Equal(a.State.Factions.Arsenal.Take(a.State.Factions.Count), b.State.Factions.Arsenal.Take(b.State.Factions.Count));
        Assert.Equal(a.State.Cells.Police, b.State.Cells.Police);
        Assert.Equal(0.6, b.State.Policy[PolicyLever.Interdiction]);
        Assert.Equal(0.9, b.State.Policy[PolicyLever.IntelSharing]);
        // and from week 0 the levers act: the first year differs
        var ma = TestModels.Run(a, 52);
        var mb = TestModels.Run(b, 52);
        Assert.NotEqual(ma.Sum(m => m.ArmsInterdicted), mb.Sum(m => m.ArmsInterdicted));
    }
}
