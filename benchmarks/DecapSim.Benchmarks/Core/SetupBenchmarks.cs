using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DecapSim.Core;
using DecapSim.Core.Parameters;

namespace DecapSim.Benchmarks.Core;

/// <summary>Setting up one replicate of the present-day mexico world: world, landscape (factions, members,
/// networks) and the spin-up weeks, i.e. everything before week 0.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class SetupBenchmarks
{
    private readonly ModelParameters _p = new();
    private int _k;

    [Benchmark]
    public int Setup() => new Simulation(_p, Seeds.ForReplicate(42, _k++)).State.Presence.Total;
}
