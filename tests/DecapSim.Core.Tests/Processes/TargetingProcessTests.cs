using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;

namespace DecapSim.Core.Tests.Processes;

public class TargetingProcessTests
{
    /// <summary>A quiet small grid (no other removals) with the given targeting and corruption.</summary>
    private static ModelParameters Model(double leaderBase, double lieutenantBase = 0, double pKill = 0.3, double corruption = 0,
        double intel = 0.3, double trust = 0.6, double effort = 1)
    {
        var p = TestModels.SmallGrid().NoEnforcement().NoConflict().NoRecruitment().NoExits();
        return p with
        {
            Targeting = p.Targeting with { LeaderLocateBase = leaderBase, LieutenantLocateBase = lieutenantBase, PKill = pKill, IntelSharing = intel, Effort = effort },
            State = p.State with { Corruption = corruption, CorruptionAdjustRate = 0, UsTrust = trust, UsTrustBaseline = trust },
        };
    }

    private static int[] Leaders(ModelState s) => Enumerable.Range(0, s.Factions.Count).Select(f => s.Factions.Leader[f]).ToArray();

    [Fact]
    public void Step_LocateBaseOneNoCorruption_EveryLeaderRemovedInFirstWeek()
    {
        var sim = new Simulation(Model(1), 1);
        var s = sim.State;
        var before = Leaders(s);
        int factions = s.Factions.Count;

        sim.Step();

        var removals = s.Events.Where(e => e.Type == SimEventType.Removal && e.Week == 0).ToList();
        Assert.Equal(factions, removals.Count);
        Assert.Equal(Enumerable.Range(0, factions), removals.Select(e => e.Faction).OrderBy(f => f));
        for (int f = 0; f < factions; f++)
        {
            if (!s.Factions.Active[f]) continue;
            int l = s.Factions.Leader[f];
            Assert.NotEqual(before[f], l);
            Assert.True(s.Members.IsActive(l), "succession gave the faction an active leader");
            Assert.Equal((byte)Rank.Leader, s.Members.Rank[l]);
            Assert.Equal(f, s.Members.Faction[l]);
        }
    }

    [Fact]
    public void Step_LocateBaseZero_NoLeaderRemoved()
    {
        var sim = new Simulation(Model(0), 1);
        var before = Leaders(sim.State);
        TestModels.Run(sim, 10);
        Assert.DoesNotContain(sim.State.Events, IsRemoval);
        Assert.Equal(before, Leaders(sim.State));
    }

    [Fact]
    public void Step_PKillOne_KillsOnlyNoArrests()
    {
        var sim = new Simulation(Model(1, pKill: 1), 2);
        var s = sim.State;
        var before = Leaders(s);
        var m = sim.Step();
        var removals = s.Events.Where(e => e.Type == SimEventType.Removal).ToList();
        Assert.NotEmpty(removals);
        Assert.All(removals, e => Assert.Equal(1, e.Code));
        Assert.Equal(0, m.Arrests);
        Assert.Equal(0, m.Imprisoned);
        Assert.All(before, l => Assert.NotEqual((byte)MemberStatus.Imprisoned, s.Members.Status[l]));
        Assert.True(m.HomicidesState >= before.Length, "each killed leader counts as a state homicide");
    }

    [Fact]
    public void Step_PKillZero_CapturesOnly()
    {
        var sim = new Simulation(Model(1, pKill: 0), 2);
        var s = sim.State;
        var before = Leaders(s);
        var m = sim.Step();
        var removals = s.Events.Where(e => e.Type == SimEventType.Removal).ToList();
        Assert.Equal(before.Length, removals.Count);
        Assert.All(removals, e => Assert.Equal(2, e.Code));
        Assert.All(before, l => Assert.Equal((byte)MemberStatus.Imprisoned, s.Members.Status[l]));
        Assert.Equal(before.Length, m.Arrests);
        // captured with the long sentence
        int release = (int)(s.P.Targeting.CapturedSentenceYears * 52);
        Assert.All(before, l => Assert.Equal(release, s.Members.ReleaseWeek[l]));
    }

    private static bool IsRemoval(SimEvent e) => e.Type == SimEventType.Removal || e.Type == SimEventType.LieutenantRemoval;

