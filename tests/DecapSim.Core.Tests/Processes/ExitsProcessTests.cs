using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;

namespace DecapSim.Core.Tests.Processes;

public class ExitsProcessTests
{
    [Fact]
    public void Step_OmegaZeroNoOtherExitPaths_NobodyRetires()
    {
        var p = TestModels.SmallGrid().NoEnforcement().NoExits();
        var sim = new Simulation(p, 1);
        TestModels.Run(sim, 52);
        Assert.Equal(0, sim.State.Ledger.Retired);
        Assert.True(sim.State.Ledger.Dead > 0, "conflict still runs");
    }

    [Fact]
    public void Step_OmegaPositive_MembersRetire()
    {
        var p = TestModels.SmallGrid().NoEnforcement().NoExits() with { Exits = new ExitParameters { Omega = 1e-5 } };
        var sim = new Simulation(p, 1);
        TestModels.Run(sim, 20);
        Assert.True(sim.State.Ledger.Retired > 0);
    }

    /// <summary>Weekly exit rates of soldiers aged under 25 and over 35.</summary>
    private static (double Young, double Old) ExitRates(double slope)
    {
        var p = TestModels.SmallGrid(4000).NoEnforcement().NoConflict().NoRecruitment().NoTargeting() with
        {
            Exits = new ExitParameters { Omega = 5e-5, AgeSlope = slope },
            Economy = new EconomyParameters { DesertionRate = 0 },
            Consolidation = new ConsolidationParameters { MinFactionSize = 0 },
        };
        var sim = new Simulation(p, 11);
        var s = sim.State;
        long youngN = 0, youngExit = 0, oldN = 0, oldExit = 0;
        for (int w = 0; w < 15; w++)
        {
            var snapshot = new List<(int Index, float Age)>();
            for (int i = 0; i < s.Members.Count; i++)
                if (s.Members.Status[i] == (byte)MemberStatus.Active && s.Members.Rank[i] == (byte)Rank.Soldier) snapshot.Add((i, s.Members.AgeAt(i, s.Week)));
            sim.Step();
            foreach (var (i, age) in snapshot)
            {
                bool gone = s.Members.Status[i] == (byte)MemberStatus.Free;
                if (age < 25) { youngN++; if (gone) youngExit++; }
                else if (age > 35) { oldN++; if (gone) oldExit++; }
            }
        }
        Assert.True(youngExit + oldExit > 100, $"too few exits: {youngExit + oldExit}");
        return ((double)youngExit / youngN, (double)oldExit / oldN);
    }

    [Fact]
    public void Step_PositiveAgeSlope_OlderMembersLeaveMoreOften()
    {
        var (young, old) = ExitRates(0.1);
        Assert.True(old > 2 * young, $"old rate {old}, young rate {young}");
    }

    [Fact]
    public void Step_ZeroAgeSlope_AgeBlindExits()
    {
        var (young, old) = ExitRates(0);
        Assert.InRange(old / young, 0.6, 1.6);
    }
}
