using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;

namespace DecapSim.Core.Tests.Processes;

/// <summary>Recruits joining their plaza's unit, mobilisation, frontline arms, incursions and plazaless groups.</summary>
public class TerritorialMechanismsTests
{
    private static ModelParameters Quiet() =>
        TestModels.SmallGrid(3000, 12).NoTargeting().NoEnforcement().NoConflict() with
        {
            Recruitment = new RecruitmentParameters { Rho = 0.02, LossReplacement = 0, ContestedBoost = 0 },
        };

    [Fact]
    public void Recruitment_Recruits_JoinTheUnitHoldingTheirCell()
    {
        var sim = new Simulation(Quiet(), 2);
        TestModels.Run(sim, 2);
        TestModels.StepUpTo<RecruitmentProcess>(sim);
        var s = sim.State;
        var m = s.Members;
        int recruits = 0, joined = 0;
        for (int i = 0; i < m.Count; i++)
        {
            if (!m.IsActive(i) || m.Entry[i] >= 0) continue; // recruits have no presence entry this week
            recruits++;
            int f = m.Faction[i], c = m.Cell[i];
            if (s.ControlledCells[f] > 0) Assert.Equal(f, s.Cells.Controller[c]);
            int holder = s.Cells.HolderUnit[c];
            if (holder >= 0 && s.Units.Faction[holder] == f) { Assert.Equal(holder, m.Unit[i]); joined++; }
        }
        Assert.True(recruits > 30, $"{recruits} recruits");
        Assert.True(joined > 0.8 * recruits, $"{joined} of {recruits} joined the unit holding their plaza");
    }

    private static int RecruitsOf(ModelParameters p, int f, double losses, bool contested)
    {
        var sim = new Simulation(p, 4);
        var s = sim.State;
        s.Losses[f] = losses;
        TestWorlds.Arrange(s, g => g == f ? 0 : -1);
        TestModels.StepUpTo<EconomyProcess>(sim);
        s.Cells.Contested[0] = contested;
        new RecruitmentProcess().Step(s);
        int n = 0;
        for (int i = 0; i < s.Members.Count; i++) if (s.Members.IsActive(i) && s.Members.Entry[i] < 0 && s.Members.Faction[i] == f) n++;
        return n;
    }

    [Fact]
    public void Recruitment_Losses_AreReplacedWithinTheRecruitablePool()
    {
        var p = Quiet() with { Recruitment = new RecruitmentParameters { Rho = 0, LossReplacement = 0.5, RecruitablePer1000 = 0 } };
        int none = RecruitsOf(p, 0, 0, false), mobilised = RecruitsOf(p, 0, 1000, false);
        Assert.Equal(0, none);
        Assert.InRange(mobilised, 420, 580);
        // the recruitable pool bounds it: a pool just above today's members leaves little room
        var bounded = p with { Recruitment = p.Recruitment with { RecruitablePer1000 = 3000.0 * 1000 / (100 * p.World.GridMeanPopulation) * 1.1 } };
        Assert.True(RecruitsOf(bounded, 0, 1000, false) < 0.2 * mobilised);
    }

    [Fact]
    public void Recruitment_GroupsAtWar_RecruitMore()
    {
        var p = Quiet() with { Recruitment = new RecruitmentParameters { Rho = 0.05, ContestedBoost = 1, LossReplacement = 0, RecruitablePer1000 = 0 } };
        int peace = RecruitsOf(p, 1, 0, false), war = RecruitsOf(p, 1, 0, true);
        Assert.True(war > 1.5 * peace, $"at war {war}, at peace {peace}");
    }

    [Fact]
    public void Arms_Lethality_IsConcaveAndUnsaturatedAtOneGunPerMember()
    {
        var a = new ArmsParameters();
        double l0 = ArmsProcess.Lethality(a, 0), l1 = ArmsProcess.Lethality(a, 1), l2 = ArmsProcess.Lethality(a, 2), l4 = ArmsProcess.Lethality(a, 4);
        Assert.Equal(1, l0);
        Assert.True(l2 - l1 < l1 - l0, "concave");
        Assert.True(l2 - l1 > 0.4 * (l1 - l0), "not saturated at one gun per member");
        Assert.True(l4 < 1 + a.LethalityPerGun);
    }

    [Fact]
    public void Arms_Frontline_HoldsMoreGunsPerMemberThanTheRear()
    {
        var p = TestModels.SmallGrid(3000, 3).NoTargeting().NoEnforcement().NoConflict();
        var s = new Simulation(p, 1).State;
        TestWorlds.Arrange(s, f => f == 2 ? 90 : 0);
        TestWorlds.MoveSoldiers(s, 0, 1300, 50); // most of faction 0 in a rear plaza, away from faction 1
        TestWorlds.Rebuild(s);
        s.Cells.Contested[0] = true;
        new ArmsProcess().Step(s);
        Assert.True(s.FrontLethality[0] > s.Lethality[0], $"front {s.FrontLethality[0]} rear {s.Lethality[0]}");
    }

    [Fact]
    public void Territory_SoldiersEnteringAVacuum_AreAnIncursion()
    {
        var p = TestModels.SmallGrid(600, 3).NoTargeting().NoEnforcement().NoConflict() with
        {
            Territory = new TerritoryParameters { MoveRate = 1, SpinUpWeeks = 0 },
            Succession = new SuccessionParameters { VacuumPull = 1000 },
        };
        var s = new Simulation(p, 1).State;
        TestWorlds.Arrange(s, f => f == 0 ? 0 : f == 1 ? 1 : 99);
        s.Cells.VacuumUntil[1] = 100;
        s.Cells.RouteValue[1] = 1e9;
        new TerritoryProcess().Step(s);
        Assert.Contains((0, 1), s.Incursions);
        Assert.DoesNotContain(s.Incursions, x => x.Mover == 1);
    }

    [Fact]
    public void Consolidation_GroupWithoutPlazas_IsAbsorbedAndItsWarsEnd()
    {
        var p = TestModels.SmallGrid(3000, 3).NoTargeting().NoEnforcement().NoConflict() with
        {
            Factions = new FactionParameters { Count = 3, InitialMembers = 3000, RivalryEdges = 0, AllianceEdges = 0 },
            Consolidation = new ConsolidationParameters { MinFactionSize = 1, PlazalessEndProbability = 1 },
        };
        var s = new Simulation(p, 1).State;
        // faction 2 (the smallest) stands only inside faction 0's plaza
        TestWorlds.Arrange(s, f => f == 1 ? 60 : 0);
        Assert.Equal(0, s.ControlledCells[2]);
        FactionTable.SetSym(s.Factions.Rivalry, s.Factions.Capacity, 2, 1, 3);
        FactionTable.SetSym(s.Factions.War, s.Factions.Capacity, 2, 0, 2);
        s.Week = 10;
        new ConsolidationProcess().Step(s);
        Assert.False(s.Factions.Active[2]);
        Assert.Equal(EndReason.Absorbed, s.Factions.EndReason[2]);
        Assert.Equal(0, s.Factions.MergedInto[2]);
        for (int g = 0; g < 3; g++)
        {
            Assert.Equal(0, s.Factions.Rivalry[s.Factions.Pair(2, g)]);
            Assert.Equal(0, s.Factions.War[s.Factions.Pair(g, 2)]);
        }
        Assert.True(s.Factions.Active[0] && s.Factions.Active[1], "groups that hold plazas stay");
    }
}
