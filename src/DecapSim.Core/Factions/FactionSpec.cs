namespace DecapSim.Core.Factions;

/// <summary>A faction given by the user (or a data file) instead of the generated landscape.</summary>
/// <param name="Name">Display name (any Unicode).</param>
/// <param name="Region">Home region name or code (ignored in a well-mixed world).</param>
/// <param name="Members">Initial members.</param>
public sealed record FactionSpec(string Name, string Region, int Members);

/// <summary>An undirected weighted edge between two factions, by name.</summary>
public sealed record RelationSpec(string A, string B, double Weight);

/// <summary>User-supplied initial factions and relation networks. Null in <see cref="Parameters.ModelParameters"/> means "generate".</summary>
public sealed record InitialFactionData(
    IReadOnlyList<FactionSpec> Factions,
    IReadOnlyList<RelationSpec> Rivalries,
    IReadOnlyList<RelationSpec> Alliances);
