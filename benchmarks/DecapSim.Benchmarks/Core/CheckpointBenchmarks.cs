using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DecapSim.Core;
using DecapSim.Core.Checkpoints;
using DecapSim.Core.Parameters;

namespace DecapSim.Benchmarks.Core;

/// <summary>Checkpoints of the present-day mexico world after 52 weeks: writing one to memory, reading it back
/// (parameters given, world rebuilt), and an in-memory branch copy (<see cref="Simulation.Clone()"/>). The size is
/// printed once.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class CheckpointBenchmarks
{
    private readonly ModelParameters _p = new();
    private Simulation _sim = null!;
    private byte[] _image = Array.Empty<byte>();

    [GlobalSetup]
    public void Run()
    {
        _sim = new Simulation(_p, Seeds.ForReplicate(42, 0));
        for (int w = 0; w < 52; w++) _sim.Step();
        using var ms = new MemoryStream();
        SimulationCheckpoint.Write(_sim, ms);
        _image = ms.ToArray();
        Console.WriteLine($"// checkpoint of the mexico world at week 52: {_image.Length / 1e6:0.0} MB, {_sim.State.Members.Count} member slots");
    }

    [Benchmark]
    public long Write()
    {
        using var ms = new MemoryStream(_image.Length + 4096);
        SimulationCheckpoint.Write(_sim, ms);
        return ms.Length;
    }

    [Benchmark]
    public int Read() => SimulationCheckpoint.Read(new MemoryStream(_image, writable: false), _p).Week;

    [Benchmark]
    public int Clone() => _sim.Clone().Week;
}
