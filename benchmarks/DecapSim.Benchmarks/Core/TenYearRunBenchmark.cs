using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DecapSim.Core;
using DecapSim.Core.Parameters;

namespace DecapSim.Benchmarks.Core;

/// <summary>A whole 10-year (520-week) run of the present-day mexico world, build included.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[MemoryDiagnoser]
public class TenYearRunBenchmark
{
    [Benchmark]
    public double TenYears()
    {
        var sim = new Simulation(new ModelParameters { Weeks = 520 }, 7);
        double h = 0;
        for (int w = 0; w < 520; w++) h += sim.Step().Homicides;
        return h;
    }
}
