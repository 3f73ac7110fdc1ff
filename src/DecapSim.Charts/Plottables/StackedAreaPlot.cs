namespace DecapSim.Charts.Plottables;

/// <summary>
/// Layers stacked on top of each other (e.g. members per faction over time). NaN counts as 0.
/// Each layer takes its own palette colour unless <see cref="LayerColors"/> is set.
/// </summary>
public sealed class StackedAreaPlot : Plottable
{
    /// <summary>Creates a stacked area plot; <paramref name="labels"/> may be shorter than the layer list.</summary>
    public StackedAreaPlot(IReadOnlyList<double> xs, IReadOnlyList<double[]> layers, IReadOnlyList<string>? labels)
    {
        foreach (var l in layers) SeriesHelper.RequireSameLength(xs, l, nameof(StackedAreaPlot));
        Xs = xs; Layers = layers; Labels = labels ?? [];
        LayerColors = null;
    }

    /// <summary>x values.</summary>
    public IReadOnlyList<double> Xs { get; }

    /// <summary>Layers, bottom first.</summary>
    public IReadOnlyList<double[]> Layers { get; }

    /// <summary>Legend labels per layer.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Explicit layer colours, or null for the palette.</summary>
    public IReadOnlyList<Color>? LayerColors { get; set; }

    /// <summary>Fill opacity.</summary>
    public double FillOpacity { get; set; } = 0.85;

    private int _firstSlot;

    internal override int PaletteSlots => Math.Max(1, Layers.Count);

    internal override void AssignPalette(ref int next)
    {
        _firstSlot = next;
        base.AssignPalette(ref next);
    }

    /// <summary>Colour of layer i.</summary>
    public Color LayerColor(int i) =>
        LayerColors is { Count: > 0 } lc ? lc[i % lc.Count] : (i == 0 && Color is { } c) ? c : Palette.Get(_firstSlot + i);

    /// <summary>Cumulative sums: row k holds the sum of layers 0..k.</summary>
    public double[][] Cumulative()
    {
        var cum = new double[Layers.Count][];
        for (int k = 0; k < Layers.Count; k++)
        {
            cum[k] = new double[Xs.Count];
            for (int i = 0; i < Xs.Count; i++)
            {
                double v = Layers[k][i];
                cum[k][i] = (k > 0 ? cum[k - 1][i] : 0) + (double.IsFinite(v) ? v : 0);
            }
        }
        return cum;
    }

    /// <inheritdoc/>
    public override DataRange GetDataRange(bool logY)
    {
        bool any = Layers.Any(l => l.Any(double.IsFinite));
        if (!any || Layers.Count == 0) return DataRange.Empty;
        var r = DataRange.Empty;
        foreach (var c in Cumulative()) r = r.Union(DataRange.Of(Xs, c, logY));
        return logY ? r : r.Union(new DataRange(r.XMin, r.XMin, 0, 0));
    }

    /// <inheritdoc/>
    public override void Render(RenderContext ctx)
    {
        var cum = Cumulative();
        double baseY = ctx.BaselineY();
        for (int k = 0; k < cum.Length; k++)
        {
            var upper = cum[k];
            var lower = k > 0 ? cum[k - 1] : null;
            double Lo(int i) => lower is null ? baseY : SafeY(ctx, lower[i], baseY);
            double Hi(int i) => SafeY(ctx, upper[i], baseY);
            foreach (var (s, e) in SeriesHelper.FiniteRuns(Xs.Count, i => double.IsFinite(Xs[i])))
                ctx.Svg.Element("polygon", ("points", SeriesHelper.AreaPoints(ctx, Xs, Lo, Hi, s, e)),
                    ("fill", LayerColor(k).ToHex()), ("fill-opacity", FillOpacity), ("stroke", "#ffffff"),
                    ("stroke-width", 0.5));
        }
    }

    private static double SafeY(RenderContext ctx, double v, double fallback)
    {
        double y = ctx.Y(v);
        return double.IsNaN(y) ? fallback : y;
    }

    /// <inheritdoc/>
    public override IEnumerable<LegendItem> GetLegendItems()
    {
        // top layer first so the legend reads in the same order as the stack
        for (int k = Layers.Count - 1; k >= 0; k--)
            if (k < Labels.Count && !string.IsNullOrEmpty(Labels[k]))
                yield return new LegendItem(Labels[k], LayerColor(k), LegendSwatch.Fill, null, FillOpacity);
    }

    /// <inheritdoc/>
    public override IEnumerable<Segment> OccupiedSegments(RenderContext ctx)
    {
        if (Layers.Count == 0) yield break;
        var cum = Cumulative();
        double b = ctx.LogY ? ctx.YMin : 0;
        for (int i = 0; i < Xs.Count; i++) yield return new Segment(Xs[i], b, Xs[i], cum[^1][i]);
        foreach (double f in new[] { 0.25, 0.5, 0.75, 1 })
            foreach (var s in Polyline(Xs, cum[^1].Select(v => b + (v - b) * f).ToArray())) yield return s;
    }
}
