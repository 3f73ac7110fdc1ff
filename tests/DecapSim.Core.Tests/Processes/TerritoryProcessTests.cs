using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;

namespace DecapSim.Core.Tests.Processes;

public class TerritoryProcessTests
{
    private static ModelParameters ThreeGroups(double contestRatio, int a = 100, int b = 60, int c = 10) =>
        TestModels.WellMixed().NoConflict() with
        {
            InitialFactions = new InitialFactionData(
                new[] { new FactionSpec("A", "", a), new FactionSpec("B", "", b), new FactionSpec("C", "", c) },
                Array.Empty<RelationSpec>(), Array.Empty<RelationSpec>()),
            Territory = new TerritoryParameters { ContestRatio = contestRatio },
        };

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.6, true)]
    [InlineData(0.7, false)]
    public void UpdateControl_ThreeGroupsOneCell_LargestControlsContestedByRatio(double ratio, bool contested)
    {
        var s = new Simulation(ThreeGroups(ratio), 1).State;
        Assert.Equal(0, s.Cells.Controller[0]);           // A (100) over B (60) and C (10), same guns per member
        Assert.Equal(contested, s.Cells.Contested[0]);    // B holds 60% of A's presence
    }

    [Fact]
    public void UpdateControl_SecondGroupLarger_SecondControls()
    {
        var s = new Simulation(ThreeGroups(0.5, a: 50, b: 200, c: 10), 1).State;
        Assert.Equal(1, s.Cells.Controller[0]);
        Assert.False(s.Cells.Contested[0]);
    }

    [Fact]
    public void UpdateControl_OnlyOneFactionPresent_NotContestedEvenAtRatioZero()
    {
        var p = TestModels.WellMixed().NoConflict() with
        {
            InitialFactions = new InitialFactionData(new[] { new FactionSpec("A", "", 100) }, Array.Empty<RelationSpec>(), Array.Empty<RelationSpec>()),
            Territory = new TerritoryParameters { ContestRatio = 0 },
        };
        var s = new Simulation(p, 1).State;
        Assert.Equal(0, s.Cells.Controller[0]);
        Assert.False(s.Cells.Contested[0], "a cell with no runner-up is not contested");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.2)]
    public void Step_Grid_ControllerHasMostArmedPresence(double ratio)
    {
        var p = TestModels.SmallGrid() with { Territory = TestModels.SmallGrid().Territory with { ContestRatio = ratio } };
        var sim = new Simulation(p, 2);
        var s = sim.State;
        TestModels.Run(sim, 3);
        TestModels.StepUpTo<TerritoryProcess>(sim);
        var pres = s.Presence;
        var F = s.Factions;
        int contestedCells = 0, empty = 0;
        for (int c = 0; c < s.Cells.Count; c++)
        {
            double best = 0, second = 0; int bestF = -1;
            var values = new Dictionary<int, double>();
            for (int k = pres.CellEntryStart[c]; k < pres.CellEntryStart[c + 1]; k++)
            {
                int f = pres.EntryFaction[k];
                if (!F.Active[f]) continue;
                double v = pres.EntryCount[k] * (1 + Math.Min(1, F.Arsenal[f] / Math.Max(1, pres.FactionMembers[f])));
                values[f] = v;
                if (v > best) { second = best; best = v; bestF = f; } else if (v > second) second = v;
            }
            int ctrl = s.Cells.Controller[c];
            if (bestF < 0) { Assert.Equal(-1, ctrl); Assert.False(s.Cells.Contested[c]); empty++; continue; }
            Assert.True(ctrl >= 0 && values.ContainsKey(ctrl), $"cell {c}: controller {ctrl} not present");
            Assert.Equal(best, values[ctrl], 9);
            bool expectContested = second > 0 && second >= ratio * best;
            Assert.Equal(expectContested, s.Cells.Contested[c]);
            if (expectContested) contestedCells++;
        }
        Assert.True(contestedCells > 0, "some cells should be contested");
        Assert.True(empty < s.Cells.Count);
    }

    [Fact]
    public void Step_Grid_ControlledCellCountsMatchControllers()
    {
        var sim = new Simulation(TestModels.SmallGrid(), 3);
        var s = sim.State;
        TestModels.Run(sim, 2);
        TestModels.StepUpTo<TerritoryProcess>(sim);
        for (int f = 0; f < s.Factions.Count; f++)
        {
            int n = Enumerable.Range(0, s.Cells.Count).Count(c => s.Cells.Controller[c] == f);
            int border = Enumerable.Range(0, s.Cells.Count).Count(c => s.Cells.Controller[c] == f && s.World.IsBorder[c]);
            Assert.Equal(n, s.ControlledCells[f]);
            Assert.Equal(border, s.BorderCells[f]);
        }
    }
}

