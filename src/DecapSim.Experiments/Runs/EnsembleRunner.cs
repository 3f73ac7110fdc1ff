using DecapSim.Core;
using DecapSim.Core.Parameters;

namespace DecapSim.Experiments.Runs;

/// <summary>
/// Runs the replicates of one parameter set through <see cref="ModelRun.Execute"/> on the
/// <see cref="ReplicateScheduler"/>, handing each result to a sink in replicate order (output identical for any
/// thread count; memory holds at most a window of finished replicates).
/// </summary>
public static class EnsembleRunner
{
    /// <summary>Runs replicates [0, count) of <paramref name="p"/> under <paramref name="masterSeed"/> (replicate k
    /// uses <see cref="Seeds.ForReplicate"/>(masterSeed, k)); calls <paramref name="sink"/> in order from the calling
    /// thread. <paramref name="progress"/> gets the number of replicates handed to the sink; <paramref name="weekDone"/>
    /// is called after every simulated week on the worker threads (must be thread-safe).</summary>
    public static void Run(ModelParameters p, ulong masterSeed, int count, int threads, Action<ReplicateResult> sink,
        Action<int>? progress = null, CancellationToken cancel = default, Action? weekDone = null)
    {
        // threads left over when there are fewer replicates than threads go inside the runs (big worlds only)
        int inner = Math.Max(1, threads / Math.Max(1, count));
        ReplicateScheduler.Run(count, threads,
            k => ModelRun.Execute(p, Seeds.ForReplicate(masterSeed, k), k, RunRecording.Full, cancel, weekDone, inner),
            (k, r) => { sink(r); progress?.Invoke(k + 1); }, cancel);
    }
}
