using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;

namespace DecapSim.Core.Tests.Processes;

public class RivalryProcessTests
{
    /// <summary>Three unrelated groups (no generated rivalries or alliances) on a small grid, nobody moving.</summary>
    private static ModelState World(ConflictParameters? conflict = null)
    {
        var p = TestModels.SmallGrid(600, 3).NoTargeting().NoEnforcement().NoConflict().NoRecruitment();
        p = p with
        {
            Factions = p.Factions with { RivalryEdges = 0, AllianceEdges = 0 },
            Conflict = conflict ?? new ConflictParameters { RivalryGrowth = 0.1, IncursionRivalry = 0.3, RivalryHalfLifeWeeks = 10, MaxRivalry = 5 },
        };
        var s = new Simulation(p, 1).State;
        // Sinaloa (1) and NFM (2) are not named rivals; clear whatever the named list set between them
        FactionTable.SetSym(s.Factions.Rivalry, s.Factions.Capacity, 1, 2, 0);
        FactionTable.SetSym(s.Factions.Alliance, s.Factions.Capacity, 1, 2, 0);
        return s;
    }

    private static double R(ModelState s, int f, int g) => s.Factions.Rivalry[s.Factions.Pair(f, g)];

    [Fact]
    public void Step_SharedContestedCells_RaiseRivalryByGrowthPerCell()
    {
        var s = World();
        TestWorlds.Arrange(s, f => f == 0 ? 50 : 0);
        // faction 2 also stands in cell 1 next to faction 1: two shared cells, both contested
        TestWorlds.MoveSoldiers(s, 1, 20, 1);
        TestWorlds.MoveSoldiers(s, 2, 20, 1);
        TestWorlds.Rebuild(s);
        s.Cells.Contested[0] = s.Cells.Contested[1] = true;
        new RivalryProcess().Step(s);
        Assert.Equal(0.2, R(s, 1, 2), 12);
        Assert.Equal(R(s, 1, 2), R(s, 2, 1));
        // faction 0 stands apart: its named rivalry with faction 1 cools for a week
        Assert.Equal(Math.Pow(0.5, 0.1), R(s, 0, 1), 9);
    }

    [Fact]
    public void Step_NoContestedContact_RivalryFallsWithItsHalfLife()
    {
        var s = World();
        TestWorlds.Arrange(s, f => f * 30);
        FactionTable.SetSym(s.Factions.Rivalry, s.Factions.Capacity, 1, 2, 2.0);
        var rivalry = new RivalryProcess();
        for (int w = 0; w < 10; w++) rivalry.Step(s);
        Assert.Equal(1.0, R(s, 1, 2), 9);
    }

    [Fact]
    public void Step_UncontestedSharedCell_DoesNotRaiseRivalry()
    {
        var s = World();
        TestWorlds.Arrange(s, f => f == 0 ? 50 : 0);
        s.Cells.Contested[0] = false;
        new RivalryProcess().Step(s);
        Assert.Equal(0, R(s, 1, 2));
    }

    [Fact]
    public void Step_Allies_DoNotBecomeRivalsInContestedCells()
    {
        var s = World();
        TestWorlds.Arrange(s, f => f == 0 ? 50 : 0);
        FactionTable.SetSym(s.Factions.Alliance, s.Factions.Capacity, 1, 2, 1);
        s.Cells.Contested[0] = true;
        new RivalryProcess().Step(s);
        Assert.Equal(0, R(s, 1, 2));
    }

    [Fact]
    public void Step_IncursionIntoVacuum_RaisesRivalryAndIsCapped()
    {
        var s = World();
        TestWorlds.Arrange(s, f => f * 30);
        s.Incursions.Add((1, 2));
        var rivalry = new RivalryProcess();
        rivalry.Step(s);
        Assert.Equal(0.3, R(s, 1, 2), 9);
        FactionTable.SetSym(s.Factions.Rivalry, s.Factions.Capacity, 1, 2, 4.9);
        s.Incursions.Add((2, 1));
        rivalry.Step(s);
        Assert.Equal(5, R(s, 1, 2), 9);
    }

    [Fact]
    public void Step_WellMixed_RivalryIsFixed()
    {
        var p = TestModels.WellMixed(600, 3);
        var s = new Simulation(p, 1).State;
        FactionTable.SetSym(s.Factions.Rivalry, s.Factions.Capacity, 1, 2, 2.0);
        s.Cells.Contested[0] = true;
        new RivalryProcess().Step(s);
        Assert.Equal(2.0, R(s, 1, 2));
    }
}

/// <summary>The rivalry update visiting only nonzero rivalries against the pass over every pair it replaced, bit for
/// bit, every week of a busy run.</summary>
public class RivalryProcessReferenceTests
{
    /// <summary>The whole rivalry matrix after the week's update, computed the way the pass over every pair did.</summary>
    private static double[] EveryPair(ModelState s)
    {
        var p = s.P.Conflict; var F = s.Factions; var pres = s.Presence; int cap = F.Capacity;
        var rivalry = (double[])F.Rivalry.Clone();
        var contact = new int[cap * cap];
        for (int c = 0; c < s.Cells.Count; c++)
        {
            if (!s.Cells.Contested[c]) continue;
            for (int a = pres.CellEntryStart[c]; a < pres.CellEntryStart[c + 1]; a++)
                for (int b = a + 1; b < pres.CellEntryStart[c + 1]; b++)
                {
                    int f = pres.EntryFaction[a], g = pres.EntryFaction[b];
                    if (F.Active[f] && F.Active[g] && F.Alliance[f * cap + g] <= 0) contact[Math.Min(f, g) * cap + Math.Max(f, g)]++;
                }
        }
        double decay = Math.Pow(0.5, 1.0 / p.RivalryHalfLifeWeeks);
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            for (int g = f + 1; g < F.Count; g++)
            {
                double r = rivalry[f * cap + g];
                int n = contact[f * cap + g];
                if (n > 0) r = Math.Min(p.MaxRivalry, r + p.RivalryGrowth * n);
                else if (r != 0) r = r < 1e-3 ? 0 : r * decay;
                else continue;
                if (!F.Active[g]) r = 0;
                FactionTable.SetSym(rivalry, cap, f, g, r);
            }
        }
        foreach (var (mover, holder) in s.Incursions)
        {
            if (!F.Active[mover] || !F.Active[holder] || mover == holder) continue;
            FactionTable.SetSym(rivalry, cap, mover, holder, Math.Min(p.MaxRivalry, rivalry[mover * cap + holder] + p.IncursionRivalry));
        }
        return rivalry;
    }

    [Fact]
    public void Step_equals_the_update_of_every_pair_every_week()
    {
        var sim = new Simulation(TestModels.SmallGrid(members: 4000, factions: 14) with { Weeks = 40 }, 4);
        double[] expected = Array.Empty<double>();
        int changed = 0;
        double[] before = Array.Empty<double>();
        var around = new AroundProcess<RivalryProcess>(sim,
            () => { expected = EveryPair(sim.State); before = (double[])sim.State.Factions.Rivalry.Clone(); },
            () =>
            {
                var actual = sim.State.Factions.Rivalry;
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.Equal(expected[i], actual[i]);
                    if (actual[i] != before[i]) changed++;
                }
            });
        TestModels.Run(sim, 40);
        Assert.Equal(40, around.Weeks);
        Assert.True(changed > 100, $"only {changed} rivalry changes");
    }
}
