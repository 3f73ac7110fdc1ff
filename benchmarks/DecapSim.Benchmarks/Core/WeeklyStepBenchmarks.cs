using BenchmarkDotNet.Attributes;
using DecapSim.Core;
using DecapSim.Core.Parameters;

namespace DecapSim.Benchmarks.Core;

/// <summary>
/// One full weekly step (all 13 processes plus the weekly snapshot) of the present-day mexico world (~175,000 members,
/// 2,469 cells) and of a 1,000 x 1,000 grid with 1,000,000 members. Member-weeks per second = members / mean time.
/// </summary>
[MemoryDiagnoser]
public class WeeklyStepBenchmarks
{
    private Simulation _sim = null!;

    [Params("mexico-175k", "grid-1000x1000-1M")]
    public string World { get; set; } = "mexico-175k";

    [GlobalSetup]
    public void Setup()
    {
        var p = World == "mexico-175k"
            ? new ModelParameters()
            : new ModelParameters
            {
                World = new WorldParameters { Kind = WorldKind.Grid, Width = 1000, Height = 1000 },
                Factions = new FactionParameters { InitialMembers = 1_000_000 },
                Territory = new TerritoryParameters { SpinUpWeeks = 4 },
            };
        _sim = new Simulation(p, 42);
        for (int i = 0; i < 8; i++) _sim.Step(); // warm the buffers: later steps allocate nothing
    }

    /// <summary>One week.</summary>
    [Benchmark]
    public double Step() => _sim.Step().Members;
}
