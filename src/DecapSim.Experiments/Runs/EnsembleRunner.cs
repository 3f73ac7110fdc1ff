using DecapSim.Core;
using DecapSim.Core.Parameters;

namespace DecapSim.Experiments.Runs;

/// <summary>
/// Runs the replicates of one parameter set through <see cref="ModelRun.Execute"/> on the
/// <see cref="ReplicateScheduler"/>, handing each result to a sink in replicate order (output identical for any
/// thread count; memory holds at most a window of finished replicates). The set-up the replicates share (world,
/// initial factions and networks, spin-up: a function of the parameters and the master seed, which is every
/// replicate's structure seed) is built once, by the first replicate that needs it, and copied for the others.
/// </summary>
public static class EnsembleRunner
{
    /// <summary>Runs replicates [0, count) of <paramref name="p"/> under <paramref name="masterSeed"/> (replicate k
    /// uses <see cref="Seeds.ForReplicate"/>(masterSeed, k)); calls <paramref name="sink"/> in order from the calling
    /// thread. <paramref name="progress"/> gets the number of replicates handed to the sink; <paramref name="weekDone"/>
    /// is called after every simulated week on the worker threads (must be thread-safe). <paramref name="start"/>
    /// (optional) gives replicate k a branch to continue from or weeks to leave branches at (the explorer);
    /// <paramref name="setUps"/> (optional) shares the set-up with other ensembles on the same world.</summary>
    public static void Run(ModelParameters p, ulong masterSeed, int count, int threads, Action<ReplicateResult> sink,
        Action<int>? progress = null, CancellationToken cancel = default, Action? weekDone = null, Func<int, RunStart>? start = null,
        SetUpShare? setUps = null)
    {
        // threads left over when there are fewer replicates than threads go inside the runs (big worlds only)
        int inner = Math.Max(1, threads / Math.Max(1, count));
        var setUp = setUps?.For(p, masterSeed) ?? SharedSetUp(p, masterSeed);
        ReplicateScheduler.Run(count, threads,
            k =>
            {
                var s = start?.Invoke(k) ?? new RunStart();
                if (s.From is null) s = s with { SetUp = setUp.Value };
                return ModelRun.Execute(p, Seeds.ForReplicate(masterSeed, k), k, RunRecording.Full, cancel, weekDone, inner, s);
            },
            (k, r) => { sink(r); progress?.Invoke(k + 1); }, cancel);
    }

    /// <summary>The set-up of <paramref name="p"/> under a structure seed, built on first use by one thread (the others
    /// wait for it).</summary>
    public static Lazy<SimulationSetUp> SharedSetUp(ModelParameters p, ulong structureSeed) =>
        new(() => SimulationSetUp.Build(p, structureSeed), LazyThreadSafetyMode.ExecutionAndPublication);
}
