using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests.Metrics;

public class ObserverTests
{
    /// <summary>A small grid with every process on and enough violence, removals and recruits to exercise the counters.</summary>
    private static Simulation Busy(ulong seed = 1)
    {
        var p = TestModels.SmallGrid();
        p = p with
        {
            Conflict = p.Conflict with { Theta = 2e-6 },
            Targeting = p.Targeting with { LeaderLocateBase = 0.03, LieutenantLocateBase = 0.05 },
            Consolidation = p.Consolidation with { MinFactionSize = 30, AbsorbProbability = 0.2, DissolveProbability = 0.2 },
            Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 2, Faction = "CJNG", Mode = RemovalMode.Kill } },
        };
        return new Simulation(p, seed);
    }

    private static void ForEachWeek(Action<Simulation, WeeklyMetrics> check, int weeks = 30)
    {
        foreach (ulong seed in new ulong[] { 1, 2 })
        {
            var sim = Busy(seed);
            for (int w = 0; w < weeks; w++) check(sim, sim.Step());
        }
    }

    [Fact]
    public void Observe_Homicides_SumOfCartelStateCivilianAndStateForces()
    {
        double total = 0;
        ForEachWeek((sim, m) =>
        {
            Assert.Equal(m.HomicidesCartel + m.HomicidesState + m.HomicidesCivilian + m.StateForcesKilled, m.Homicides, 9);
            var c = sim.State.Cells;
            Assert.Equal(c.CartelDeaths.Sum(), m.HomicidesCartel);
            Assert.Equal(c.StateKills.Sum(), m.HomicidesState);
            Assert.Equal(c.Civilians.Sum(), m.HomicidesCivilian);
            Assert.Equal(c.StateForcesKilled.Sum(), m.StateForcesKilled);
            total += m.Homicides;
        });
        Assert.True(total > 0, "the test model produced no homicides");
    }

    [Fact]
    public void Observe_Members_EqualsScanOfActiveMembers()
    {
        ForEachWeek((sim, m) =>
        {
            var (active, imprisoned) = sim.State.CountMembers();
            Assert.Equal(active, m.Members);
            Assert.Equal(imprisoned, m.Imprisoned);
        });
    }

    [Fact]
    public void Observe_EffectiveFactions_InverseSumOfSquaredControlShares()
    {
        ForEachWeek((sim, m) =>
        {
            var s = sim.State;
            var counts = new Dictionary<int, int>();
            for (int c = 0; c < s.Cells.Count; c++)
            {
                int f = s.Cells.Controller[c];
                if (f < 0) continue;
                Assert.True(s.Factions.Active[f], $"cell {c} is controlled by ended faction {f}");
                counts[f] = counts.GetValueOrDefault(f) + 1;
            }
            double n = counts.Values.Sum();
            double expected = n > 0 ? 1 / counts.Values.Sum(k => (k / n) * (k / n)) : 0;
            Assert.Equal(expected, m.EffectiveFactions, 9);
            Assert.InRange(m.EffectiveFactions, counts.Count > 0 ? 1 : 0, counts.Count);
        });
    }

    [Fact]
    public void Observe_LargestShare_InUnitIntervalAndMatchesScan()
    {
        ForEachWeek((sim, m) =>
        {
            var s = sim.State;
            Assert.InRange(m.LargestShare, 0, 1);
            int largest = Enumerable.Range(0, s.Factions.Count).Where(f => s.Factions.Active[f]).Max(f => TestModels.ActiveMembers(s, f));
            Assert.Equal(largest / m.Members, m.LargestShare, 9);
            Assert.Equal(s.Factions.ActiveCount(), m.ActiveFactions);
        });
    }

    [Fact]
    public void Observe_RegionHomicides_SumToNationalHomicides()
    {
        ForEachWeek((sim, m) =>
        {
            Assert.Equal(m.Homicides, sim.Observer.RegionHomicides.Sum(), 9);
            Assert.Equal(m.Blockades, sim.Observer.RegionBlockades.Sum(), 9);
            var s = sim.State;
            // per region: the region's cells' counters
            for (int r = 0; r < s.World.RegionCount; r++)
            {
                double h = s.World.RegionCells[r].Sum(c => (double)s.Cells.CartelDeaths[c] + s.Cells.StateKills[c] + s.Cells.Civilians[c] + s.Cells.StateForcesKilled[c]);
                Assert.Equal(h, sim.Observer.RegionHomicides[r], 9);
            }
        });
    }

    [Fact]
    public void Observe_RegionController_ControlsMostCellsOfTheRegion()
    {
        ForEachWeek((sim, m) =>
        {
            var s = sim.State;
            for (int r = 0; r < s.World.RegionCount; r++)
            {
                var counts = s.World.RegionCells[r].Select(c => s.Cells.Controller[c]).Where(f => f >= 0).GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
                int ctrl = sim.Observer.RegionController[r];
                if (counts.Count == 0) { Assert.Equal(-1, ctrl); continue; }
                int best = counts.Max(kv => kv.Value);
                Assert.Equal(best, counts.GetValueOrDefault(ctrl));
                Assert.Equal(counts.Where(kv => kv.Value == best).Min(kv => kv.Key), ctrl);
            }
        }, weeks: 10);
    }

    [Fact]
    public void Observe_WeekAndCounters_ReportTheStepJustTaken()
    {
        var sim = Busy();
        for (int w = 0; w < 5; w++)
        {
            var m = sim.Step();
            Assert.Equal(w, m.Week);
            Assert.Equal(sim.State.Counters.Arrests, m.Arrests);
            Assert.Equal(sim.State.Counters.Recruits, m.Recruits);
            Assert.Equal(sim.State.Counters.Revenue, m.RevenueUsd);
            Assert.Equal(sim.State.Cells.Contested.Count(x => x), m.ContestedCells);
            Assert.Equal(sim.State.Cells.Corruption.Average(), m.MeanCorruption, 9);
        }
    }

    [Fact]
    public void Observe_HomicidesContested_CountsTheCellsContestedWhenTheWeekStarted()
    {
        double contested = 0, total = 0;
        foreach (ulong seed in new ulong[] { 1, 2 })
        {
            var sim = Busy(seed);
            for (int w = 0; w < 30; w++)
            {
                // the flags the week's fighting sees are those the previous week's territory step left
                var before = (bool[])sim.State.Cells.Contested.Clone();
                var m = sim.Step();
                var c = sim.State.Cells;
                double expected = Enumerable.Range(0, c.Count).Where(i => before[i])
                    .Sum(i => (double)c.CartelDeaths[i] + c.StateKills[i] + c.Civilians[i] + c.StateForcesKilled[i]);
                Assert.Equal(expected, m.HomicidesContested, 9);
                Assert.InRange(m.HomicidesContested, 0, m.Homicides);
                contested += m.HomicidesContested; total += m.Homicides;
            }
        }
        // both kinds of cell see homicides in a busy world
        Assert.InRange(contested, 1, total - 1);
    }
}
