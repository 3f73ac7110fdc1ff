using System.Diagnostics;
using DecapSim.Core;
using DecapSim.Core.Processes;

namespace DecapSim.Experiments.Runs;

/// <summary>Times each part of a weekly step (diagnostics for the manifest; never part of the results).</summary>
public sealed class ProcessTimer : IStepObserver
{
    private readonly long[] _ticks = new long[64];
    private long _started;

    public void Starting(int index) => _started = Stopwatch.GetTimestamp();

    public void Finished(int index)
    {
        int slot = index + 1;
        if ((uint)slot < (uint)_ticks.Length) _ticks[slot] += Stopwatch.GetTimestamp() - _started;
    }

    /// <summary>Milliseconds per process name (and "snapshot" for the weekly snapshot) so far.</summary>
    public IReadOnlyDictionary<string, double> Milliseconds(IReadOnlyList<IProcess> processes)
    {
        var d = new Dictionary<string, double>();
        for (int k = 0; k < processes.Count && k + 1 < _ticks.Length; k++)
            d[processes[k].Name] = d.GetValueOrDefault(processes[k].Name) + _ticks[k + 1] * 1000.0 / Stopwatch.Frequency;
        d["snapshot"] = _ticks[0] * 1000.0 / Stopwatch.Frequency;
        return d;
    }
}
