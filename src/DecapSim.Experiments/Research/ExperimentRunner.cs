using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DecapSim.Core;
using DecapSim.Core.Metrics;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Research;

/// <summary>Raised when shards cannot be merged (different experiments, or not shard folders): bad input.</summary>
public sealed class MergeException(string message) : Exception(message);

/// <summary>Raised when a merge lacks results of some units (a shard has not finished): the run failed.</summary>
public sealed class IncompleteException(string message) : Exception(message);

/// <summary>
/// Runs an experiment's units: unit u = point x replicates + replicate, shard i of N runs the units with u % N == i.
/// Results go to <c>DIR/store</c>; a shard manifest <c>DIR/shard.json</c> names the experiment id (and carries the
/// canonical experiment so <c>merge</c> needs no files but the shards).
/// </summary>
public static class ExperimentRunner
{
    /// <summary>What a run of a shard did.</summary>
    /// <param name="Repaired">Stored entries that did not verify and were run again: "file: what was wrong".</param>
    public sealed record Summary(int Units, int Skipped, int Ran, double WallSeconds, IReadOnlyList<string>? Repaired = null);

    /// <summary>Manifest file name of a shard folder.</summary>
    public const string ShardManifest = "shard.json";

    /// <summary>Runs shard <paramref name="shard"/> of <paramref name="shards"/> into <paramref name="dir"/>; stored units are skipped.</summary>
    public static Summary Run(Experiment e, string dir, int shard, int shards, int threads, Action<int, int>? progress = null, CancellationToken cancel = default)
    {
        var sw = Stopwatch.StartNew();
        using var folder = OutputFolder.Open(dir, staged: false); // checked and locked: one writer per store
        if (e.Design.Type == DesignType.AbcSmc)
        {
            if (shards > 1) throw new MergeException("an abc-smc calibration runs generation by generation (each depends on the last) and cannot be sharded; run it without --shard (--threads uses the cores of one machine)");
            var o = AbcSmcRunner.Run(e, dir, threads, progress, cancel);
            return new Summary(o.Ran + o.Skipped, o.Skipped, o.Ran, sw.Elapsed.TotalSeconds);
        }
        var plan = DesignPlan.For(e);
        string store = Path.Combine(dir, "store");
        Directory.CreateDirectory(store);
        long total = (long)plan.Count * e.Replicates;
        var units = new List<int>();
        for (long u = shard; u < total; u += shards) units.Add((int)u);
        WriteManifest(dir, e, shard, shards, units.Count, complete: false);
        // a unit is done only when its entry verifies (key and checksum); a missing or corrupt one is run again
        var repaired = new List<string>();
        var todo = units.Where(u =>
        {
            string key = UnitKey(e, plan, u), path = ResultStore.PathOf(store, key);
            if (ResultStore.Read(path, key, e, out var state, out var problem) is not null) return false;
            if (state == StoredState.Corrupt)
            {
                repaired.Add($"{path}: {problem}");
                if (Directory.Exists(path)) Directory.Delete(path, true);
            }
            return true;
        }).ToList();
        int skipped = units.Count - todo.Count, done = 0;
        var parameters = new ConcurrentDictionary<int, Lazy<Core.Parameters.ModelParameters>>();
        // runs on the same world share one set-up (world, landscape, spin-up, warm-up): a design point's replicates,
        // and on a warmed-up world every point that varies only policy levers; a few are held at a time
        var setUps = new SetUpShare(capacity: 2 * Math.Max(1, threads) + 2);
        ReplicateScheduler.Run(todo.Count, threads, i =>
        {
            int u = todo[i], point = u / e.Replicates, rep = u % e.Replicates;
            var values = plan.Values(e, point);
            var p = parameters.GetOrAdd(point, _ => new Lazy<Core.Parameters.ModelParameters>(() => e.LoadParameters(values))).Value;
            var t0 = Stopwatch.GetTimestamp();
            var setUp = setUps.For(p, e.ReplicateSeeds(rep).Structure);
            var start = new RunStart { SetUp = setUp.Value };
            var outputs = Evaluate(e, ModelRun.Execute(p, e.ReplicateSeeds(rep), rep, RunRecording.WeeklyOnly, cancel, start: start).Weekly);
            return (Values: values, Result: new UnitResult(point, rep, e.Seed, outputs), Seconds: Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }, (_, r) =>
        {
            ResultStore.Write(store, ResultStore.Key(e, r.Values, r.Result.Replicate), e, r.Values, r.Result, r.Seconds);
            progress?.Invoke(++done, todo.Count);
        }, cancel);
        WriteManifest(dir, e, shard, shards, units.Count, complete: true);
        return new Summary(units.Count, skipped, todo.Count, sw.Elapsed.TotalSeconds, repaired);
    }


    /// <summary>The experiment's outputs of one run.</summary>
    public static double[] Evaluate(Experiment e, WeeklyMetrics[] weekly) => e.Outputs.Select(o => o.Evaluate(weekly, e.StartDate)).ToArray();

    /// <summary>Store key of unit u.</summary>
    public static string UnitKey(Experiment e, DesignPlan plan, int u) => ResultStore.Key(e, plan.Values(e, u / e.Replicates), u % e.Replicates);

    private static void WriteManifest(string dir, Experiment e, int shard, int shards, int units, bool complete)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("program", "decapsim");
            w.WriteString("version", ManifestWriter.VersionInfo().Version);
            w.WriteString("experiment_id", e.Id);
            w.WriteString("experiment_name", e.Name);
            w.WriteNumber("shard", shard);
            w.WriteNumber("shards", shards);
            w.WriteNumber("units", units);
            w.WriteBoolean("complete", complete);
            w.WritePropertyName("experiment");
            w.WriteRawValue(e.CanonicalJson);
            w.WriteEndObject();
        }
        AtomicFile.WriteAllText(Path.Combine(dir, ShardManifest), Encoding.UTF8.GetString(ms.ToArray()));
    }

    /// <summary>Reads a shard folder's manifest: (experiment id, canonical experiment JSON).</summary>
    public static (string Id, string Canonical) ReadManifest(string dir)
    {
        var path = Path.Combine(dir, ShardManifest);
        if (!File.Exists(path)) throw new MergeException($"{dir}: not a shard folder (no {ShardManifest}; run `decapsim experiment run <file> --shard i/N --out {dir}` first)");
        try
        {
            var text = Scenarios.InputFile.TryReadAllText(path, Scenarios.InputFile.Limit.Json, out var problem)
                ?? throw new MergeException($"{path}: unreadable shard manifest ({problem})");
            using var doc = JsonDocument.Parse(text);
            var id = doc.RootElement.GetProperty("experiment_id").GetString()!;
            var canonical = doc.RootElement.GetProperty("experiment").GetRawText();
            return (id, canonical);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new MergeException($"{path}: unreadable shard manifest ({ex.Message})");
        }
    }

    /// <summary>
    /// Joins shard folders into <paramref name="outDir"/> (copies every unit's stored result into <c>outDir/store</c>)
    /// and returns the experiment. Refuses shards of different experiments (<see cref="MergeException"/>) and reports
    /// missing units (<see cref="IncompleteException"/>).
    /// </summary>
    public static Experiment Merge(IReadOnlyList<string> shardDirs, string outDir)
    {
        if (shardDirs.Count == 0) throw new MergeException("no shard folders given");
        var manifests = shardDirs.Select(d => (Dir: d, M: ReadManifest(d))).ToList();
        var ids = manifests.Select(m => m.M.Id).Distinct().ToList();
        if (ids.Count > 1)
            throw new MergeException("shards belong to different experiments: " +
                string.Join("; ", manifests.Select(m => $"{m.Dir} has experiment {m.M.Id[..12]}")) + ". Merge only shards of one experiment.");
        var e = ExperimentFile.FromCanonical(manifests[0].M.Canonical, Path.Combine(manifests[0].Dir, ShardManifest));
        if (e.Design.Type == DesignType.AbcSmc) throw new MergeException("an abc-smc calibration cannot be sharded, so there is nothing to merge");
        if (e.Id != ids[0]) throw new MergeException($"{manifests[0].Dir}: manifest id does not match its experiment (edited by hand?)");
        var plan = DesignPlan.For(e);
        using var folder = OutputFolder.Open(outDir, staged: false);
        string store = Path.Combine(outDir, "store");
        Directory.CreateDirectory(store);
        int total = plan.Count * e.Replicates, missing = 0;
        var corrupt = new List<string>();
        for (int u = 0; u < total; u++)
        {
            string key = UnitKey(e, plan, u);
            string target = ResultStore.PathOf(store, key);
            if (ResultStore.Read(target, key, e, out _, out _) is not null) continue; // a corrupt merged entry is replaced
            bool found = false;
            foreach (var d in shardDirs)
            {
                string src = ResultStore.PathOf(Path.Combine(d, "store"), key);
                if (ResultStore.Read(src, key, e, out var state, out var problem) is null)
                {
                    if (state == StoredState.Corrupt) corrupt.Add($"{src}: {problem}");
                    continue;
                }
                if (Path.GetFullPath(src) != Path.GetFullPath(target))
                    AtomicFile.WriteAllBytes(target, Scenarios.InputFile.TryReadAllBytes(src, Scenarios.InputFile.Limit.StoreEntry, out _)!);
                found = true;
                break;
            }
            if (!found) missing++;
        }
        if (corrupt.Count > 0 && missing > 0)
            throw new MergeException($"{corrupt.Count} shard file(s) are corrupt and nothing was merged in their place: " + string.Join("; ", corrupt.Take(5)) +
                (corrupt.Count > 5 ? $"; and {corrupt.Count - 5} more" : "") +
                ". Re-run their shard (`decapsim experiment run <file> --shard i/N --out <shard folder>` re-runs exactly the corrupt units), then merge again");
        if (missing > 0)
            throw new IncompleteException($"{missing} of {total} units have no result in the given shards (a shard did not finish, or a shard folder is missing); re-run the missing shards, then merge again");
        return e;
    }
}
