using DecapSim.Charts.Svg;

namespace DecapSim.Charts.Plottables;

/// <summary>A line through (x, y) points; NaN values break the line.</summary>
public sealed class LinePlot : Plottable
{
    /// <summary>Creates a line plot.</summary>
    public LinePlot(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        SeriesHelper.RequireSameLength(xs, ys, nameof(LinePlot));
        Xs = xs; Ys = ys;
    }

    /// <summary>x values.</summary>
    public IReadOnlyList<double> Xs { get; }

    /// <summary>y values.</summary>
    public IReadOnlyList<double> Ys { get; }

    /// <summary>Radius of point markers in pixels (0 = none).</summary>
    public double MarkerSize { get; set; }

    /// <inheritdoc/>
    public override DataRange GetDataRange(bool logY) => DataRange.Of(Xs, Ys, logY);

    /// <inheritdoc/>
    public override void Render(RenderContext ctx)
    {
        string c = EffectiveColor.ToHex();
        string d = SeriesHelper.LinePath(ctx, Xs, Ys);
        if (d.Length == 0) return;
        ctx.Svg.Element("path", ("d", d), ("fill", "none"), ("stroke", c), ("stroke-width", LineWidth),
            ("stroke-linejoin", "round"), ("stroke-linecap", "round"), ("stroke-dasharray", Dash),
            ("stroke-opacity", EffectiveColor.Alpha < 1 ? EffectiveColor.Alpha : null));
        if (MarkerSize > 0) ScatterPlot.RenderMarkers(ctx, Xs, Ys, MarkerSize, c);
    }

    /// <inheritdoc/>
    public override IEnumerable<Segment> OccupiedSegments(RenderContext ctx) => Polyline(Xs, Ys);
}
