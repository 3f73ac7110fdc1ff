using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests.Processes;

public class JailedLeaderEventsTests
{
    /// <summary>A quiet small grid: no random removals, arrests or deaths; the only shocks are the timeline's.</summary>
    private static ModelParameters Quiet(params TimelineEvent[] timeline) =>
        TestModels.SmallGrid().NoTargeting().NoEnforcement().NoConflict() with { Timeline = timeline };

    private static RemoveLeaderEvent Capture(int week) => new() { Week = week, Faction = "CJNG", Mode = RemovalMode.Capture };

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Escape_FactionActive_PrisonerTakesTheLeadershipBackAndTheIncumbentBecomesHeir(ulong seed)
    {
        var sim = new Simulation(Quiet(Capture(1), new EscapeEvent { Week = 6, Faction = "CJNG" }), seed);
        var s = sim.State;
        int f = EventsProcess.FindFaction(s, "CJNG");
        int boss = s.Factions.Leader[f];
        TestModels.Run(sim, 6);
        Assert.Equal((byte)MemberStatus.Imprisoned, s.Members.Status[boss]);
        int incumbent = s.Factions.Leader[f];
        Assert.NotEqual(boss, incumbent);
        int factions = s.Factions.Count;
        long prisoners = s.ImprisonedCount;

        sim.Step();

        Assert.Equal(boss, s.Factions.Leader[f]);
        Assert.True(s.Members.IsActive(boss));
        Assert.Equal((byte)Rank.Leader, s.Members.Rank[boss]);
        Assert.Equal(f, s.Members.Faction[boss]);
        Assert.Equal(prisoners - 1, s.ImprisonedCount);
        // the incumbent stays in the faction as a lieutenant (of a unit of its own) and the heir; nobody splits off
        Assert.True(s.Members.IsActive(incumbent));
        Assert.Equal(f, s.Members.Faction[incumbent]);
        Assert.Equal((byte)Rank.Lieutenant, s.Members.Rank[incumbent]);
        int u = s.Members.Unit[incumbent];
        Assert.True(u >= 0 && s.Units.Active[u] && s.Units.Faction[u] == f && s.Units.Lieutenant[u] == incumbent);
        Assert.Equal(incumbent, s.Factions.Heir[f]);
        Assert.Equal(factions, s.Factions.Count);
        Assert.Contains(s.Events, e => e.Week == 6 && e.Type == SimEventType.Escape && e.Faction == f && e.Code == JailedLeaderEvents.RetookLeadership);
        Assert.Empty(s.JailedLeaders);
        Assert.False(s.Members.IsJailed(boss));
        TestModels.Run(sim, 4);
        Assert.Equal(s.CountMembers().Imprisoned, s.ImprisonedCount);
    }

    [Fact]
    public void Escape_RecapturedTheSameWeekWithArrestsAndReleases_PrisonCountsStayTrue()
    {
        var p = TestModels.SmallGrid().NoConflict() with
        {
            Timeline = new TimelineEvent[] { Capture(1), new EscapeEvent { Week = 5, Faction = "CJNG" }, Capture(5), new ExtraditionEvent { Week = 9, Faction = "CJNG" } },
        };
        p = p with { Enforcement = p.Enforcement with { SentenceYears = 0.1 } };
        var sim = new Simulation(p, 6);
        var s = sim.State;
        int f = EventsProcess.FindFaction(s, "CJNG");
        int boss = s.Factions.Leader[f];
        TestModels.Run(sim, 6);
        Assert.True(s.Members.IsJailed(boss), "escaped and recaptured in week 5");
        for (int w = 0; w < 20; w++)
        {
            sim.Step();
            Assert.Equal(s.CountMembers().Imprisoned, s.ImprisonedCount);
        }
        Assert.Single(s.Events, e => e.Type == SimEventType.Escape && e.Code == JailedLeaderEvents.RetookLeadership);
        Assert.Contains(s.Events, e => e.Type == SimEventType.Extradition && e.Code == JailedLeaderEvents.ContestQueued);
    }

    [Fact]
    public void Escape_CohesionGain_RaisesTheFactionsCohesionOnce()
    {
        var p = Quiet(Capture(1), new EscapeEvent { Week = 4, Faction = "CJNG" });
        p = p with { Succession = p.Succession with { EscapeCohesionGain = 0.25 } };
        var sim = new Simulation(p, 5);
        var s = sim.State;
        TestModels.Run(sim, 4);
        int f = EventsProcess.FindFaction(s, "CJNG");
        double before = s.Factions.Cohesion[f];
        TestModels.StepUpTo<EventsProcess>(sim);
        Assert.Equal(Math.Min(1, before + 0.25), s.Factions.Cohesion[f], 12);
    }

