using System.Collections.Concurrent;
using System.Threading.Channels;

namespace DecapSim.Explorer.Runs;

/// <summary>The queue is full: the caller answers 429.</summary>
public sealed class QueueFullException(int capacity) : Exception($"the queue is full ({capacity} runs waiting); try again when one has finished")
{
    public int Capacity { get; } = capacity;
}

/// <summary>
/// Owns the runs: a bounded queue worked off one run at a time (each run uses every worker thread), identical
/// requests sharing one run, finished runs kept in a bounded cache (the oldest dropped with its files), and a watchdog
/// that cancels a run nobody has looked at for <see cref="ExplorerOptions.IdleTimeout"/>.
/// </summary>
public sealed class RunManager : IDisposable
{
    private readonly ExplorerOptions _options;
    private readonly RunExecutor _executor;
    private readonly Channel<ExplorerRun> _queue;
    private readonly ConcurrentDictionary<string, ExplorerRun> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExplorerRun> _byKey = new(StringComparer.Ordinal);
    private readonly LruCache<ExplorerRun> _finished;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;
    private readonly Timer _watchdog;
    private readonly string _workDir;
    private readonly bool _ownsWorkDir;

    public RunManager(ExplorerOptions options, RunExecutor executor)
    {
        _options = options;
        _executor = executor;
        _ownsWorkDir = options.WorkDirectory is null;
        _workDir = options.WorkDirectory ?? Directory.CreateTempSubdirectory("decapsim-serve-").FullName;
        Directory.CreateDirectory(_workDir);
        _queue = Channel.CreateBounded<ExplorerRun>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _finished = new LruCache<ExplorerRun>(options.CacheSize, (_, run) => Drop(run));
        _worker = Task.Factory.StartNew(Work, TaskCreationOptions.LongRunning).Unwrap();
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(options.IdleTimeout.TotalMilliseconds / 10, 50, 1000));
        _watchdog = new Timer(_ => Watch(), null, tick, tick);
    }

    /// <summary>Queues a run of <paramref name="spec"/>, or returns the run of an identical earlier request (queued,
    /// running or done). Throws <see cref="QueueFullException"/>.</summary>
    public (ExplorerRun Run, bool Reused) Submit(RunSpec spec)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue(spec.Key, out var existing) && existing.Status is RunStatus.Queued or RunStatus.Running or RunStatus.Done)
            {
                existing.Touch();
                if (existing.Status == RunStatus.Done) _finished.TryGet(existing.Id, out _);
                return (existing, true);
            }
            string id = Guid.NewGuid().ToString("N")[..12];
            var run = new ExplorerRun(id, spec, Path.Combine(_workDir, id));
            if (!_queue.Writer.TryWrite(run)) throw new QueueFullException(_options.QueueCapacity);
            _runs[id] = run;
            _byKey[spec.Key] = run;
            return (run, false);
        }
    }

    /// <summary>The run with this id (a GET: it counts as looking at it), or null.</summary>
    public ExplorerRun? Get(string id, bool touch = true)
    {
        if (!_runs.TryGetValue(id, out var run)) return null;
        if (touch) run.Touch();
        return run;
    }

    /// <summary>Cancels a queued or running run (DELETE).</summary>
    public bool Cancel(string id, string reason = "cancelled by DELETE")
    {
        if (!_runs.TryGetValue(id, out var run)) return false;
        run.Cancel(reason);
        return true;
    }

    /// <summary>Runs waiting to start.</summary>
    public int Queued => _queue.Reader.Count;

    private async Task Work()
    {
        try
        {
            await foreach (var run in _queue.Reader.ReadAllAsync(_stop.Token))
            {
                if (run.IsFinished) { Retire(run); continue; }
                await Task.Run(() => _executor.Execute(run)).ConfigureAwait(false);
                Retire(run);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
    }

    private void Retire(ExplorerRun run)
    {
        lock (_gate)
            if (run.Status != RunStatus.Done && _byKey.TryGetValue(run.Spec.Key, out var r) && ReferenceEquals(r, run)) _byKey.Remove(run.Spec.Key);
        _finished.Set(run.Id, run);
    }

    private void Drop(ExplorerRun run)
    {
        lock (_gate)
        {
            _runs.TryRemove(run.Id, out _);
            if (_byKey.TryGetValue(run.Spec.Key, out var r) && ReferenceEquals(r, run)) _byKey.Remove(run.Spec.Key);
        }
        try { if (Directory.Exists(run.Directory)) Directory.Delete(run.Directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void Watch()
    {
        foreach (var run in _runs.Values)
            if (!run.IsFinished && run.Unwatched > _options.IdleTimeout)
                run.Cancel($"cancelled: nobody looked at it for {_options.IdleTimeout.TotalSeconds:0.#} s (no GET, no open event stream)");
    }

    public void Dispose()
    {
        _watchdog.Dispose();
        _stop.Cancel();
        foreach (var run in _runs.Values) run.Cancel("the server stopped");
        try { _worker.Wait(TimeSpan.FromSeconds(10)); } catch (AggregateException) { }
        if (_ownsWorkDir) try { Directory.Delete(_workDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
