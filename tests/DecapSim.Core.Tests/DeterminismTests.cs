using DecapSim.Core.Metrics;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests;

public class DeterminismTests
{
    private static Parameters.ModelParameters P() => TestModels.SmallGrid() with
    {
        Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 3, Faction = "CJNG", HeirUnavailable = true } },
    };

    private static double[][] Series(ulong seed, int weeks = 30)
    {
        var sim = new Simulation(P(), seed);
        return TestModels.Run(sim, weeks).Select(m => Enumerable.Range(0, WeeklyMetrics.Columns.Count).Select(m.Get).ToArray()).ToArray();
    }

    [Fact]
    public void Simulation_BigWorldComputedInParallel_IdenticalForOneAndTwoInnerThreads()
    {
        // 250 x 200 = 50,000 cells: conflict hazards and movement targets are computed in parallel blocks
        var p = new Parameters.ModelParameters
        {
            World = new Parameters.WorldParameters { Kind = Parameters.WorldKind.Grid, Width = 250, Height = 200 },
            Factions = new Parameters.FactionParameters { Count = 20, InitialMembers = 60_000 },
            Territory = new Parameters.TerritoryParameters { SpinUpWeeks = 2 },
        };
        Assert.True(p.World.Width * p.World.Height >= DecapSim.Core.Processes.ConflictProcess.ParallelCells);
        double[][] Run(int threads)
        {
            var sim = new Simulation(p, 5) { InnerThreads = threads };
            return TestModels.Run(sim, 6).Select(m => Enumerable.Range(0, WeeklyMetrics.Columns.Count).Select(m.Get).ToArray()).ToArray();
        }
        var a = Run(1);
        var b = Run(2);
        for (int w = 0; w < a.Length; w++) Assert.Equal(a[w], b[w]);
        Assert.True(a.Sum(m => m[1]) > 0, "there is conflict to compute");
    }

    [Fact]
    public void Simulation_SameParametersAndSeed_IdenticalMetrics()
    {
        var a = Series(42);
        var b = Series(42);
        for (int w = 0; w < a.Length; w++) Assert.Equal(a[w], b[w]);
    }

    [Fact]
    public void Simulation_SameSeed_IdenticalEventsAndState()
    {
        var s1 = new Simulation(P(), 7); var s2 = new Simulation(P(), 7);
        TestModels.Run(s1, 20); TestModels.Run(s2, 20);
        Assert.Equal(s1.State.Events, s2.State.Events);
        Assert.Equal(s1.State.Factions.Count, s2.State.Factions.Count);
        Assert.Equal(s1.State.Members.Cell.Take(s1.State.Members.Count), s2.State.Members.Cell.Take(s2.State.Members.Count));
    }

    [Fact]
    public void Simulation_DifferentSeed_DifferentMetrics()
    {
        var a = Series(42);
        var b = Series(43);
        Assert.Contains(Enumerable.Range(0, a.Length), w => !a[w].SequenceEqual(b[w]));
    }
}
