using System.Collections;
using System.Text;
using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using Microsoft.Extensions.Configuration;

namespace DecapSim.Scenarios;

/// <summary>Loads a scenario: defaults -> scenario file(s) (<c>extends</c> chain, base first) ->
/// environment <c>DECAPSIM__Section__Key</c> -> <c>--set Section.Key=value</c>; validates everything and binds
/// the result to <see cref="ModelParameters"/>. Throws <see cref="ScenarioException"/> with every error found.</summary>
public static class ScenarioLoader
{
    /// <summary>Prefix of environment variables that override parameters.</summary>
    public const string EnvironmentPrefix = "DECAPSIM__";

    /// <summary>Layer name of built-in defaults.</summary>
    public const string DefaultLayer = "default";

    /// <summary>Layer name of command-line overrides.</summary>
    public const string SetLayer = "--set";

    internal static readonly string[] TopLevelKeys =
        { "extends", "Name", "Question", "Description", "Sources", "Seed", "StartDate", "Weeks", "Timeline", "Notes", "Relations", "References", "Baseline" };

    internal static readonly string[] RelationKeys = { "RivalriesFile", "AlliancesFile" };

    /// <summary>Scenario-only keys (not model parameters) that name data files.</summary>
    public static readonly IReadOnlyList<string> DataFileKeys = new[] { "Factions.File", "Relations.RivalriesFile", "Relations.AlliancesFile" };

    /// <summary>Loads a scenario file with no environment or command-line overrides.</summary>
    public static LoadedScenario Load(string path) =>
        Load(path, new Dictionary<string, string>(), Array.Empty<string>());

    /// <summary>Loads, validates and binds a scenario.</summary>
    /// <param name="path">Scenario JSON file.</param>
    /// <param name="environment">Environment variables; only <c>DECAPSIM__*</c> ones are used.</param>
    /// <param name="sets"><c>Section.Key=value</c> overrides, later ones win.</param>
    /// <param name="catalog">Faction and region names of the model; null skips those checks.</param>
    public static LoadedScenario Load(string path, IReadOnlyDictionary<string, string> environment,
                                      IReadOnlyList<string> sets, IModelCatalog? catalog = null)
    {
        var errors = new List<ScenarioError>();
        var layers = new List<Layer> { DefaultsLayer() };
        var files = ReadChain(path, errors);
        if (errors.Count > 0) throw new ScenarioException(errors);
        PruneReplacedArrays(files);
        layers.AddRange(files);
        layers.Add(EnvironmentLayer(environment));
        layers.Add(SetsLayer(sets, errors));
        if (errors.Count > 0) throw new ScenarioException(errors);
        return new Resolver(layers, files, path, catalog, errors).Resolve();
    }