    [Fact]
    public void Escape_NobodyInPrison_LoggedWithNoEffect()
    {
        var sim = new Simulation(Quiet(new EscapeEvent { Week = 2, Faction = "CJNG" }, new ExtraditionEvent { Week = 3, Faction = "CJNG" }), 1);
        var s = sim.State;
        int f = EventsProcess.FindFaction(s, "CJNG");
        int leader = s.Factions.Leader[f];
        TestModels.Run(sim, 5);
        Assert.Equal(leader, s.Factions.Leader[f]);
        Assert.Contains(s.Events, e => e.Week == 2 && e.Type == SimEventType.Escape && e.Code == JailedLeaderEvents.NoEffect);
        Assert.Contains(s.Events, e => e.Week == 3 && e.Type == SimEventType.Extradition && e.Code == JailedLeaderEvents.NoEffect);
        Assert.DoesNotContain(s.Events, e => e.Type is SimEventType.ContestedSuccession or SimEventType.Split);
    }

    [Fact]
    public void Escape_UnknownFaction_LoggedWithNoEffect()
    {
        var sim = new Simulation(Quiet(Capture(1), new EscapeEvent { Week = 3, Faction = "No Such Cartel" }), 1);
        TestModels.Run(sim, 5);
        Assert.Contains(sim.State.Events, e => e.Type == SimEventType.Escape && e.Code == JailedLeaderEvents.NoEffect);
        Assert.Single(sim.State.JailedLeaders);
    }

    [Fact]
    public void Escape_AfterTwoCaptures_RefersToTheMostRecentPrisoner()
    {
        var sim = new Simulation(Quiet(Capture(1), Capture(3), new EscapeEvent { Week = 5, Faction = "CJNG" }), 2);
        var s = sim.State;
        int f = EventsProcess.FindFaction(s, "CJNG");
        int first = s.Factions.Leader[f];
        TestModels.Run(sim, 3);
        int second = s.Factions.Leader[f];
        TestModels.Run(sim, 3);
        Assert.Equal(second, s.Factions.Leader[f]);
        Assert.Equal((byte)MemberStatus.Imprisoned, s.Members.Status[first]);
        Assert.Single(s.JailedLeaders);
        Assert.Equal(first, s.JailedLeaders[0].Member);
    }

    [Fact]
    public void Escape_FactionAbsorbed_RejoinsTheAbsorberAsASoldier()
    {
        var sim = new Simulation(Quiet(Capture(1), new EscapeEvent { Week = 3, Faction = "CJNG" }), 3);
        var s = sim.State;
        int f = EventsProcess.FindFaction(s, "CJNG");
        int boss = s.Factions.Leader[f];
        TestModels.Run(sim, 3);
        // end the faction by hand: absorbed into another (as the consolidation does)
        int g = Enumerable.Range(0, s.Factions.Count).First(x => x != f && s.Factions.Active[x]);
        foreach (int i in Ops.MembersOf(s, f, imprisoned: true)) { s.Members.Faction[i] = g; s.Members.Rank[i] = (byte)Rank.Soldier; s.Members.Touch(i); }
        for (int u = 0; u < s.Units.Count; u++) if (s.Units.Faction[u] == f) { s.Units.Faction[u] = g; s.Units.Lieutenant[u] = -1; }
        s.Factions.MergedInto[f] = g;
        s.Factions.End(f, s.Week, EndReason.Absorbed);
        int gLeader = s.Factions.Leader[g];

        sim.Step();

        Assert.True(s.Members.IsActive(boss));
        Assert.Equal(g, s.Members.Faction[boss]);
        Assert.Equal((byte)Rank.Soldier, s.Members.Rank[boss]);
        Assert.Equal(gLeader, s.Factions.Leader[g]);
        Assert.Contains(s.Events, e => e.Type == SimEventType.Escape && e.Faction == f && e.Other == g && e.Code == JailedLeaderEvents.RejoinedSuccessor);
    }

