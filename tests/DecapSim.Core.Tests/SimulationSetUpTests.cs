using DecapSim.Core.Checkpoints;
using DecapSim.Core.Metrics;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests;

public class SimulationSetUpTests
{
    private static Parameters.ModelParameters P() => TestModels.SmallGrid() with
    {
        Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 3, Faction = "CJNG", HeirUnavailable = true } },
    };

    private static double[][] Rows(Simulation sim, int weeks) =>
        TestModels.Run(sim, weeks).Select(m => Enumerable.Range(0, WeeklyMetrics.Columns.Count).Select(m.Get).ToArray()).ToArray();

    [Fact]
    public void Start_FromASharedSetUp_IsTheSameRunAsBuildingItAlone()
    {
        var setUp = SimulationSetUp.Build(P(), 21);
        for (int k = 2; k >= 0; k--) // any order, any number of starts
        {
            var seeds = Seeds.ForReplicate(21, k);
            var shared = setUp.Start(seeds);
            var alone = new Simulation(P(), seeds);
            Assert.Equal(Rows(alone, 15), Rows(shared, 15));
            Assert.Equal(SimulationCheckpoint.Image(alone), SimulationCheckpoint.Image(shared));
        }
    }

    [Fact]
    public void SetUp_DependsOnTheStructureSeedOnly()
    {
        // the spin-up is keyed by the structure seed, so replicates start from the same week-0 world
        var a = new Simulation(P(), Seeds.ForReplicate(8, 0));
        var b = new Simulation(P(), Seeds.ForReplicate(8, 5));
        int n = a.State.Members.Count;
        Assert.Equal(a.State.Members.Cell.AsSpan(0, n).ToArray(), b.State.Members.Cell.AsSpan(0, n).ToArray());
        Assert.Equal(a.State.Cells.Controller, b.State.Cells.Controller);
        Assert.NotEqual(Rows(a, 10), Rows(b, 10)); // the dynamics differ
    }

    [Fact]
    public void Start_OtherStructureSeed_Throws() =>
        Assert.Throws<ArgumentException>(() => SimulationSetUp.Build(P(), 1).Start(Seeds.ForReplicate(2, 0)));
}
