using System.Diagnostics;
using DecapSim.Core.Metrics;
using DecapSim.Experiments.Runs;

namespace DecapSim.Explorer.Runs;

/// <summary>Where a run is.</summary>
public enum RunStatus { Queued, Running, Done, Failed, Cancelled }

/// <summary>The replicates of one ensemble as they finish (replicate order): weekly metrics and per-region homicides.</summary>
public sealed class EnsembleData
{
    public List<WeeklyMetrics[]> Weekly { get; } = new();
    /// <summary>Per replicate: homicides per region summed over the run.</summary>
    public List<double[]> RegionTotals { get; } = new();

    /// <summary>Adds a replicate's result.</summary>
    public void Add(ReplicateResult r)
    {
        Weekly.Add(r.Weekly);
        int regions = r.RegionHomicides.Length > 0 ? r.RegionHomicides[0].Length : 0;
        var t = new double[regions];
        foreach (var week in r.RegionHomicides) for (int g = 0; g < regions; g++) t[g] += week[g];
        RegionTotals.Add(t);
    }
}

/// <summary>One run of the explorer: its request, state, live results and files. Thread-safe: the worker writes, the
/// API reads (under <see cref="Gate"/>).</summary>
public sealed class ExplorerRun
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _weeksDone, _lastSeen = Stopwatch.GetTimestamp();
    private int _openStreams;
    private readonly Stopwatch _clock = new();

    public ExplorerRun(string id, RunSpec spec, string directory)
    {
        Id = id;
        Spec = spec;
        Directory = directory;
    }

    public string Id { get; }
    public RunSpec Spec { get; }
    /// <summary>The run's output folder (the same files as <c>decapsim run --out</c>).</summary>
    public string Directory { get; }
    public object Gate { get; } = new();
    public CancellationTokenSource Cancellation { get; } = new();

    public RunStatus Status { get; private set; } = RunStatus.Queued;
    public string? Error { get; private set; }
    /// <summary>Bumped whenever something a client shows changed (status, a replicate).</summary>
    public int Version { get; private set; }

    /// <summary>The scenario with the request's levers.</summary>
    public EnsembleData Variant { get; } = new();
    /// <summary>The paired baseline (the scenario as bundled, same seeds); the variant itself when the run is the baseline.</summary>
    public EnsembleData Baseline { get; private set; } = new();
    /// <summary>Replicate 0 of the variant in full (lineage, events).</summary>
    public ReplicateResult? First { get; private set; }
    /// <summary>What was reused from earlier runs, in words.</summary>
    public List<string> Reused { get; } = new();
    /// <summary>Files written, relative to <see cref="Directory"/> (when done).</summary>
    public IReadOnlyList<string> Files { get; private set; } = Array.Empty<string>();
    /// <summary>Region names, codes, tile positions and populations of the run's world.</summary>
    public RegionMeta[] Regions { get; set; } = Array.Empty<RegionMeta>();
    /// <summary>Simulated weeks the run needs in all (variant + baseline when it is run).</summary>
    public long TotalWeeks { get; set; }
    public long WeeksDone => Interlocked.Read(ref _weeksDone);
    public double ElapsedSeconds => _clock.Elapsed.TotalSeconds;
    public bool IsFinished => Status is RunStatus.Done or RunStatus.Failed or RunStatus.Cancelled;

    /// <summary>Completes when something changed after the call.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    private void Signal()
    {
        Version++;
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>A client looked at the run (GET).</summary>
    public void Touch() => Interlocked.Exchange(ref _lastSeen, Stopwatch.GetTimestamp());
    public void StreamOpened() { Interlocked.Increment(ref _openStreams); Touch(); }
    public void StreamClosed() { Interlocked.Decrement(ref _openStreams); Touch(); }
    /// <summary>Time since the last GET or open stream (zero while a stream is open).</summary>
    public TimeSpan Unwatched => Volatile.Read(ref _openStreams) > 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastSeen));

    public void WeekDone() => Interlocked.Increment(ref _weeksDone);

    public void Start() { lock (Gate) { Status = RunStatus.Running; _clock.Start(); Signal(); } }

    public void AddVariant(ReplicateResult r)
    {
        lock (Gate) { if (Variant.Weekly.Count == 0) First = r; Variant.Add(r); Signal(); }
    }

    public void AddBaseline(ReplicateResult r) { lock (Gate) { Baseline.Add(r); Signal(); } }

    /// <summary>The baseline is the variant itself (a run of the scenario as bundled).</summary>
    public void BaselineIsVariant() { lock (Gate) { Baseline = Variant; Signal(); } }

    /// <summary>A baseline from the cache.</summary>
    public void UseBaseline(EnsembleData cached, string note) { lock (Gate) { Baseline = cached; Reused.Add(note); Signal(); } }

    public void Note(string note) { lock (Gate) { Reused.Add(note); Signal(); } }

    public void Finish(IReadOnlyList<string> files) { lock (Gate) { Files = files; Status = RunStatus.Done; _clock.Stop(); Signal(); } }

    public void Fail(string error) { lock (Gate) { if (IsFinished) return; Error = error; Status = RunStatus.Failed; _clock.Stop(); Signal(); } }

    public void Cancel(string reason)
    {
        lock (Gate)
        {
            if (IsFinished) return;
            Error = reason;
            Status = RunStatus.Cancelled;
            _clock.Stop();
            Signal();
        }
        Cancellation.Cancel();
    }
}

/// <summary>A region of the map.</summary>
public sealed record RegionMeta(string Name, string Code, int Col, int Row, long Population);