/// <summary>Movement targets from join values computed once per entry and cell, against the value computed for every
/// (entry, neighbour), every week of a busy run.</summary>
public class TerritoryTargetReferenceTests
{
    private static double Value(double v, bool pulled, double pull, int own, int enemy, int joining, double enemyWeight)
    {
        if (pulled) v *= 1 + pull;
        return v / (1 + own + joining + enemyWeight * enemy);
    }

    /// <summary>Each entry's target the way the loop over (entry, neighbour) found it.</summary>
    private static int[] EveryNeighbour(ModelState s)
    {
        var pres = s.Presence; var world = s.World; var cells = s.Cells; var t = s.P.Territory;
        double pull = s.P.Succession.VacuumPull;
        double Base(int c) => cells.RouteValue[c] + 1e-9 * world.Population[c];
        int Total(int c) { int n = 0; for (int k = pres.CellEntryStart[c]; k < pres.CellEntryStart[c + 1]; k++) n += pres.EntryCount[k]; return n; }
        int Own(int c, int f) { for (int k = pres.CellEntryStart[c]; k < pres.CellEntryStart[c + 1]; k++) if (pres.EntryFaction[k] == f) return pres.EntryCount[k]; return 0; }
        var targets = new int[pres.EntryCountUsed];
        for (int e = 0; e < pres.EntryCountUsed; e++)
        {
            int c = pres.EntryCell[e], f = pres.EntryFaction[e], n = pres.EntryCount[e];
            bool vacuum = cells.VacuumUntil[c] > s.Week;
            double best = t.StayBonus * Value(Base(c), vacuum && cells.Controller[c] != f, pull, n, Total(c) - n, 0, t.EnemyWeight);
            targets[e] = -1;
            for (int a = world.AdjacencyStart[c]; a < world.AdjacencyStart[c + 1]; a++)
            {
                int c2 = world.Adjacency[a], o = Own(c2, f);
                double v = Value(Base(c2), cells.VacuumUntil[c2] > s.Week && cells.Controller[c2] != f, pull, o, Total(c2) - o, 1, t.EnemyWeight);
                if (v > best) { best = v; targets[e] = c2; }
            }
        }
        return targets;
    }

    [Fact]
    public void Targets_equal_the_value_of_every_neighbour_every_week()
    {
        var sim = new Simulation(TestModels.SmallGrid(members: 4000, factions: 14) with { Weeks = 30 }, 6);
        var territory = TestModels.Process<TerritoryProcess>(sim);
        int moving = 0;
        // after the process: the snapshot, controllers, vacuums and route values are those its targets were made from
        var around = new AroundProcess<TerritoryProcess>(sim, () => { }, () =>
        {
            var expected = EveryNeighbour(sim.State);
            for (int e = 0; e < expected.Length; e++)
            {
                Assert.Equal(expected[e], territory.TargetOf(e));
                if (expected[e] >= 0) moving++;
            }
        });
        TestModels.Run(sim, 30);
        Assert.Equal(30, around.Weeks);
        Assert.True(moving > 100, $"only {moving} entry-weeks with a target");
    }
}
