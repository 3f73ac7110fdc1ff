using System.Globalization;
using System.Text;
using System.Text.Json;
using DecapSim.Experiments.Output;

namespace DecapSim.Experiments.Research;

/// <summary>The outputs of one (design point, replicate) unit. <paramref name="Seed"/> is the experiment's master
/// seed: <c>decapsim run --seed Seed --replicates Replicate+1</c> (with the point's values) reproduces the unit as
/// that run's replicate <paramref name="Replicate"/>.</summary>
public sealed record UnitResult(int Point, int Replicate, ulong Seed, double[] Outputs);

/// <summary>
/// Finished units stored as <c>store/&lt;key&gt;.json</c>, key = SHA-256 of the canonical content of the unit
/// (experiment id, the point's resolved parameter values, the replicate's structure and dynamics seeds, output list). Files are written atomically,
/// so a unit is either stored completely or not at all; re-running skips stored units.
/// </summary>
public static class ResultStore
{
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

    /// <summary>Writes a unit's result atomically.</summary>
    public static void Write(string storeDir, string key, Experiment e, IReadOnlyList<KeyValuePair<string, string>> values, UnitResult r, double wallSeconds)
    {
        Directory.CreateDirectory(storeDir);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
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
                if (double.IsFinite(r.Outputs[i])) w.WriteNumber(e.Outputs[i].Text, r.Outputs[i]); // shortest round-trip text
                else w.WriteNull(e.Outputs[i].Text);
            }
            w.WriteEndObject();
            w.WriteNumber("wall_seconds", Math.Round(wallSeconds, 3));
            w.WriteEndObject();
        }
        AtomicFile.WriteAllText(PathOf(storeDir, key), Encoding.UTF8.GetString(ms.ToArray()));
    }

    /// <summary>Reads a stored unit, or null when it is missing or not a result of this experiment.</summary>
    public static UnitResult? TryRead(string storeDir, string key, Experiment e)
    {
        var path = PathOf(storeDir, key);
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            if (root.GetProperty("experiment").GetString() != e.Id) return null;
            var outs = root.GetProperty("outputs");
            var values = new double[e.Outputs.Count];
            for (int i = 0; i < values.Length; i++)
            {
                if (!outs.TryGetProperty(e.Outputs[i].Text, out var v)) return null;
                values[i] = v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble();
            }
            return new UnitResult(root.GetProperty("point").GetInt32(), root.GetProperty("replicate").GetInt32(),
                ulong.Parse(root.GetProperty("seed").GetString()!, CultureInfo.InvariantCulture), values);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