    [Fact]
    public void Escape_FactionDissolvedWithoutSuccessor_PrisonerRetires()
    {
        var sim = new Simulation(Quiet(Capture(1), new EscapeEvent { Week = 3, Faction = "CJNG" }), 4);
        var s = sim.State;
        int f = EventsProcess.FindFaction(s, "CJNG");
        int boss = s.Factions.Leader[f];
        TestModels.Run(sim, 3);
        foreach (int i in Ops.MembersOf(s, f, imprisoned: false)) s.RemoveMember(i, dead: false);
        for (int u = 0; u < s.Units.Count; u++) if (s.Units.Faction[u] == f) s.Units.Active[u] = false;
        s.Factions.End(f, s.Week, EndReason.Dissolved);
        long retired = s.Ledger.Retired;

        TestModels.StepUpTo<EventsProcess>(sim);

        Assert.Equal((byte)MemberStatus.Free, s.Members.Status[boss]);
        Assert.Equal(retired + 1, s.Ledger.Retired);
        Assert.Contains(s.Events, e => e.Type == SimEventType.Escape && e.Faction == f && e.Code == JailedLeaderEvents.Retired);
    }

    [Fact]
    public void Extradition_PrisonerLeavesTheModelAndTheSuccessionIsContested()
    {
        var sim = new Simulation(Quiet(Capture(1), new ExtraditionEvent { Week = 5, Faction = "CJNG" }), 2);
        var s = sim.State;
        int f = EventsProcess.FindFaction(s, "CJNG");
        int boss = s.Factions.Leader[f];
        TestModels.Run(sim, 5);
        int incumbent = s.Factions.Leader[f];
        long prisoners = s.ImprisonedCount, retired = s.Ledger.Retired;

        sim.Step();

        Assert.Equal(prisoners - 1, s.ImprisonedCount);
        Assert.Equal(retired + 1, s.Ledger.Retired);
        Assert.Empty(s.JailedLeaders);
        Assert.Contains(s.Events, e => e.Week == 5 && e.Type == SimEventType.Extradition && e.Faction == f && e.Code == JailedLeaderEvents.ContestQueued);
        Assert.Contains(s.Events, e => e.Week == 5 && e.Type == SimEventType.ContestedSuccession && e.Faction == f);
        // the incumbent keeps the faction
        Assert.Equal(incumbent, s.Factions.Leader[f]);
        var (active, imprisoned) = s.CountMembers();
        Assert.Equal(s.Ledger.Initial + s.Ledger.Recruited - s.Ledger.Dead - s.Ledger.Retired, active + imprisoned);
    }

    /// <summary>Splinters of CJNG founded in the 26 weeks from week 10, with and without an extradition at week 10 of
    /// the leader captured at week 2, on the same seeds.</summary>
    private static (int With, int Without, int SeedsWithSplit) Splinters(double factor, int seeds)
    {
        int with = 0, without = 0, seedsWithSplit = 0;
        for (ulong seed = 1; seed <= (ulong)seeds; seed++)
        {
            int Count(bool extradite)
            {
                var tl = extradite
                    ? new TimelineEvent[] { Capture(2), new ExtraditionEvent { Week = 10, Faction = "CJNG" } }
                    : new TimelineEvent[] { Capture(2) };
                var p = Quiet(tl);
                p = p with
                {
                    Succession = p.Succession with { SoldiersPerLieutenant = 50, ExtraditionWarFactor = factor },
                    Factions = p.Factions with { HeirShare = 1 },
                };
                var sim = new Simulation(p, seed);
                int f = EventsProcess.FindFaction(sim.State, "CJNG");
                TestModels.Run(sim, 36);
                var F = sim.State.Factions;
                return Enumerable.Range(0, F.Count).Count(g => F.Parent[g] == f && F.FoundedWeek[g] >= 10);
            }
            int a = Count(true), b = Count(false);
            with += a; without += b;
            if (a > b) seedsWithSplit++;
        }
        return (with, without, seedsWithSplit);
    }

    [Fact]
    public void Extradition_PairedSeeds_MoreSplintersInTheFollowingMonths()
    {
        // 16 seeds gave 13 splinters with the extradition and none without (8 seeds with more): the thresholds are
        // about half what 24 seeds should give, and without the mechanism both counts are equal
        var (with, without, seeds) = Splinters(factor: 0.5, seeds: 24);
        // the capture's handover kept the faction together; the extradition takes it away
        Assert.True(with >= without + 9, $"splinters with the extradition {with}, without {without}");
        Assert.True(seeds >= 6, $"only {seeds} of 24 seeds had more splinters with the extradition");
    }

    [Fact]
    public void Extradition_WarFactorZero_NoSplinters()
    {
        var (with, without, _) = Splinters(factor: 0, seeds: 4);
        Assert.Equal(without, with);
    }
}
