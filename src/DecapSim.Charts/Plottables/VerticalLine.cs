namespace DecapSim.Charts.Plottables;

/// <summary>A vertical marker line at x (e.g. an event such as a kingpin capture) with a rotated label.</summary>
public sealed class VerticalLine : Plottable
{
    /// <summary>Creates a vertical line, dashed dark grey by default.</summary>
    public VerticalLine(double x, string? text)
    {
        X = x; Text = text; LineWidth = 1.5; Dash = "6 4";
        Color = Charts.Color.FromHex("#444444");
    }

    /// <summary>Position in data units.</summary>
    public double X { get; }

    /// <summary>Text drawn along the line near the top.</summary>
    public string? Text { get; set; }

    internal override int PaletteSlots => 0;

    /// <inheritdoc/>
    /// <remarks>Marker lines do not widen the axis limits: a line outside the data range is not drawn.</remarks>
    public override DataRange GetDataRange(bool logY) => DataRange.Empty;

    /// <inheritdoc/>
    public override void Render(RenderContext ctx)
    {
        if (!double.IsFinite(X)) return;
        double px = ctx.X(X);
        var a = ctx.PlotArea;
        if (px < a.Left - 0.5 || px > a.Right + 0.5) return;
        string c = EffectiveColor.ToHex();
        ctx.Svg.Line(px, a.Top, px, a.Bottom, c, LineWidth, Dash);
        if (!string.IsNullOrEmpty(Text))
            // rotated to read bottom-to-top; glyphs sit right of the baseline, which is one font height right of the line
            // (or left of the line when it is too close to the right edge)
            ctx.Svg.Text(px + 13 <= a.Right - 2 ? px + 13 : px - 4, a.Top + 6, Text, 11, "end", c, rotate: -90, halo: true);
    }

    /// <inheritdoc/>
    public override IEnumerable<Segment> OccupiedSegments(RenderContext ctx)
    {
        // the label region: upper half of the line
        double mid = ctx.LogY ? Math.Sqrt(ctx.YMin * ctx.YMax) : (ctx.YMin + ctx.YMax) / 2;
        yield return new Segment(X, mid, X, ctx.YMax);
    }
}
