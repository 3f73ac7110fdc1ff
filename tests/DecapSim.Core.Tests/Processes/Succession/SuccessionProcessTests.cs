using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests.Processes;

public class SuccessionProcessTests
{
    /// <summary>A quiet small grid: no random removals, arrests, deaths; the only shock is the timeline.</summary>
    private static ModelParameters Quiet(params TimelineEvent[] timeline) =>
        TestModels.SmallGrid().NoTargeting().NoEnforcement().NoConflict() with { Timeline = timeline };

    private static int Cjng(ModelState s) => EventsProcess.FindFaction(s, "CJNG");

    [Fact]
    public void LeaderRemoved_FreeHeirFullCohesion_HeirSucceedsWithoutSplit()
    {
        var p = Quiet(new RemoveLeaderEvent { Week = 1, Faction = "CJNG", Mode = RemovalMode.Kill });
        p = p with { Factions = p.Factions with { CohesionMean = 1, HeirShare = 1 } };
        var sim = new Simulation(p, 3);
        var s = sim.State;
        sim.Step();
        int f = Cjng(s);
        int heir = s.Factions.Heir[f];
        int oldLeader = s.Factions.Leader[f];
        Assert.True(heir >= 0, "HeirShare = 1 gives every faction with lieutenants an heir");
        s.Factions.Cohesion[f] = 1;
        int factionsBefore = s.Factions.Count;

        sim.Step();

        Assert.Equal(factionsBefore, s.Factions.Count);
        for (int g = 0; g < s.Factions.Count; g++) Assert.NotEqual(f, s.Factions.Parent[g]);
        Assert.Contains(s.Events, e => e.Week == 1 && e.Type == SimEventType.Succession && e.Faction == f);
        Assert.DoesNotContain(s.Events, e => e.Type == SimEventType.ContestedSuccession);
        Assert.NotEqual(oldLeader, s.Factions.Leader[f]);
        Assert.Equal(heir, s.Factions.Leader[f]);
        Assert.Equal((byte)Rank.Leader, s.Members.Rank[heir]);
        Assert.True(s.Factions.Active[f]);
    }

    [Theory]
    [InlineData(true, 0.6)]   // heir exists but is unavailable
    [InlineData(false, 0.0)]  // no heir at all
    public void LeaderRemoved_NoHeirZeroCohesion_SplintersAtWarAndVacuum(bool heirUnavailable, double heirShare)
    {
        var p = Quiet(new RemoveLeaderEvent { Week = 1, Faction = "CJNG", Mode = RemovalMode.Kill, HeirUnavailable = heirUnavailable });
        p = p with
        {
            Factions = p.Factions with { HeirShare = heirShare },
            Succession = p.Succession with { SoldiersPerLieutenant = 50, MaxLieutenants = 8 },
        };
        var sim = new Simulation(p, 4);
        var s = sim.State;
        sim.Step();
        int f = Cjng(s);
        if (heirShare == 0) Assert.Equal(-1, s.Factions.Heir[f]);
        s.Factions.Cohesion[f] = 0;
        var heldCells = Enumerable.Range(0, s.Cells.Count).Where(c => s.Cells.Controller[c] == f).ToList();
        Assert.NotEmpty(heldCells);
        int sizeBefore = TestModels.ActiveMembers(s, f);

        var m = sim.Step();

        var splinters = Enumerable.Range(0, s.Factions.Count).Where(g => s.Factions.Parent[g] == f).ToList();
        Assert.True(splinters.Count >= 2, $"expected at least two splinters, got {splinters.Count}");
        Assert.Equal(splinters.Count, (int)m.NewSplinters);
        Assert.Contains(s.Events, e => e.Type == SimEventType.ContestedSuccession && e.Faction == f);
        Assert.Equal(splinters.Count, s.Events.Count(e => e.Type == SimEventType.Split && e.Faction == f));
        var war = splinters.Append(f).ToList();
        foreach (var a in war)
            foreach (var b in war)
                if (a != b) Assert.True(s.Factions.War[s.Factions.Pair(a, b)] > 0, $"no war between {a} and {b}");
        foreach (var c in heldCells) Assert.True(s.Cells.VacuumUntil[c] > s.Week, $"cell {c} is not a vacuum");
        // the splinters took members away and have leaders of their own
        int splinterMembers = splinters.Sum(g => TestModels.ActiveMembers(s, g));
        Assert.True(splinterMembers > 0);
        Assert.True(TestModels.ActiveMembers(s, f) < sizeBefore);
        foreach (var g in splinters)
        {
            Assert.True(s.Factions.Active[g]);
            int leader = s.Factions.Leader[g];
            Assert.True(leader >= 0 && s.Members.IsActive(leader) && s.Members.Faction[leader] == g);
        }
        // the old faction keeps a leader (the strongest lieutenant)
        Assert.True(s.Members.IsActive(s.Factions.Leader[f]));
    }

    [Fact]
    public void LeaderRemoved_KilledVersusCaptured_KillGivesLargerRetaliation()
    {
        double Blockades(RemovalMode mode, ulong seed)
        {
            var sim = new Simulation(Quiet(new RemoveLeaderEvent { Week = 2, Faction = "CJNG", Mode = mode }), seed);
            var ms = TestModels.Run(sim, 10);
            Assert.Equal(0, ms.Take(2).Sum(x => x.Blockades));
            return ms.Skip(2).Sum(x => x.Blockades);
        }
        var seeds = new ulong[] { 1, 2, 3, 4, 5 };
        double kill = seeds.Average(x => Blockades(RemovalMode.Kill, x));
        double capture = seeds.Average(x => Blockades(RemovalMode.Capture, x));
        Assert.True(kill > 0, "a killed leader sets off blockades");
        Assert.True(kill > 1.5 * capture, $"kill {kill} should exceed capture {capture} clearly");
    }

    [Fact]
    public void LeaderRemoved_NoRemoval_NoRetaliation()
    {
        var ms = TestModels.Run(new Simulation(Quiet(), 1), 20);
        Assert.All(ms, x => Assert.Equal(0, x.Blockades));
    }
}
