using BenchmarkDotNet.Attributes;
using DecapSim.Core;
using DecapSim.Core.Parameters;

namespace DecapSim.Benchmarks.Core;

/// <summary>
/// One full weekly step (all 13 processes plus the weekly snapshot) of the present-day mexico world in year 1
/// (~178,000 members) and in year 10 (after fragmentation, ~240,000 members, 400+ factions), and of a 1,000 x 1,000
/// grid with 1,000,000 members; next to each, the bare struct-of-arrays pass over the same number of members
/// (<see cref="BarePass"/>). Member-weeks per second = members / mean time.
/// </summary>
/// <remarks>BenchmarkDotNet steps one simulation many times, so the model keeps evolving during the measurement;
/// the mexico worlds restart from their warmed state every 52 steps (between iterations of 26 steps) so the figure
/// stays that of their year.</remarks>
[MemoryDiagnoser]
[InvocationCount(26)]
public class WeeklyStepBenchmarks
{
    private Simulation _sim = null!;
    private ModelParameters _p = null!;
    private int _warm, _steps;
    private BarePass _bare = null!;

    [Params("mexico-year1", "mexico-year10", "grid-1000x1000-1M")]
    public string World { get; set; } = "mexico-year1";

    [GlobalSetup]
    public void Setup()
    {
        _p = World.StartsWith("mexico", StringComparison.Ordinal)
            ? new ModelParameters { Weeks = 1040 }
            : new ModelParameters
            {
                World = new WorldParameters { Kind = WorldKind.Grid, Width = 1000, Height = 1000 },
                Factions = new FactionParameters { InitialMembers = 1_000_000 },
                Territory = new TerritoryParameters { SpinUpWeeks = 4 },
            };
        _warm = World == "mexico-year10" ? 468 : 8;
        Restart();
        _bare = new BarePass(_sim.State.Presence.Total, _sim.State.World.CellCount, Math.Max(1, _sim.State.Factions.ActiveCount()));
    }

    private void Restart()
    {
        _sim = new Simulation(_p, 42) { InnerThreads = Environment.ProcessorCount };
        for (int i = 0; i < _warm; i++) _sim.Step(); // warm the buffers: later steps allocate nothing
        _steps = 0;
    }

    [IterationSetup]
    public void Keep()
    {
        if (World.StartsWith("mexico", StringComparison.Ordinal) && _steps >= 52) Restart();
    }

    /// <summary>One week.</summary>
    [Benchmark]
    public double Step()
    {
        _steps++;
        return _sim.Step().Members;
    }

    /// <summary>The bare pass over as many members.</summary>
    [Benchmark]
    public int Bare() => _bare.Week();
}