    /// <summary>Leaders and lieutenants removed in 20 weeks, summed over seeds 1-3.</summary>
    private static int RemovalsOverSeeds(Parameters.ModelParameters p)
    {
        int n = 0;
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var sim = new Simulation(p, seed);
            TestModels.Run(sim, 20);
            n += sim.State.Events.Count(IsRemoval);
        }
        return n;
    }

    [Fact]
    public void Step_HigherIntelSharingTimesTrust_MoreRemovals()
    {
        int Removals(double intel, double trust) => RemovalsOverSeeds(Model(0.03, 0.03, intel: intel, trust: trust));
        int none = Removals(0, 0.6), full = Removals(1, 1);
        // locate probability doubles with full sharing and trust (1 + 1 x 1)
        Assert.True(none > 10, $"too few removals to compare: {none}");
        Assert.True(full > 1.4 * none, $"intel 0: {none} removals, intel 1 x trust 1: {full}");
        Assert.True(full < 2.8 * none, $"intel 0: {none} removals, intel 1 x trust 1: {full}");
    }

    [Fact]
    public void Step_EffortZero_NoLeaderOrLieutenantRemoved()
    {
        var sim = new Simulation(Model(1, 1, effort: 0), 1);
        var before = Leaders(sim.State);
        TestModels.Run(sim, 10);
        Assert.DoesNotContain(sim.State.Events, IsRemoval);
        Assert.Equal(before, Leaders(sim.State));
    }

    [Fact]
    public void Step_EffortTwo_MoreRemovalsThanEffortOne()
    {
        int Removals(double effort) => RemovalsOverSeeds(Model(0.02, 0.02, effort: effort));
        int one = Removals(1), two = Removals(2);
        // the locate probability doubles
        Assert.True(one > 10, $"too few removals to compare: {one}");
        Assert.True(two > 1.4 * one, $"effort 1: {one} removals, effort 2: {two}");
        Assert.True(two < 2.8 * one, $"effort 1: {one} removals, effort 2: {two}");
    }

    [Fact]
    public void Step_EffortSetToZeroByTheTimeline_NoRemovalsAfterThatWeek()
    {
        var p = Model(0.2, 0.2) with
        {
            Timeline = new Timeline.TimelineEvent[] { new Timeline.SetPolicyEvent { Week = 5, Parameter = Timeline.PolicyLever.TargetingEffort, Value = 0 } },
        };
        var sim = new Simulation(p, 2);
        TestModels.Run(sim, 15);
        var removals = sim.State.Events.Where(IsRemoval).ToList();
        Assert.Contains(removals, e => e.Week < 5);
        Assert.DoesNotContain(removals, e => e.Week >= 5);
        Assert.Equal(0, sim.State.Policy.TargetingEffort);
    }

    [Fact]
    public void Step_FullCorruption_NobodyLocated()
    {
        var sim = new Simulation(Model(1, 1, corruption: 1), 3);
        var before = Leaders(sim.State);
        TestModels.Run(sim, 4);
        Assert.DoesNotContain(sim.State.Events, IsRemoval);
        Assert.Equal(before, Leaders(sim.State));
    }

    [Fact]
    public void Step_LocatedTarget_RaidKillsSoldiersAndStateForces()
    {
        var p = Model(1, pKill: 0);
        p = p with { Targeting = p.Targeting with { RaidMembersKilled = 5, RaidStateKilled = 3 } };
        var sim = new Simulation(p, 4);
        var m = sim.Step();
        Assert.True(m.StateForcesKilled > 0);
        // captures only, so every state homicide is a raid casualty
        Assert.True(m.HomicidesState > 0);
    }

    [Fact]
    public void Step_WellMixedWorld_TargetingIsOff()
    {
        var p = TestModels.WellMixed().NoEnforcement().NoConflict();
        p = p with { Targeting = p.Targeting with { LeaderLocateBase = 1, LieutenantLocateBase = 1 } };
        var sim = new Simulation(p, 5);
        TestModels.StepUpTo<TargetingProcess>(sim);
        Assert.Empty(sim.State.Removals);
        var before = Leaders(sim.State);
        new TargetingProcess().Step(sim.State);
        Assert.Empty(sim.State.Removals);
        Assert.Equal(before, Leaders(sim.State));
    }
}
