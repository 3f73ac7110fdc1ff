namespace DecapSim.Charts.Plottables;

/// <summary>A text note at a data position, with a small dot marking the point.</summary>
public sealed class Annotation : Plottable
{
    /// <summary>Creates an annotation.</summary>
    public Annotation(double x, double y, string text)
    {
        X = x; Y = y; Text = text;
        Color = Charts.Color.FromHex("#222222");
    }

    /// <summary>Position in data units.</summary>
    public double X { get; }

    /// <summary>Position in data units.</summary>
    public double Y { get; }

    /// <summary>The note.</summary>
    public string Text { get; set; }

    /// <summary>Font size in pixels.</summary>
    public double FontSize { get; set; } = 11;

    internal override int PaletteSlots => 0;

    /// <inheritdoc/>
    public override DataRange GetDataRange(bool logY) =>
        double.IsFinite(X) && double.IsFinite(Y) && (!logY || Y > 0) ? new DataRange(X, X, Y, Y) : DataRange.Empty;

    /// <inheritdoc/>
    public override void Render(RenderContext ctx)
    {
        if (!double.IsFinite(X) || !double.IsFinite(Y)) return;
        double px = ctx.X(X), py = ctx.Y(Y);
        if (double.IsNaN(py)) return;
        string c = EffectiveColor.ToHex();
        ctx.Svg.Element("circle", ("cx", px), ("cy", py), ("r", 2.5), ("fill", c));
        // keep the text inside the plot area: right of the point unless that would overflow
        bool left = px + 6 + Svg.TextMeasure.Width(Text, FontSize) > ctx.PlotArea.Right;
        double ty = py - 6 < ctx.PlotArea.Top + FontSize ? py + FontSize + 4 : py - 6;
        ctx.Svg.Text(left ? px - 6 : px + 6, ty, Text, FontSize, left ? "end" : "start", c, halo: true);
    }

    /// <inheritdoc/>
    public override IEnumerable<LegendItem> GetLegendItems() => [];

    /// <inheritdoc/>
    public override IEnumerable<Segment> OccupiedSegments(RenderContext ctx) => [new Segment(X, Y, X, Y)];
}
