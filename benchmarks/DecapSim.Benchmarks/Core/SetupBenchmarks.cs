using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DecapSim.Core;
using DecapSim.Core.Parameters;

namespace DecapSim.Benchmarks.Core;

/// <summary>Setting up one replicate of the present-day mexico world: world, landscape (factions, members,
/// networks) and the spin-up weeks, i.e. everything before week 0. <see cref="Setup"/> builds it all (what every
/// replicate did before the set-up was shared); <see cref="SharedSetupStart"/> is what a replicate of an ensemble
/// costs now: a copy of the set-up built once per structure seed, started with the replicate's dynamics seed.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class SetupBenchmarks
{
    private readonly ModelParameters _p = new();
    private SimulationSetUp _shared = null!;
    private int _k;

    [GlobalSetup]
    public void Build() => _shared = SimulationSetUp.Build(_p, 42);

    [Benchmark(Baseline = true)]
    public int Setup() => new Simulation(_p, Seeds.ForReplicate(42, _k++)).State.Presence.Total;

    [Benchmark]
    public int SharedSetupStart() => _shared.Start(Seeds.ForReplicate(42, _k++)).State.Presence.Total;
}
