namespace DecapSim.Experiments.Runs;

/// <summary>
/// The one parallel scheme of DecapSim for independent model runs (replicates of a run, units of an experiment):
/// worker threads take the next index from a shared counter (free scheduling), and the results are handed to a sink
/// on the calling thread in index order 0, 1, 2, ..., so what the sink writes never depends on the thread count.
/// At most a bounded window of finished-but-unconsumed results is held in memory.
/// </summary>
public static class ReplicateScheduler
{
    /// <summary>Runs <paramref name="work"/> for indices [0, count) with up to <paramref name="threads"/> in flight and
    /// calls <paramref name="sink"/> in index order from the calling thread. A failure in any work item stops the
    /// others and is rethrown (wrapped) after the workers ended; cancellation throws <see cref="OperationCanceledException"/>.</summary>
    public static void Run<T>(int count, int threads, Func<int, T> work, Action<int, T> sink, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(sink);
        if (count <= 0) return;
        threads = Math.Clamp(threads, 1, count);
        int window = 2 * threads + 1;
        var pending = new Dictionary<int, T>();
        var gate = new object();
        int next = 0, nextToStart = 0;
        Exception? failure = null;
        var workers = new Thread[threads];
        for (int t = 0; t < workers.Length; t++)
        {
            workers[t] = new Thread(() =>
            {
                while (true)
                {
                    int k;
                    lock (gate)
                    {
                        while (nextToStart - next >= window && failure == null && !cancel.IsCancellationRequested) Monitor.Wait(gate);
                        if (nextToStart >= count || failure != null || cancel.IsCancellationRequested) return;
                        k = nextToStart++;
                    }
                    try
                    {
                        var r = work(k);
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
            }) { IsBackground = true, Name = $"decapsim-worker-{t}" };
            workers[t].Start();
        }
        try
        {
            for (int consumed = 0; consumed < count; consumed++)
            {
                T r;
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
                sink(next - 1, r);
            }
        }
        catch
        {
            lock (gate) { failure ??= new OperationCanceledException(); Monitor.PulseAll(gate); }
            foreach (var w in workers) w.Join();
            throw;
        }
        foreach (var w in workers) w.Join();
        cancel.ThrowIfCancellationRequested();
        if (failure != null) throw new InvalidOperationException("a model run failed: " + failure.Message, failure);
    }
}
