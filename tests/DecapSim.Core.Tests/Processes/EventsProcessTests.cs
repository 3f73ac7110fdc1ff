using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests.Processes;

public class EventsProcessTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void RemoveLeaderEvent_RankLieutenant_CapturesTheStrongestLieutenant(ulong seed)
    {
        var p = TestModels.SmallGrid().NoTargeting().NoEnforcement().NoConflict() with
        {
            Recruitment = new RecruitmentParameters { Rho = 0.02 },
            Succession = new SuccessionParameters { SoldiersPerLieutenant = 100 },
            Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 8, Faction = "CJNG", Rank = "Lieutenant", Mode = RemovalMode.Capture } },
        };
        var sim = new Simulation(p, seed);
        var s = sim.State;
        TestModels.Run(sim, 8);
        int f = EventsProcess.FindFaction(s, "CJNG");
        var size = new Dictionary<int, int>();
        for (int i = 0; i < s.Members.Count; i++)
            if (s.Members.IsActive(i) && s.Members.Faction[i] == f && s.Members.Unit[i] >= 0)
                size[s.Members.Unit[i]] = size.GetValueOrDefault(s.Members.Unit[i]) + 1;
        var units = size.Keys.Where(u => s.Units.Active[u] && s.Units.Faction[u] == f && s.Units.Lieutenant[u] >= 0).ToList();
        Assert.True(units.Count >= 3);
        int max = units.Max(u => size[u]);
        var strongest = units.Where(u => size[u] == max).Select(u => s.Units.Lieutenant[u]).ToHashSet();

        sim.Step();

        var imprisonedLts = strongest.Where(lt => s.Members.Status[lt] == (byte)MemberStatus.Imprisoned).ToList();
        Assert.Single(imprisonedLts);
        Assert.Contains(s.Events, e => e.Type == SimEventType.LieutenantRemoval && e.Faction == f && e.Code == 2);
    }

    [Fact]
    public void RemoveLeaderEvent_UnknownFaction_NoEffect()
    {
        var p = TestModels.SmallGrid().NoTargeting() with
        {
            Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 1, Faction = "No Such Cartel" } },
        };
        var sim = new Simulation(p, 1);
        TestModels.Run(sim, 3);
        Assert.DoesNotContain(sim.State.Events, e => e.Type is SimEventType.Removal or SimEventType.LieutenantRemoval);
    }

    [Fact]
    public void KingpinListEvent_Count_RemovesThatManyLeadersOfDistinctFactions()
    {
        var p = TestModels.SmallGrid().NoTargeting().NoEnforcement().NoConflict() with
        {
            Timeline = new TimelineEvent[] { new KingpinListEvent { Week = 2, Count = 4, OverWeeks = 4, KillShare = 1 } },
        };
        var sim = new Simulation(p, 1);
        TestModels.Run(sim, 10);
        var removals = sim.State.Events.Where(e => e.Type == SimEventType.Removal).ToList();
        Assert.Equal(4, removals.Count);
        Assert.Equal(4, removals.Select(e => e.Faction).Distinct().Count());
        Assert.All(removals, e => Assert.InRange(e.Week, 2, 5));
        Assert.All(removals, e => Assert.Equal(1, e.Code));
    }
}
