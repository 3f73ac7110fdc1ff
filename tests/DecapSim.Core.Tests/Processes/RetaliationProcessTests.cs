using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests.Processes;

public class RetaliationProcessTests
{
    private const int RemovalWeek = 1;

    /// <summary>A quiet small grid whose only shock is a forced removal of CJNG's leader (the largest group) in week 1;
    /// a free heir at full cohesion succeeds, so the faction does not split.</summary>
    private static ModelParameters Model(RemovalMode? mode = RemovalMode.Kill, double blockadesPer1000 = 400, double stateKilledPer1000 = 20,
        double membersKilledPer1000 = 40)
    {
        var p = TestModels.SmallGrid(members: 4000).NoTargeting().NoEnforcement().NoConflict().NoRecruitment().NoExits();
        return p with
        {
            Factions = p.Factions with { HeirShare = 1, CohesionMean = 1 },
            Succession = p.Succession with
            {
                RetaliationBlockadesPer1000 = blockadesPer1000,
                RetaliationStateKilledPer1000 = stateKilledPer1000,
                RetaliationMembersKilledPer1000 = membersKilledPer1000,
            },
            Timeline = mode is { } m ? new TimelineEvent[] { new RemoveLeaderEvent { Week = RemovalWeek, Faction = "CJNG", Mode = m } } : Array.Empty<TimelineEvent>(),
        };
    }

    private static int Cjng(ModelState s) => EventsProcess.FindFaction(s, "CJNG");

    [Fact]
    public void Step_LeaderKilled_BlockadesOnlyWhereFactionHasMembers()
    {
        var sim = new Simulation(Model(), 1);
        var s = sim.State;
        sim.Step();
        int f = Cjng(s);
        // run the removal week and look at its presence snapshot
        var m = sim.Step();
        var pres = s.Presence;
        var present = pres.EntriesOf(f).ToArray().Select(e => pres.EntryCell[e]).ToHashSet();
        var presentRegions = present.Select(c => s.World.Region[c]).ToHashSet();
        Assert.True(m.Blockades > 0);
        Assert.Contains(s.Events, e => e.Type == SimEventType.RetaliationWave && e.Faction == f && e.Week == RemovalWeek);
        for (int c = 0; c < s.Cells.Count; c++)
            if (s.Cells.Blockades[c] > 0) Assert.Contains(c, present);
        for (int r = 0; r < s.World.RegionCount; r++)
            if (sim.Observer.RegionBlockades[r] > 0) Assert.Contains(r, presentRegions);
        Assert.Equal(m.Blockades, sim.Observer.RegionBlockades.Sum());
    }

    [Fact]
    public void Step_LeaderKilled_BlockadesSpreadAcrossRegionsByPresence()
    {
        var sim = new Simulation(Model(blockadesPer1000: 2000), 2);
        var s = sim.State;
        sim.Step();
        int f = Cjng(s);
        sim.Step();
        var pres = s.Presence;
        var regionMembers = new double[s.World.RegionCount];
        foreach (var e in pres.EntriesOf(f)) regionMembers[s.World.Region[pres.EntryCell[e]]] += pres.EntryCount[e];
        var blockades = sim.Observer.RegionBlockades;
        double total = blockades.Sum();
        Assert.True(regionMembers.Count(x => x > 0) >= 2, "the test needs a faction present in several regions");
        for (int r = 0; r < regionMembers.Length; r++)
        {
            double expected = total * regionMembers[r] / regionMembers.Sum();
            Assert.True(Math.Abs(blockades[r] - expected) < 5 * Math.Sqrt(expected + 1) + 2, $"region {r}: {blockades[r]} blockades, expected {expected:F1}");
        }
    }

