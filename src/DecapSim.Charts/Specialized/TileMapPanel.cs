namespace DecapSim.Charts;

/// <summary>One small multiple of a tile map: a title and a value per region code (missing = no data).</summary>
public sealed record TileMapPanel(string Title, IReadOnlyDictionary<string, double> Values);
