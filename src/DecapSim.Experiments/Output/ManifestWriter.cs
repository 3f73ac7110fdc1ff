using System.Reflection;
using System.Text.Json;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Output;

/// <summary>manifest.json: every resolved parameter with its origin, the seed, version and commit, times and timings.</summary>
public static class ManifestWriter
{
    /// <summary>The program version and the git commit it was built from (when known).</summary>
    public static (string Version, string Commit) VersionInfo()
    {
        var info = typeof(ManifestWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = info.IndexOf('+');
        return plus < 0 ? (info, "unknown") : (info[..plus], info[(plus + 1)..]);
    }

    /// <summary>Writes the manifest.</summary>
    public static void Write(string path, LoadedScenario scenario, Core.Parameters.ModelParameters p, ulong seed, int replicates, int threads,
        DateTimeOffset start, DateTimeOffset end, IReadOnlyDictionary<string, double> processMs, string command, IReadOnlyList<string> files) =>
        AtomicFile.WriteAllText(path, Build(scenario, p, seed, replicates, threads, start, end, processMs, command, files));

    /// <summary>The manifest's JSON text (also stored in the Parquet files' key-value metadata).</summary>
    public static string Build(LoadedScenario scenario, Core.Parameters.ModelParameters p, ulong seed, int replicates, int threads,
        DateTimeOffset start, DateTimeOffset end, IReadOnlyDictionary<string, double> processMs, string command, IReadOnlyList<string> files)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var (version, commit) = VersionInfo();
            w.WriteStartObject();
            w.WriteString("program", "decapsim");
            w.WriteString("version", version);
            w.WriteString("commit", commit);
            w.WriteString("command", command);
            w.WriteString("scenario", scenario.Name);
            w.WriteString("scenario_files", string.Join(" <- ", scenario.Files));
            w.WriteString("question", scenario.Question);
            w.WriteNumber("seed", seed);
            w.WriteNumber("replicates", replicates);
            w.WriteString("replicate_seeds", "world and initial factions from the seed; replicate k's dynamics from CounterRng.Child(seed, k)");
            w.WriteNumber("weeks", p.Weeks);
            w.WriteString("start_date", p.StartDate.ToString("yyyy-MM-dd"));
            w.WriteNumber("threads", threads);
            w.WriteString("started", start.ToString("o"));
            w.WriteString("ended", end.ToString("o"));
            w.WriteNumber("wall_seconds", Math.Round((end - start).TotalSeconds, 3));
            w.WriteString("machine", $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            w.WriteStartObject("parameters");
            foreach (var d in ParameterCatalog.All)
            {
                w.WriteStartObject(d.KeyPath);
                w.WriteString("value", ValueText(ParameterCatalog.GetValue(d, p)));
                var origin = scenario.Provenance.TryGetValue(d.KeyPath, out var o) ? o : null;
                w.WriteString("layer", origin?.Layer ?? ScenarioLoader.DefaultLayer);
                w.WriteString("unit", d.Unit);
                w.WriteString("source", origin?.Note ?? d.Source);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("timeline");
            foreach (var e in p.Timeline) w.WriteStringValue($"week {e.Week}: {e}");
            w.WriteEndArray();
            w.WriteStartObject("process_ms_total");
            foreach (var (k, v) in processMs) w.WriteNumber(k, Math.Round(v, 1));
            w.WriteEndObject();
            w.WriteStartArray("files");
            foreach (var f in files) w.WriteStringValue(f);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string ValueText(object v) => v switch
    {
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        null => "",
        _ => v.ToString() ?? "",
    };
}
