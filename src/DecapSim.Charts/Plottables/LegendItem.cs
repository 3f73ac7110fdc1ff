namespace DecapSim.Charts.Plottables;

/// <summary>How a legend entry's swatch is drawn.</summary>
public enum LegendSwatch
{
    /// <summary>A short line.</summary>
    Line,
    /// <summary>A filled square.</summary>
    Fill,
    /// <summary>A dot.</summary>
    Marker,
}

/// <summary>One legend entry.</summary>
public readonly record struct LegendItem(string Label, Color Color, LegendSwatch Swatch, string? Dash = null, double Opacity = 1);
