using static DecapSim.Scenarios.ScenarioLoader;

namespace DecapSim.Scenarios;

/// <summary>Reads the top-level <c>Baseline</c>: the scenario's counterfactual, a bundled scenario's name (looked up
/// next to the file that names it, then among the bundled scenarios) or a path relative to that file.</summary>
internal sealed class BaselineReader(ResolutionContext ctx, string scenarioPath)
{
    private const string Allowed = "a bundled scenario name (\"baseline\") or a path to a scenario file";

    /// <summary>The baseline's full path; null when the key is absent or empty (errors go to the context).</summary>
    public string? Read()
    {
        if (ctx.Origin("Baseline") is not { } o) return null;
        if (o.Src.Kind is not (JsonKind.String or JsonKind.Null))
        {
            ctx.Error(o.Src, "Baseline", o.Src.Value, Allowed, "Baseline must be a string");
            return null;
        }
        string v = o.Src.Value.Trim();
        if (v.Length == 0) return null;
        string dir = o.Layer.BaseDir ?? Environment.CurrentDirectory;
        bool looksLikePath = Path.HasExtension(v) || v.Contains('/') || v.Contains('\\');
        var candidates = looksLikePath
            ? new[] { Path.Combine(dir, v) }
            : new[] { Path.Combine(dir, v + ".json"), ScenarioLocator.Resolve(v) };
        var found = candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists);
        if (found is null)
        {
            ctx.Error(o.Src, "Baseline", v, Allowed, "baseline scenario not found");
            return null;
        }
        if (string.Equals(found, Path.GetFullPath(scenarioPath), StringComparison.Ordinal))
        {
            ctx.Error(o.Src, "Baseline", v, "another scenario", "a scenario cannot be its own baseline");
            return null;
        }
        return found;
    }
}
