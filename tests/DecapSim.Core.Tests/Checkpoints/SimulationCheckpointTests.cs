using DecapSim.Core.Checkpoints;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests.Checkpoints;

public class SimulationCheckpointTests
{
    private static ModelParameters MexicoWithRemoval() => new()
    {
        Weeks = 20,
        Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 5, Faction = "CJNG", HeirUnavailable = true, Label = "removal" } },
    };

    private static ModelParameters GridWithRemoval() => TestModels.SmallGrid() with
    {
        Territory = TestModels.SmallGrid().Territory with { WarmUpWeeks = 6 },
        Timeline = new TimelineEvent[]
        {
            new RemoveLeaderEvent { Week = 4, Faction = "CJNG", HeirUnavailable = true },
            new CampaignEvent { Week = 6, Kind = CampaignKind.UsStrikes, DurationWeeks = 8 },
        },
    };

    private static double[][] Rows(IEnumerable<WeeklyMetrics> m) =>
        m.Select(x => Enumerable.Range(0, WeeklyMetrics.Columns.Count).Select(x.Get).ToArray()).ToArray();

    private static byte[] Save(Simulation sim)
    {
        using var ms = new MemoryStream();
        SimulationCheckpoint.Write(sim, ms);
        return ms.ToArray();
    }

    private static Simulation Load(byte[] data, ModelParameters p) => SimulationCheckpoint.Read(new MemoryStream(data), p);

    private static void AssertSameRun(Simulation straight, double[][] straightRows, Simulation resumed, double[][] resumedRows)
    {
        Assert.Equal(straightRows.Length, resumedRows.Length);
        for (int w = 0; w < straightRows.Length; w++)
            for (int k = 0; k < straightRows[w].Length; k++)
                Assert.True(BitConverter.DoubleToInt64Bits(straightRows[w][k]) == BitConverter.DoubleToInt64Bits(resumedRows[w][k]),
                    $"week {w}, {WeeklyMetrics.Columns[k]}: {straightRows[w][k]} straight, {resumedRows[w][k]} resumed");
        Assert.Equal(straight.State.Events, resumed.State.Events);
        Assert.Equal(straight.State.EventLabels, resumed.State.EventLabels);
        // the whole state, the processes' private state included, ends identical
        Assert.Equal(SimulationCheckpoint.Image(straight), SimulationCheckpoint.Image(resumed));
    }

    /// <summary>N weeks, checkpoint to bytes, restore, M weeks == N + M weeks straight.</summary>
    private static void RoundTrip(ModelParameters p, Seeds seeds, int n, int m)
    {
        var straight = new Simulation(p, seeds);
        var all = Rows(TestModels.Run(straight, n + m));
        var first = new Simulation(p, seeds);
        var head = Rows(TestModels.Run(first, n));
        var resumed = Load(Save(first), p);
        Assert.Equal(n, resumed.Week);
        Assert.Equal(seeds, resumed.Seeds);
        var tail = Rows(TestModels.Run(resumed, m));
        AssertSameRun(straight, all, resumed, head.Concat(tail).ToArray());
    }

    [Fact]
    public void Checkpoint_MexicoWorldBeforeAndAfterARemoval_ContinuesByteIdentically()
    {
        RoundTrip(MexicoWithRemoval(), Seeds.ForReplicate(3, 1), 3, 9);
        RoundTrip(MexicoWithRemoval(), Seeds.ForReplicate(3, 1), 8, 4);
    }

    [Theory]
    [InlineData(0, 12)]
    [InlineData(5, 10)]
    [InlineData(9, 15)]
    public void Checkpoint_SmallGridWithRemovalAndCampaign_ContinuesByteIdentically(int n, int m) =>
        RoundTrip(GridWithRemoval(), Seeds.ForReplicate(11, 2), n, m);

    /// <summary>A jailed leader (captured at week 3) escapes, is recaptured and is extradited after the checkpoint: the
    /// prison record of who led whom must survive it.</summary>
    [Theory]
    [InlineData(5, 12)]
    [InlineData(8, 9)]
    public void Checkpoint_JailedLeaderEscapesAndIsExtraditedAfterIt_ContinuesByteIdentically(int n, int m)
    {
        var p = TestModels.SmallGrid() with
        {
            Timeline = new TimelineEvent[]
            {
                new RemoveLeaderEvent { Week = 3, Faction = "CJNG", Mode = RemovalMode.Capture },
                new EscapeEvent { Week = 6, Faction = "CJNG" },
                new RemoveLeaderEvent { Week = 8, Faction = "CJNG", Mode = RemovalMode.Capture },
                new ExtraditionEvent { Week = 10, Faction = "CJNG" },
                new SetPolicyEvent { Week = 4, Parameter = PolicyLever.TargetingEffort, Value = 2, RampWeeks = 6 },
            },
        };
        RoundTrip(p, Seeds.ForReplicate(7, 1), n, m);
        var sim = new Simulation(p, Seeds.ForReplicate(7, 1));
        TestModels.Run(sim, 12);
        Assert.Contains(sim.State.Events, e => e.Type == SimEventType.Escape && e.Code == JailedLeaderEvents.RetookLeadership);
        Assert.Contains(sim.State.Events, e => e.Type == SimEventType.Extradition && e.Code == JailedLeaderEvents.ContestQueued);
    }

    [Fact]
    public void Checkpoint_WellMixedWorld_ContinuesByteIdentically() =>
        RoundTrip(TestModels.WellMixed(), Seeds.ForReplicate(5, 0), 7, 8);

    /// <summary>The state-coverage guard: a copy taken mid-run and the original, stepped on, stay identical in every
    /// week, across scenarios that exercise every process (removals, splits, campaigns, retaliation, consolidation).
    /// A field a process or the state gains that the copy missed makes them drift apart.</summary>
    [Theory]
    [InlineData(1UL, 6)]
    [InlineData(2UL, 10)]
    [InlineData(3UL, 14)]
    public void Clone_MidRun_StepsIdenticallyToTheOriginal(ulong seed, int at)
    {
        var p = GridWithRemoval() with
        {
            Targeting = TestModels.SmallGrid().Targeting with { LeaderLocateBase = 0.05, LieutenantLocateBase = 0.05 },
        };
        var a = new Simulation(p, Seeds.ForReplicate(seed, 0));
        TestModels.Run(a, at);
        var b = a.Clone();
        var ra = Rows(TestModels.Run(a, 30));
        var rb = Rows(TestModels.Run(b, 30));
        AssertSameRun(a, ra, b, rb);
        Assert.Contains(a.State.Events, e => e.Type is SimEventType.Split or SimEventType.Defection or SimEventType.Succession or SimEventType.ContestedSuccession);
    }

    [Fact]
    public void Clone_IsIndependentOfTheOriginal()
    {
        var a = new Simulation(GridWithRemoval(), 4);
        TestModels.Run(a, 3);
        var b = a.Clone();
        Assert.NotSame(a.State.Members.Cell, b.State.Members.Cell);
        Assert.Same(a.State.P, b.State.P);
        Assert.Same(a.State.World, b.State.World);
        TestModels.Run(a, 5);
        Assert.Equal(3, b.Week);
        Assert.Equal(8, a.Week);
    }

    [Fact]
    public void Read_TimelineDiffersOnlyFromTheCheckpointWeek_BranchesLikeARunWithThatTimeline()
    {
        var p = GridWithRemoval();
        var lever = new SetPolicyEvent { Week = 8, Parameter = PolicyLever.Interdiction, Value = 0.6, Label = "from week 8" };
        var variant = p with { Timeline = p.Timeline.Append(lever).ToArray() };
        var straight = new Simulation(variant, 9);
        var all = Rows(TestModels.Run(straight, 20));
        var trunk = new Simulation(p, 9);
        var head = Rows(TestModels.Run(trunk, 8));
        var branch = Load(Save(trunk), variant);
        var tail = Rows(TestModels.Run(branch, 12));
        AssertSameRun(straight, all, branch, head.Concat(tail).ToArray());
        Assert.Equal(0.6, branch.State.Policy.Interdiction);
    }

    [Fact]
    public void Read_OtherParameters_ThrowsNamingTheWeek()
    {
        var sim = new Simulation(GridWithRemoval(), 9);
        TestModels.Run(sim, 6);
        var data = Save(sim);
        var other = GridWithRemoval() with { Conflict = GridWithRemoval().Conflict with { Theta = 0.5 } };
        var e = Assert.Throws<CheckpointException>(() => Load(data, other));
        Assert.Contains("other parameters", e.Message);
        Assert.Contains("week 6", e.Message);
        // a timeline event before the checkpoint week that differs is refused too
        var moved = GridWithRemoval() with { Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 2, Faction = "CJNG" } } };
        Assert.Throws<CheckpointException>(() => Load(data, moved));
        // the run's length is not part of the prefix
        Assert.Equal(6, Load(data, GridWithRemoval() with { Weeks = 500 }).Week);
    }

    [Fact]
    public void Read_TruncatedDamagedOrForeignData_ThrowsAClearError()
    {
        var p = GridWithRemoval();
        var sim = new Simulation(p, 9);
        TestModels.Run(sim, 3);
        var data = Save(sim);
        foreach (int cut in new[] { 4, 40, data.Length / 2, data.Length - 1 })
        {
            var e = Assert.Throws<CheckpointException>(() => Load(data[..cut], p));
            Assert.Matches("truncated|not a DecapSim checkpoint", e.Message);
        }
        var damaged = (byte[])data.Clone();
        damaged[data.Length - 100] ^= 0x5A;
        Assert.Contains("damaged", Assert.Throws<CheckpointException>(() => Load(damaged, p)).Message);
        Assert.Contains("not a DecapSim checkpoint", Assert.Throws<CheckpointException>(() => Load("{\"json\": true}"u8.ToArray(), p)).Message);
        var info = SimulationCheckpoint.ReadInfo(new MemoryStream(data));
        Assert.Equal(3, info.Week);
        Assert.Equal(SimulationCheckpoint.Program, info.Program);
    }

    private sealed class ProcessWithCode : IProcess
    {
        private readonly Func<int> _pick = () => 4;
        public string Name => "code";
        public void Step(ModelState s) => _ = _pick();
    }

    [Fact]
    public void Write_StateThatCannotBeCaptured_FailsNamingTheField()
    {
        var sim = new Simulation(TestModels.SmallGrid(), 1, new IProcess[] { new EventsProcess(), new ProcessWithCode() });
        sim.Step();
        var e = Assert.Throws<CheckpointException>(() => Save(sim));
        Assert.Contains("_pick", e.Message);
        Assert.Contains("delegate", e.Message);
        Assert.Contains("_pick", Assert.Throws<CheckpointException>(() => sim.Clone()).Message);
    }
}
