namespace DecapSim.Charts;

/// <summary>A tick mark: position in data units and its label.</summary>
public readonly record struct Tick(double Position, string Label);
