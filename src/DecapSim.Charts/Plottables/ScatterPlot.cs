namespace DecapSim.Charts.Plottables;

/// <summary>Unconnected point markers.</summary>
public sealed class ScatterPlot : Plottable
{
    /// <summary>Creates a scatter plot.</summary>
    public ScatterPlot(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        SeriesHelper.RequireSameLength(xs, ys, nameof(ScatterPlot));
        Xs = xs; Ys = ys;
    }

    /// <summary>x values.</summary>
    public IReadOnlyList<double> Xs { get; }

    /// <summary>y values.</summary>
    public IReadOnlyList<double> Ys { get; }

    /// <summary>Marker radius in pixels.</summary>
    public double MarkerSize { get; set; } = 3.5;

    /// <inheritdoc/>
    public override DataRange GetDataRange(bool logY) => DataRange.Of(Xs, Ys, logY);

    /// <inheritdoc/>
    public override void Render(RenderContext ctx) => RenderMarkers(ctx, Xs, Ys, MarkerSize, EffectiveColor.ToHex());

    /// <inheritdoc/>
    public override IEnumerable<LegendItem> GetLegendItems()
    {
        if (!string.IsNullOrEmpty(Label)) yield return new LegendItem(Label, EffectiveColor, LegendSwatch.Marker);
    }

    /// <inheritdoc/>
    public override IEnumerable<Segment> OccupiedSegments(RenderContext ctx) =>
        Xs.Zip(Ys, (x, y) => new Segment(x, y, x, y));

    /// <summary>Draws circles at the finite points.</summary>
    internal static void RenderMarkers(RenderContext ctx, IReadOnlyList<double> xs, IReadOnlyList<double> ys, double r, string color)
    {
        ctx.Svg.Open("g", ("fill", color));
        for (int i = 0; i < Math.Min(xs.Count, ys.Count); i++)
        {
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i])) continue;
            double py = ctx.Y(ys[i]);
            if (double.IsNaN(py)) continue;
            ctx.Svg.Element("circle", ("cx", ctx.X(xs[i])), ("cy", py), ("r", r));
        }
        ctx.Svg.Close();
    }
}
