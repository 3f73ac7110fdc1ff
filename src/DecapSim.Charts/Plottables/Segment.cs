namespace DecapSim.Charts.Plottables;

/// <summary>A line segment in data units (a point when both ends coincide).</summary>
public readonly record struct Segment(double X1, double Y1, double X2, double Y2);
