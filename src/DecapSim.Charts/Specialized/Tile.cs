namespace DecapSim.Charts;

/// <summary>A region's square on a tile map: short code and grid position (column right, row down).</summary>
public readonly record struct Tile(string Code, int Column, int Row);
