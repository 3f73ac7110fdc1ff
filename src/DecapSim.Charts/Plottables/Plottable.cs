namespace DecapSim.Charts.Plottables;

/// <summary>Something drawn in a chart's data area (ScottPlot's IPlottable).</summary>
public abstract class Plottable
{
    /// <summary>Legend label; no legend entry when null or empty.</summary>
    public string? Label { get; set; }

    /// <summary>Colour, or null to take one from the palette.</summary>
    public Color? Color { get; set; }

    /// <summary>Stroke width in pixels.</summary>
    public double LineWidth { get; set; } = 2;

    /// <summary>SVG dash pattern ("6 4"), or null for solid.</summary>
    public string? Dash { get; set; }

    /// <summary>Colour chosen from the palette when <see cref="Color"/> is null (set by the chart).</summary>
    internal Color AutoColor { get; set; } = Palette.Get(0);

    /// <summary>The colour actually used.</summary>
    public Color EffectiveColor => Color ?? AutoColor;

    /// <summary>How many palette colours this plottable consumes when auto-coloured.</summary>
    internal virtual int PaletteSlots => 1;

    /// <summary>Assigns palette colours starting at index <paramref name="next"/>, advancing it.</summary>
    internal virtual void AssignPalette(ref int next)
    {
        AutoColor = Palette.Get(next);
        next += PaletteSlots;
    }

    /// <summary>Extent of finite data (only y &gt; 0 counts when <paramref name="logY"/>).</summary>
    public abstract DataRange GetDataRange(bool logY);

    /// <summary>Draws into the context.</summary>
    public abstract void Render(RenderContext ctx);

    /// <summary>Legend entries (none when unlabelled).</summary>
    public virtual IEnumerable<LegendItem> GetLegendItems()
    {
        if (!string.IsNullOrEmpty(Label)) yield return new LegendItem(Label, EffectiveColor, LegendSwatch.Line, Dash);
    }

    /// <summary>
    /// Data-space segments covering what the plottable draws (filled areas as vertical strokes plus edges);
    /// the chart keeps the legend off them.
    /// </summary>
    public abstract IEnumerable<Segment> OccupiedSegments(RenderContext ctx);

    /// <summary>Segments joining consecutive points of a series.</summary>
    protected static IEnumerable<Segment> Polyline(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        int n = Math.Min(xs.Count, ys.Count);
        for (int i = 0; i + 1 < n; i++) yield return new Segment(xs[i], ys[i], xs[i + 1], ys[i + 1]);
        if (n == 1) yield return new Segment(xs[0], ys[0], xs[0], ys[0]);
    }
}
