using DecapSim.Core.Parameters;
using DecapSim.Explorer.Catalog;

namespace DecapSim.Explorer.Runs;

/// <summary>A validated run request: the resolved parameters and everything needed to say what it is.</summary>
/// <param name="Scenario">The bundled scenario.</param>
/// <param name="Loaded">The scenario loaded with the overrides (provenance for the manifest and report).</param>
/// <param name="Parameters">The parameters the model runs with (weeks, overrides and lever events applied).</param>
/// <param name="Sets">The <c>--set</c> overrides, <c>Section.Key=value</c>, in request order (levers, then the removal's
/// <c>Timeline.N.*</c> keys).</param>
/// <param name="From">The date the lever overrides start (<c>--set-from</c>), or null: from the start.</param>
/// <param name="Key">Canonical text of the request (identical requests share a run).</param>
/// <param name="BaselineKey">Canonical text of its paired baseline (the scenario as bundled, same seed, replicates and weeks).</param>
public sealed record RunSpec(ScenarioInfo Scenario, DecapSim.Scenarios.LoadedScenario Loaded, ModelParameters Parameters, IReadOnlyList<string> Sets, DateOnly? From,
    int Replicates, int Weeks, ulong Seed, string Key, string BaselineKey)
{
    /// <summary>True when the run is the bundled scenario itself (then it is its own baseline).</summary>
    public bool IsBaseline => Sets.Count == 0;

    /// <summary>The same run from the command line.</summary>
    public string Command
    {
        get
        {
            var parts = new List<string> { "decapsim", "run", Scenario.Name, "--replicates", Replicates.ToString(), "--weeks", Weeks.ToString(), "--seed", Seed.ToString() };
            foreach (var s in Sets) { parts.Add("--set"); parts.Add(Quote(s)); }
            if (From is { } d) { parts.Add("--set-from"); parts.Add(d.ToString("yyyy-MM-dd")); }
            parts.Add("--no-baseline"); // the explorer's baseline is the scenario as bundled, not the scenario's counterfactual
            return string.Join(' ', parts);
        }
    }

    private static string Quote(string s) => s.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '&' or ';' or '|' or '(' or ')' or '<' or '>')
        ? "'" + s.Replace("'", "'\\''") + "'" : s;
}