    /// <summary>The process environment as a dictionary (for <see cref="Load(string, IReadOnlyDictionary{string,string}, IReadOnlyList{string}, IModelCatalog?)"/>).</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var d = new Dictionary<string, string>();
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
            d[(string)e.Key] = (string?)e.Value ?? "";
        return d;
    }

    /// <summary>A path for messages: relative to the current directory when below it, else absolute.</summary>
    internal static string Display(string fullPath)
    {
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? fullPath : rel;
    }

    private static Layer DefaultsLayer()
    {
        var layer = new Layer(DefaultLayer, null);
        foreach (var d in ParameterCatalog.All)
            layer.Values[ToKey(d.KeyPath)] = new Src(d.DefaultText, JsonKind.String, null, null, DefaultLayer);
        layer.Values["Seed"] = new Src("1", JsonKind.Number, null, null, DefaultLayer);
        return layer;
    }

    /// <summary>Reads the scenario file and the files it extends; returns them base first.</summary>
    private static List<Layer> ReadChain(string path, List<ScenarioError> errors)
    {
        var chain = new List<Layer>();
        var visited = new List<string>();
        string full = Path.GetFullPath(path);
        string display = path;
        if (!File.Exists(full))
        {
            errors.Add(new(path, "", "", "an existing scenario file", "file not found"));
            return chain;
        }
        while (true)
        {
            if (visited.Contains(full, StringComparer.Ordinal))
            {
                var cycle = string.Join(" -> ", visited.SkipWhile(v => v != full).Append(full).Select(Display));
                errors.Add(new(display, "extends", Path.GetFileName(full), "a chain without cycles", "extends cycle: " + cycle));
                return chain;
            }
            if (visited.Count >= 32)
            {
                errors.Add(new(display, "extends", "", "at most 32 files", "extends chain too long"));
                return chain;
            }
            visited.Add(full);
            var entries = JsonScenarioReader.Read(full, display, errors);
            if (entries is null) return chain;
            var layer = new Layer(display, Path.GetDirectoryName(full)!);
            foreach (var e in entries)
            {
                if (e.Kind is JsonKind.Object or JsonKind.Array) layer.Containers[e.Key] = e.Kind;
                else layer.Values[e.Key] = new Src(e.Value, e.Kind, e.Line, e.Column, display);
            }
            chain.Insert(0, layer);
            if (!layer.Values.TryGetValue("extends", out var ext))
            {
                if (layer.Containers.ContainsKey("extends"))
                    errors.Add(new(display, "extends", "", "a relative path", "extends must be a string"));
                return chain;
            }
            if (ext.Kind != JsonKind.String || ext.Value.Trim().Length == 0)
            {
                errors.Add(new(display, "extends", ext.Value, "a relative path to a scenario file", "extends must be a non-empty string") { Line = ext.Line, Column = ext.Column });
                return chain;
            }
            var next = Path.GetFullPath(Path.Combine(layer.BaseDir!, ext.Value));
            if (!File.Exists(next))
            {
                errors.Add(new(display, "extends", ext.Value, "an existing scenario file (relative to this file)", "extended file not found") { Line = ext.Line, Column = ext.Column });
                return chain;
            }
            full = next;
            display = Display(next);
        }
    }

    /// <summary>Arrays (Timeline, Sources) are replaced, not merged by index: a file that defines one hides its bases'.</summary>
    private static void PruneReplacedArrays(List<Layer> files)
    {
        foreach (var array in new[] { "Timeline", "Sources" })
            for (int i = files.Count - 1; i > 0; i--)
            {
                var f = files[i];
                if (!f.Defines(array)) continue;
                for (int j = 0; j < i; j++) files[j].Remove(array);
                break;
            }
    }

    private static Layer EnvironmentLayer(IReadOnlyDictionary<string, string> environment)
    {
        var layer = new Layer("environment", null);
        foreach (var (name, value) in environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)) continue;
            var key = name[EnvironmentPrefix.Length..].Replace("__", ":");
            if (key.Length == 0) continue;
            layer.Values[key] = new Src(value, JsonKind.String, null, null, "env " + name);
        }
        return layer;
    }

    private static Layer SetsLayer(IReadOnlyList<string> sets, List<ScenarioError> errors)
    {
        var layer = new Layer(SetLayer, null);
        foreach (var s in sets)
        {
            int eq = s.IndexOf('=');
            if (eq <= 0)
            {
                errors.Add(new(SetLayer, "", s, "Section.Key=value", "expected Section.Key=value"));
                continue;
            }
            var key = ToKey(s[..eq].Trim());
            layer.Values.Remove(key); // later --set wins (and keeps its position last)
            layer.Values[key] = new Src(s[(eq + 1)..], JsonKind.String, null, null, SetLayer);
        }
        return layer;
    }

    internal static string ToKey(string keyPath) => keyPath.Replace('.', ':');
    internal static string ToPath(string key) => key.Replace(':', '.');

    /// <summary>A value in a layer, with its position when it came from a file.</summary>
    internal sealed record Src(string Value, JsonKind Kind, int? Line, int? Column, string Origin);

    /// <summary>One configuration layer.</summary>
    internal sealed class Layer(string name, string? baseDir)
    {
        public string Name { get; } = name;
        /// <summary>Directory of the file (relative data paths resolve against it); null for non-file layers.</summary>
        public string? BaseDir { get; } = baseDir;
        public bool IsFile => BaseDir is not null;
        public Dictionary<string, Src> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, JsonKind> Containers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool Defines(string key) =>
            Values.ContainsKey(key) || Containers.ContainsKey(key) ||
            Values.Keys.Any(k => k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase));

        public void Remove(string key)
        {
            bool Under(string k) => string.Equals(k, key, StringComparison.OrdinalIgnoreCase) ||
                                    k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase);
            foreach (var k in Values.Keys.Where(Under).ToList()) Values.Remove(k);
            foreach (var k in Containers.Keys.Where(Under).ToList()) Containers.Remove(k);
        }
    }
}
