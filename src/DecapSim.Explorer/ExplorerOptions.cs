namespace DecapSim.Explorer;

/// <summary>Settings of <c>decapsim serve</c>: where it listens and the limits it puts on runs.</summary>
public sealed record ExplorerOptions
{
    /// <summary>The loopback address: the default; any other host must be asked for.</summary>
    public const string Loopback = "127.0.0.1";

    public string Host { get; init; } = Loopback;
    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; init; } = 5170;
    /// <summary>Most replicates a run may ask for.</summary>
    public int MaxReplicates { get; init; } = 64;
    /// <summary>Most weeks a run may ask for.</summary>
    public int MaxWeeks { get; init; } = 1040;
    /// <summary>Runs waiting to start; a POST beyond it gets 429.</summary>
    public int QueueCapacity { get; init; } = 4;
    /// <summary>A queued or running run is cancelled after this long with neither a GET of it nor an open event stream.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Finished runs (and baseline ensembles) kept; the oldest is dropped, with its files, beyond it.</summary>
    public int CacheSize { get; init; } = 32;
    /// <summary>Replicates kept stopped at a branch week (policy or <c>from</c> date) for later variants to continue
    /// from (one present-day mexico replicate is about 25-30 MB).</summary>
    public int BranchCacheSize { get; init; } = 32;
    /// <summary>Worker threads of the model runs.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>Folder of the runs' files; null: a new folder under the temporary directory, deleted on exit.</summary>
    public string? WorkDirectory { get; init; }
    /// <summary>Folder of the bundled scenarios; null: found like the CLI finds them.</summary>
    public string? ScenarioDirectory { get; init; }
    /// <summary>Render charts, PNGs and report.html for each run (downloads).</summary>
    public bool Charts { get; init; } = true;

    /// <summary>True when <see cref="Host"/> is a loopback name or address.</summary>
    public bool IsLoopback => Host is "127.0.0.1" or "localhost" or "::1" or "[::1]";
}
