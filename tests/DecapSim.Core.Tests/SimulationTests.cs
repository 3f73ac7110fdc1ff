using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests;

public class SimulationTests
{
    private static ModelParameters InvariantRun() => TestModels.SmallGrid(4000, 15) with
    {
        // more violence and removals than the defaults so that every path (splits, defections, absorption,
        // dissolution, release, recidivism, retaliation) is exercised in three years
        Conflict = new ConflictParameters { Theta = 2e-6 },
        Targeting = new TargetingParameters { LeaderLocateBase = 0.02, LieutenantLocateBase = 0.03 },
        Enforcement = new EnforcementParameters { SentenceYears = 0.3, EscapeRate = 0.01 },
        Factions = TestModels.SmallGrid(4000, 15).Factions with { CohesionMean = 0.3, HeirShare = 0.3 },
        Consolidation = new ConsolidationParameters { MinFactionSize = 30, AbsorbProbability = 0.2, DissolveProbability = 0.1 },
        Timeline = new TimelineEvent[]
        {
            new RemoveLeaderEvent { Week = 5, Faction = "CJNG", Mode = RemovalMode.Kill, HeirUnavailable = true },
            new RemoveLeaderEvent { Week = 20, Faction = "Cártel de Sinaloa", Mode = RemovalMode.Capture },
            new RemoveLeaderEvent { Week = 30, Faction = "CJNG", Rank = "Lieutenant", Mode = RemovalMode.Kill },
            new KingpinListEvent { Week = 40, Count = 4, OverWeeks = 20 },
            new CampaignEvent { Week = 60, Kind = CampaignKind.UsStrikes, DurationWeeks = 10, Intensity = 2 },
            new CampaignEvent { Week = 70, Kind = CampaignKind.TroopSurge, DurationWeeks = 20, Intensity = 1 },
            new RemoveLeaderEvent { Week = 100, Faction = "CJNG", Mode = RemovalMode.Kill, HeirUnavailable = true },
        },
    };

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Step_ThreeYearsWithRemovals_InvariantsHoldEveryWeek(ulong seed)
    {
        var sim = new Simulation(InvariantRun(), seed);
        var s = sim.State;
        int splits = 0;
        for (int w = 0; w < 156; w++)
        {
            var m = sim.Step();
            splits += (int)m.NewSplinters;
            AssertInvariants(s, m, w);
        }
        Assert.True(splits > 0, "the run should exercise fragmentation");
        Assert.True(s.Ledger.Dead > 0 && s.Ledger.Retired > 0 && s.Ledger.Recruited > 0);
    }

    [Fact]
    public void Step_WellMixedTwoYears_InvariantsHoldEveryWeek()
    {
        var p = TestModels.WellMixed() with
        {
            Conflict = new ConflictParameters { Theta = 2e-6 },
            Enforcement = new EnforcementParameters { ArrestMode = ArrestMode.FixedCount, Eta = 20, SentenceYears = 0.2 },
            Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 3, Faction = "CJNG", HeirUnavailable = true } },
        };
        var sim = new Simulation(p, 5);
        for (int w = 0; w < 104; w++) AssertInvariants(sim.State, sim.Step(), w);
    }

    internal static void AssertInvariants(ModelState s, WeeklyMetrics m, int week)
    {
        var (active, imprisoned) = s.CountMembers();
        var L = s.Ledger;
        Assert.True(L.Initial + L.Recruited == active + imprisoned + L.Dead + L.Retired,
            $"week {week}: members not conserved: initial {L.Initial} + recruited {L.Recruited} != active {active} + imprisoned {imprisoned} + dead {L.Dead} + retired {L.Retired}");
        Assert.True(m.Members == active, $"week {week}: metrics Members {m.Members} != scan {active}");
        Assert.True(m.Imprisoned == imprisoned, $"week {week}: metrics Imprisoned {m.Imprisoned} != scan {imprisoned}");
        var F = s.Factions;
        for (int c = 0; c < s.Cells.Count; c++)
        {
            int ctrl = s.Cells.Controller[c];
            Assert.True(ctrl < 0 || F.Active[ctrl], $"week {week}: cell {c} controlled by inactive faction {ctrl}");
            Assert.InRange(s.Cells.Corruption[c], 0, 1);
            Assert.InRange(s.Cells.Police[c], 0, 1);
        }
        Assert.InRange(s.Policy.UsTrust, 0, 1);
        Assert.InRange(m.UsTrust, 0, 1);
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            Assert.True(F.Treasury[f] >= 0 && double.IsFinite(F.Treasury[f]), $"week {week}: faction {f} treasury {F.Treasury[f]}");
            Assert.True(F.Arsenal[f] >= 0 && double.IsFinite(F.Arsenal[f]), $"week {week}: faction {f} arsenal {F.Arsenal[f]}");
            Assert.True(F.Cohesion[f] >= 0 && F.Cohesion[f] <= 1, $"week {week}: faction {f} cohesion {F.Cohesion[f]}");
            int leader = F.Leader[f];
            if (leader >= 0)
            {
                Assert.True(s.Members.IsActive(leader), $"week {week}: leader {leader} of faction {f} is not active (status {s.Members.Status[leader]})");
                Assert.True(s.Members.Faction[leader] == f, $"week {week}: leader {leader} of faction {f} belongs to {s.Members.Faction[leader]}");
                Assert.True(s.Members.Rank[leader] == (byte)Rank.Leader, $"week {week}: leader {leader} of faction {f} has rank {s.Members.Rank[leader]}");
            }
        }
        var U = s.Units;
        for (int u = 0; u < U.Count; u++)
        {
            if (!U.Active[u]) continue;
            int lt = U.Lieutenant[u];
            if (lt < 0) continue;
            Assert.True(s.Members.Faction[lt] == U.Faction[u], $"week {week}: lieutenant {lt} of unit {u} (faction {U.Faction[u]}) belongs to {s.Members.Faction[lt]}");
            Assert.True(s.Members.Status[lt] != (byte)MemberStatus.Free, $"week {week}: lieutenant {lt} of unit {u} is gone");
        }
    }
}

public class SimulationStressTests
{
    [Fact]
    public void Step_ManySplintersBeyondFactionCapacity_InvariantsHold()
    {
        var baseP = TestModels.SmallGrid(12_000, 90);
        var p = baseP with
        {
            Factions = baseP.Factions with { CohesionMean = 0, HeirShare = 0 },
            Succession = new SuccessionParameters { SoldiersPerLieutenant = 10, MaxLieutenants = 8, SplitThreshold = 0.05 },
            Consolidation = new ConsolidationParameters { MinFactionSize = 5 },
            Timeline = new TimelineEvent[]
            {
                new KingpinListEvent { Week = 1, Count = 90, OverWeeks = 6, KillShare = 0.5 },
                new KingpinListEvent { Week = 30, Count = 150, OverWeeks = 6, KillShare = 0.5 },
            },
        };
        var sim = new Simulation(p, 1);
        var s = sim.State;
        int capacity = s.Factions.Capacity;
        for (int w = 0; w < 45; w++) SimulationTests.AssertInvariants(s, sim.Step(), w);
        Assert.True(s.Factions.Count > capacity, $"{s.Factions.Count} factions did not exceed the initial capacity {capacity}");
    }
}
