using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;

namespace DecapSim.Core.Tests.Processes;

public class ConsolidationProcessTests
{
    private static ModelParameters WithTiny(double absorb, double dissolve, bool allied) =>
        TestModels.SmallGrid().NoConflict().NoEnforcement().NoTargeting().NoRecruitment() with
        {
            InitialFactions = new InitialFactionData(
                new[]
                {
                    new FactionSpec("Big1", "", 1500), new FactionSpec("Big2", "", 800),
                    new FactionSpec("Mid", "", 400), new FactionSpec("Tiny", "", 5),
                },
                Array.Empty<RelationSpec>(),
                allied ? new[] { new RelationSpec("Tiny", "Mid", 1) } : Array.Empty<RelationSpec>()),
            Consolidation = new ConsolidationParameters { MinFactionSize = 10, AbsorbProbability = absorb, DissolveProbability = dissolve },
            Exits = new ExitParameters { Omega = 0 },
        };

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Step_FactionBelowMinSize_EventuallyAbsorbedOrDissolved(ulong seed)
    {
        var sim = new Simulation(WithTiny(0.2, 0.2, allied: false), seed);
        var s = sim.State;
        const int tiny = 3;
        Assert.Equal("Tiny", s.Factions.Name[tiny]);
        for (int w = 0; w < 60 && s.Factions.Active[tiny]; w++) sim.Step();
        Assert.False(s.Factions.Active[tiny]);
        var reason = s.Factions.EndReason[tiny];
        Assert.True(reason is EndReason.Absorbed or EndReason.Dissolved, $"ended as {reason}");
        if (reason == EndReason.Absorbed)
        {
            int g = s.Factions.MergedInto[tiny];
            Assert.True(g >= 0 && g != tiny && s.Factions.Active[g]);
            Assert.Contains(s.Events, e => e.Type == SimEventType.Absorption && e.Faction == tiny && e.Other == g);
        }
        else Assert.Contains(s.Events, e => e.Type == SimEventType.Dissolution && e.Faction == tiny);
        Assert.Equal(0, TestModels.ActiveMembers(s, tiny));
        for (int c = 0; c < s.Cells.Count; c++) Assert.NotEqual(tiny, s.Cells.Controller[c]);
        // the big groups are untouched
        for (int f = 0; f < 3; f++) Assert.True(s.Factions.Active[f]);
    }

    [Fact]
    public void Step_SmallFactionWithAlly_AbsorbedByAllyWithItsMembers()
    {
        var sim = new Simulation(WithTiny(1, 0, allied: true), 1);
        var s = sim.State;
        const int tiny = 3, mid = 2;
        var tinyMembers = Enumerable.Range(0, s.Members.Count).Where(i => s.Members.Faction[i] == tiny && s.Members.IsActive(i)).ToList();
        Assert.Equal(5, tinyMembers.Count);
        TestModels.Run(sim, 6);
        Assert.False(s.Factions.Active[tiny]);
        Assert.Equal(EndReason.Absorbed, s.Factions.EndReason[tiny]);
        Assert.Equal(mid, s.Factions.MergedInto[tiny]);
        foreach (var i in tinyMembers) Assert.Equal(mid, s.Members.Faction[i]);
        Assert.Equal(0, s.Ledger.Retired);
    }

    [Fact]
    public void Step_SmallFactionOnlyDissolution_MembersRetire()
    {
        var sim = new Simulation(WithTiny(0, 1, allied: false), 1);
        var s = sim.State;
        TestModels.Run(sim, 6);
        Assert.Equal(EndReason.Dissolved, s.Factions.EndReason[3]);
        Assert.Equal(5, s.Ledger.Retired);
    }

    [Fact]
    public void Step_AllAboveMinSize_NoFactionEnds()
    {
        var sim = new Simulation(WithTiny(1, 1, allied: false) with
        {
            Consolidation = new ConsolidationParameters { MinFactionSize = 3, AbsorbProbability = 1, DissolveProbability = 1 },
        }, 1);
        TestModels.Run(sim, 10);
        Assert.Equal(4, sim.State.Factions.ActiveCount());
    }

    [Fact]
    public void Alliance_terms_taken_with_the_decay_equal_a_recount_every_week()
    {
        // the weekly decay pass sums each row for InvAlly; rows where an alliance formed are summed again
        var p = TestModels.SmallGrid(members: 4000, factions: 14) with { Weeks = 80 };
        p = p with { Consolidation = p.Consolidation with { AllianceFormationRate = 0.2 } };
        var sim = new Simulation(p, 4);
        var F = sim.State.Factions;
        int formed = 0;
        for (int w = 0; w < 80; w++)
        {
            int pairs = Enumerable.Range(0, F.Count).Sum(f => Enumerable.Range(0, F.Count).Count(g => F.Alliance[f * F.Capacity + g] > 0));
            sim.Step();
            int after = Enumerable.Range(0, F.Count).Sum(f => Enumerable.Range(0, F.Count).Count(g => F.Alliance[f * F.Capacity + g] > 0));
            if (after > pairs) formed++;
            for (int f = 0; f < F.Count; f++)
            {
                if (!F.Active[f]) continue;
                double taken = F.InvAlly[f];
                F.RefreshAlliance(f);
                Assert.Equal(BitConverter.DoubleToInt64Bits(F.InvAlly[f]), BitConverter.DoubleToInt64Bits(taken));
            }
        }
        Assert.True(formed > 3, $"alliances formed in only {formed} weeks: the test would prove little");
    }
}
