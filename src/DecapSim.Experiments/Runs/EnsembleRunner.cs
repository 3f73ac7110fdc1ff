using DecapSim.Core.Parameters;

namespace DecapSim.Experiments.Runs;

/// <summary>
/// Runs replicates in parallel and hands each result to a sink in replicate order, so output is identical for any
/// thread count and memory holds at most a window of finished replicates.
/// </summary>
public static class EnsembleRunner
{
    /// <summary>Runs replicates [0, count) with up to <paramref name="threads"/> in flight; calls <paramref name="sink"/>
    /// in order 0, 1, 2, ... from the calling thread. <paramref name="progress"/> gets the number of replicates handed
    /// to the sink (calling thread); <paramref name="weekDone"/> is called after every simulated week on the worker
    /// threads (for fine-grained progress bars; must be thread-safe).</summary>
    public static void Run(ModelParameters p, ulong masterSeed, int count, int threads, Action<ReplicateResult> sink,
        Action<int>? progress = null, CancellationToken cancel = default, Action? weekDone = null)
    {
        threads = Math.Max(1, threads);
        var pending = new Dictionary<int, ReplicateResult>();
        var gate = new object();
        int next = 0, done = 0;
        int nextToStart = 0;
        Exception? failure = null;
        var workers = new Thread[Math.Min(threads, count)];
        for (int t = 0; t < workers.Length; t++)
        {
            workers[t] = new Thread(() =>
            {
                while (true)
                {
                    int k;
                    lock (gate)
                    {
                        // keep at most 2 x threads finished-but-unwritten results in memory
                        while (nextToStart - next >= 2 * threads + 1 && failure == null && !cancel.IsCancellationRequested) Monitor.Wait(gate);
                        if (nextToStart >= count || failure != null || cancel.IsCancellationRequested) return;
                        k = nextToStart++;
                    }
                    try
                    {
                        var r = ReplicateRunner.Run(p, masterSeed, k, cancel, weekDone);
                        lock (gate) { pending[k] = r; Monitor.PulseAll(gate); }
                    }
                    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                    {
                        lock (gate) Monitor.PulseAll(gate);
                        return;
                    }
                    catch (Exception e)
                    {
                        lock (gate) { failure ??= e; Monitor.PulseAll(gate); }
                        return;
                    }
                }
            }) { IsBackground = true, Name = $"replicate-worker-{t}" };
            workers[t].Start();
        }
        while (true)
        {
            ReplicateResult r;
            lock (gate)
            {
                while (!pending.ContainsKey(next) && failure == null && !cancel.IsCancellationRequested) Monitor.Wait(gate, 200);
                if (failure != null) break;
                cancel.ThrowIfCancellationRequested();
                r = pending[next];
                pending.Remove(next);
                next++;
                Monitor.PulseAll(gate);
            }
            sink(r);
            done++;
            progress?.Invoke(done);
            if (done == count) break;
        }
        foreach (var w in workers) w.Join();
        // a cancelled run reports cancellation, not a failed replicate
        cancel.ThrowIfCancellationRequested();
        if (failure != null) throw new InvalidOperationException("a replicate failed: " + failure.Message, failure);
    }
}
