using DecapSim.Core.Parameters;

namespace DecapSim.Scenarios;

/// <summary>Names the model knows for a parameter set (faction and region names of the initial landscape),
/// used to check timeline events and faction files. Implemented by the model; tests use a fake.</summary>
public interface IModelCatalog
{
    /// <summary>Faction names at week 0 for these parameters.</summary>
    IReadOnlyCollection<string> FactionNames(ModelParameters p);
    /// <summary>Region (state) names of the world these parameters build.</summary>
    IReadOnlyCollection<string> RegionNames(ModelParameters p);
}

/// <summary>Where a resolved value came from.</summary>
/// <param name="KeyPath">Dotted key path ("Arms.Interdiction").</param>
/// <param name="Value">The resolved value as text.</param>
/// <param name="Layer">"default", a scenario file path, "env DECAPSIM__X__Y" or "--set".</param>
/// <param name="Note">The scenario's note (source/justification) for this key, if any.</param>
public sealed record ParameterOrigin(string KeyPath, string Value, string Layer, string? Note);

/// <summary>A scenario resolved through all layers, validated and bound.</summary>
public sealed record LoadedScenario
{
    /// <summary>The model parameters (including timeline and user factions).</summary>
    public required ModelParameters Parameters { get; init; }
    /// <summary>Top-level <c>Seed</c> (default 1); a CLI <c>--seed</c> overrides it (caller's job).</summary>
    public required ulong Seed { get; init; }
    /// <summary>File stem of the scenario file.</summary>
    public required string Name { get; init; }
    /// <summary>The scenario's display name (JSON <c>Name</c>), or <see cref="Name"/>.</summary>
    public required string Title { get; init; }
    /// <summary>The one-line question the scenario asks.</summary>
    public required string Question { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> Sources { get; init; }
    /// <summary>The counterfactual named by the top-level <c>Baseline</c> key (full path of its scenario file), or null.
    /// `run` runs it with the same seeds and draws it on the violence chart.</summary>
    public string? Baseline { get; init; }
    /// <summary>The scenario file as given and the files it extends, the given file first.</summary>
    public required IReadOnlyList<string> Files { get; init; }
    /// <summary>Key path -> value and layer, for every parameter (catalog order), Seed, and set data files.</summary>
    public required IReadOnlyDictionary<string, ParameterOrigin> Provenance { get; init; }
    /// <summary>Key path -> note (source/justification) from the scenario's <c>Notes</c>.</summary>
    public required IReadOnlyDictionary<string, string> Notes { get; init; }
    /// <summary>Observed series the run report compares with (the scenario's <c>References</c>).</summary>
    public IReadOnlyList<ReferenceSeries> References { get; init; } = Array.Empty<ReferenceSeries>();
    /// <summary>Non-fatal findings, e.g. non-default values without a note.</summary>
    public required IReadOnlyList<ScenarioError> Warnings { get; init; }

    /// <summary>Values set by a scenario file to something other than the default without a note in <c>Notes</c>
    /// (bundled scenarios must have none).</summary>
    public IReadOnlyList<ScenarioError> Unannotated => Warnings.Where(w => w.Allowed == ScenarioError.NoteRequired).ToArray();
}
