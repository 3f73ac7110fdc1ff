using DecapSim.Core.Checkpoints;
using DecapSim.Core.Metrics;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests;

public class SimulationSetUpTests
{
    private static Parameters.ModelParameters P(int warmUp = 0) => TestModels.SmallGrid() with
    {
        Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 3, Faction = "CJNG", HeirUnavailable = true } },
        Territory = TestModels.SmallGrid().Territory with { WarmUpWeeks = warmUp },
    };

    private static double[][] Rows(Simulation sim, int weeks) =>
        TestModels.Run(sim, weeks).Select(m => Enumerable.Range(0, WeeklyMetrics.Columns.Count).Select(m.Get).ToArray()).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(12)] // the warm-up (the whole model before week 0, structure-seeded) is part of the set-up
    public void Start_FromASharedSetUp_IsTheSameRunAsBuildingItAlone(int warmUp)
    {
        var setUp = SimulationSetUp.Build(P(warmUp), 21);
        for (int k = 2; k >= 0; k--) // any order, any number of starts
        {
            var seeds = Seeds.ForReplicate(21, k);
            var shared = setUp.Start(seeds);
            var alone = new Simulation(P(warmUp), seeds);
            Assert.Equal(Rows(alone, 15), Rows(shared, 15));
            Assert.Equal(SimulationCheckpoint.Image(alone), SimulationCheckpoint.Image(shared));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    public void SetUp_DependsOnTheStructureSeedOnly(int warmUp)
    {
        // spin-up and warm-up are keyed by the structure seed, so replicates start from the same week-0 world
        var a = new Simulation(P(warmUp), Seeds.ForReplicate(8, 0));
        var b = new Simulation(P(warmUp), Seeds.ForReplicate(8, 5));
        int n = a.State.Members.Count;
        Assert.Equal(a.State.Members.Cell.AsSpan(0, n).ToArray(), b.State.Members.Cell.AsSpan(0, n).ToArray());
        Assert.Equal(a.State.Cells.Controller, b.State.Cells.Controller);
        Assert.NotEqual(Rows(a, 10), Rows(b, 10)); // the dynamics differ
    }

    [Fact]
    public void Start_OtherStructureSeed_Throws() =>
        Assert.Throws<ArgumentException>(() => SimulationSetUp.Build(P(), 1).Start(Seeds.ForReplicate(2, 0)));
}
