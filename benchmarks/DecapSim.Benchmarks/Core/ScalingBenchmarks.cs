using BenchmarkDotNet.Attributes;
using DecapSim.Core;
using DecapSim.Core.Parameters;

namespace DecapSim.Benchmarks.Core;

/// <summary>How the weekly step grows with members and cells (grid worlds, 2 members per cell, from 20,000 to
/// 2,000,000 members, one thread): the goal is a time per member-week at 2M at most 1.5x that at 20k.</summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private Simulation _sim = null!;

    [Params(100, 316, 1000)]
    public int Side { get; set; } = 100;

    [GlobalSetup]
    public void Setup()
    {
        var p = new ModelParameters
        {
            World = new WorldParameters { Kind = WorldKind.Grid, Width = Side, Height = Side },
            Factions = new FactionParameters { InitialMembers = Side * Side * 2 },
            Territory = new TerritoryParameters { SpinUpWeeks = 4 },
        };
        _sim = new Simulation(p, 42);
        for (int i = 0; i < 8; i++) _sim.Step();
    }

    /// <summary>One week; members = 2 x cells.</summary>
    [Benchmark]
    public double Step() => _sim.Step().Members;
}