    [Fact]
    public void Step_LeaderKilled_WaveDecaysWeekByWeekAndStopsAfterRetaliationWeeks()
    {
        var p = Model(blockadesPer1000: 1500);
        var sim = new Simulation(p, 3);
        var ms = TestModels.Run(sim, RemovalWeek + p.Succession.RetaliationWeeks + 4);
        int f = Cjng(sim.State);
        Assert.Equal(0, ms[0].Blockades);
        var wave = ms.Skip(RemovalWeek).Take(p.Succession.RetaliationWeeks).Select(m => m.Blockades).ToArray();
        for (int k = 1; k < wave.Length; k++)
        {
            Assert.True(wave[k] < wave[k - 1], $"week {RemovalWeek + k}: {wave[k]} >= {wave[k - 1]}");
            double ratio = wave[k] / wave[k - 1];
            Assert.InRange(ratio, (1 - p.Succession.RetaliationDecay) * 0.7, (1 - p.Succession.RetaliationDecay) * 1.3);
        }
        foreach (var m in ms.Skip(RemovalWeek + p.Succession.RetaliationWeeks))
        {
            Assert.Equal(0, m.Blockades);
            Assert.Equal(0, m.StateForcesKilled);
        }
        Assert.Equal(0, sim.State.Factions.RetaliationBlockades[f]);
        Assert.Equal(0, sim.State.Factions.RetaliationStateKilled[f]);
        Assert.Equal(0, sim.State.Factions.RetaliationMembersKilled[f]);
    }

    [Fact]
    public void Step_LeaderKilled_StateForcesKilledWhereFactionIsStrongest()
    {
        var sim = new Simulation(Model(), 4);
        var s = sim.State;
        var baseline = sim.Step();
        Assert.Equal(0, baseline.StateForcesKilled);
        int f = Cjng(s);
        var m = sim.Step();
        Assert.True(m.StateForcesKilled > 0);
        var pres = s.Presence;
        int strongest = pres.EntriesOf(f).ToArray().OrderByDescending(e => pres.EntryCount[e]).Select(e => pres.EntryCell[e]).First();
        Assert.Equal(m.StateForcesKilled, s.Cells.StateForcesKilled[strongest]);
    }

    [Fact]
    public void Step_LeaderKilled_StateKillsFactionMembersBeyondTheLeader()
    {
        var with = new Simulation(Model(), 5);
        var without = new Simulation(Model(mode: null), 5);
        var noReturnFire = new Simulation(Model(membersKilledPer1000: 0), 5);
        with.Step(); without.Step(); noReturnFire.Step();
        int f = Cjng(with.State);
        int sizeBefore = TestModels.ActiveMembers(with.State, f);
        var a = with.Step(); var b = without.Step(); var c = noReturnFire.Step();
        Assert.Equal(0, b.HomicidesState);
        Assert.Equal(1, c.HomicidesState); // the leader only
        Assert.True(a.HomicidesState > b.HomicidesState + 5, $"with event {a.HomicidesState}, without {b.HomicidesState}");
        // those killed by returning fire are CJNG's
        int lost = sizeBefore - TestModels.ActiveMembers(with.State, f);
        Assert.Equal((int)a.HomicidesState, lost);
        Assert.Equal(sizeBefore - 1, TestModels.ActiveMembers(noReturnFire.State, f));
    }

    [Fact]
    public void Step_LeaderCaptured_GivesCaptureRetaliationFactorOfBlockadesOnAverage()
    {
        double kill = 0, capture = 0, expectedKill = 0;
        for (ulong seed = 10; seed < 16; seed++)
        {
            var k = new Simulation(Model(RemovalMode.Kill), seed);
            var c = new Simulation(Model(RemovalMode.Capture), seed);
            k.Step(); c.Step();
            expectedKill += 400 * k.State.Presence.FactionMembers[Cjng(k.State)] / 1000.0;
            kill += k.Step().Blockades;
            capture += c.Step().Blockades;
        }
        double factor = new SuccessionParameters().CaptureRetaliationFactor;
        Assert.InRange(kill, expectedKill * 0.9, expectedKill * 1.1);
        Assert.InRange(capture / kill, factor * 0.8, factor * 1.2);
    }

    [Fact]
    public void Step_NoRemoval_NoRetaliation()
    {
        var sim = new Simulation(Model(mode: null), 6);
        var ms = TestModels.Run(sim, 6);
        Assert.All(ms, m => Assert.Equal(0, m.Blockades));
        Assert.DoesNotContain(sim.State.Events, e => e.Type == SimEventType.RetaliationWave);
    }
}
