using System.Globalization;
using System.Text;
using System.Text.Json;
using DecapSim.Experiments.Output;

namespace DecapSim.Experiments.Research;

/// <summary>The outputs of one (design point, replicate) unit. <paramref name="Seed"/> is the experiment's master
/// seed: <c>decapsim run --seed Seed --replicates Replicate+1</c> (with the point's values) reproduces the unit as
/// that run's replicate <paramref name="Replicate"/>.</summary>
public sealed record UnitResult(int Point, int Replicate, ulong Seed, double[] Outputs);

/// <summary>What reading a unit's stored entry found.</summary>
public enum StoredState { Missing, Valid, Corrupt }

/// <summary>
/// Finished units stored as <c>store/&lt;key&gt;.json</c>, key = SHA-256 of the canonical content of the unit
/// (experiment id, the point's resolved parameter values, the replicate's structure and dynamics seeds, output list). Each entry carries its key and
/// a SHA-256 checksum of its content (key, experiment, point, replicate, seed, outputs); reading verifies both, so a
/// truncated, empty, edited or misplaced entry is found, named and re-run instead of being used or crashing a resume.
/// Files are written atomically (flushed to disk before the rename), so a unit is stored completely or not at all.
/// </summary>
public static class ResultStore
{
    /// <summary>Format tag of an entry.</summary>
    public const string Format = "decapsim-unit/2";

    /// <summary>The key of a unit.</summary>
    public static string Key(Experiment e, IReadOnlyList<KeyValuePair<string, string>> values, int replicate)
    {
        var seeds = e.ReplicateSeeds(replicate);
        var sb = new StringBuilder();
        sb.Append("experiment=").Append(e.Id).Append('\n');
        foreach (var (k, v) in values) sb.Append(k).Append('=').Append(v).Append('\n');
        sb.Append("seed=").Append(seeds.Structure.ToString(CultureInfo.InvariantCulture)).Append(',')
          .Append(seeds.Dynamics.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("outputs=").Append(string.Join(";", e.Outputs.Select(o => o.Text))).Append('\n');
        return Experiment.Sha256(sb.ToString());
    }

    public static string PathOf(string storeDir, string key) => Path.Combine(storeDir, key + ".json");

    /// <summary>The checksum of an entry's content.</summary>
    public static string Checksum(string key, string experiment, int point, int replicate, ulong seed, IReadOnlyList<string> outputNames, IReadOnlyList<double> outputs)
    {
        var sb = new StringBuilder();
        sb.Append(Format).Append('\n').Append(key).Append('\n').Append(experiment).Append('\n');
        sb.Append(point.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(replicate.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        for (int i = 0; i < outputs.Count; i++)
            sb.Append(outputNames[i]).Append('=').Append(double.IsFinite(outputs[i]) ? outputs[i].ToString("R", CultureInfo.InvariantCulture) : "null").Append('\n');
        return Experiment.Sha256(sb.ToString());
    }

    /// <summary>Writes a unit's result atomically.</summary>
    public static void Write(string storeDir, string key, Experiment e, IReadOnlyList<KeyValuePair<string, string>> values, UnitResult r, double wallSeconds)
    {
        Directory.CreateDirectory(storeDir);
        var names = e.Outputs.Select(o => o.Text).ToList();
        // what is written is what the checksum covers: the same shortest round-trip text
        var outputs = r.Outputs.Select(v => double.IsFinite(v) ? double.Parse(v.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : double.NaN).ToArray();
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("key", key);
            w.WriteString("experiment", e.Id);
            w.WriteNumber("point", r.Point);
            w.WriteNumber("replicate", r.Replicate);
            w.WriteString("seed", r.Seed.ToString(CultureInfo.InvariantCulture));
            w.WriteStartObject("parameters");
            foreach (var (k, v) in values) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteStartObject("outputs");
            for (int i = 0; i < e.Outputs.Count; i++)
            {
                if (double.IsFinite(outputs[i])) w.WriteNumber(names[i], outputs[i]); // shortest round-trip text
                else w.WriteNull(names[i]);
            }
            w.WriteEndObject();
            w.WriteNumber("wall_seconds", Math.Round(wallSeconds, 3));
            w.WriteString("checksum", Checksum(key, e.Id, r.Point, r.Replicate, r.Seed, names, outputs));
            w.WriteEndObject();
        }
        AtomicFile.WriteAllBytes(PathOf(storeDir, key), ms.ToArray());
    }

    /// <summary>Reads a stored unit, or null when it is missing or does not verify.</summary>
    public static UnitResult? TryRead(string storeDir, string key, Experiment e) => Read(PathOf(storeDir, key), key, e, out _, out _);

    /// <summary>Reads and verifies the entry at <paramref name="path"/>: its format, key, experiment, outputs and
    /// checksum. Returns the result when valid; otherwise null with <paramref name="state"/> Missing or Corrupt and
    /// <paramref name="problem"/> saying what is wrong (never the file's content).</summary>
    public static UnitResult? Read(string path, string key, Experiment e, out StoredState state, out string problem)
    {
        state = StoredState.Missing; problem = "";
        if (!File.Exists(path) && !Directory.Exists(path)) return null;
        state = StoredState.Corrupt;
        var text = Scenarios.InputFile.TryReadAllText(path, Scenarios.InputFile.Limit.StoreEntry, out problem);
        if (text is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { problem = "not a stored unit (not a JSON object)"; return null; }
            string? Str(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (Str("format") != Format) { problem = $"not a stored unit of this version (format is not {Format})"; return null; }
            if (Str("key") != key) { problem = "the entry's key does not match its unit (copied or renamed?)"; return null; }
            if (Str("experiment") != e.Id) { problem = "the entry belongs to another experiment"; return null; }
            var outs = root.GetProperty("outputs");
            var names = e.Outputs.Select(o => o.Text).ToList();
            var values = new double[names.Count];
            for (int i = 0; i < values.Length; i++)
            {
                if (!outs.TryGetProperty(names[i], out var v)) { problem = $"output '{names[i]}' is missing"; return null; }
                values[i] = v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble();
            }
            int point = root.GetProperty("point").GetInt32(), rep = root.GetProperty("replicate").GetInt32();
            ulong seed = ulong.Parse(Str("seed") ?? "", NumberStyles.None, CultureInfo.InvariantCulture);
            if (Str("checksum") != Checksum(key, e.Id, point, rep, seed, names, values))
            {
                problem = "the checksum does not match the content (edited or damaged)";
                return null;
            }
            state = StoredState.Valid;
            return new UnitResult(point, rep, seed, values);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            problem = "damaged (not a complete JSON entry: truncated or overwritten?)";
            return null;
        }
    }
}
