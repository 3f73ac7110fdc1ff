using BenchmarkDotNet.Attributes;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Runs;

namespace DecapSim.Benchmarks.Experiments;

/// <summary>
/// Replicate throughput of <see cref="EnsembleRunner"/> on 1 and 2 threads: 4 replicates of a 52-week run on a
/// 20 x 20 grid with 20,000 members. Parallel efficiency = time(1 thread) / (threads x time(threads)).
/// Run: dotnet run -c Release --project benchmarks/DecapSim.Benchmarks -- --filter '*EnsembleBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class EnsembleBenchmarks
{
    /// <summary>Replicates per operation.</summary>
    public const int Replicates = 4;

    private ModelParameters _p = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _p = new ModelParameters
    {
        Weeks = 52,
        World = new WorldParameters { Kind = WorldKind.Grid, Width = 20, Height = 20, Ports = 3 },
        Factions = new FactionParameters { Count = 20, InitialMembers = 20_000, RivalryEdges = 25, AllianceEdges = 15 },
        Territory = new TerritoryParameters { SpinUpWeeks = 4 },
    };

    /// <summary>Runs the ensemble, handing results to a sink that keeps only a checksum.</summary>
    [Benchmark(OperationsPerInvoke = Replicates, Description = "replicate (52 weeks, 20x20 grid, 20k members)")]
    public double Replicate()
    {
        double sum = 0;
        EnsembleRunner.Run(_p, 1, Replicates, Threads, r => sum += r.Weekly[^1].Members);
        return sum;
    }
}
