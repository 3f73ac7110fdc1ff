namespace DecapSim.Charts;

/// <summary>Where the legend goes.</summary>
public enum LegendPlacement
{
    /// <summary>The first inside corner (upper right, upper left, lower right, lower left) that covers no data; else outside right.</summary>
    Auto,
    /// <summary>Inside, upper right corner.</summary>
    UpperRight,
    /// <summary>Inside, upper left corner.</summary>
    UpperLeft,
    /// <summary>Inside, lower right corner.</summary>
    LowerRight,
    /// <summary>Inside, lower left corner.</summary>
    LowerLeft,
    /// <summary>Right of the data area.</summary>
    OutsideRight,
}

/// <summary>Legend options (shown automatically when any plottable has a label).</summary>
public sealed class Legend
{
    /// <summary>Whether to draw a legend when there are labelled plottables.</summary>
    public bool IsVisible { get; set; } = true;

    /// <summary>Placement rule.</summary>
    public LegendPlacement Placement { get; set; } = LegendPlacement.Auto;

    /// <summary>Font size in pixels.</summary>
    public double FontSize { get; set; } = 11;
}
