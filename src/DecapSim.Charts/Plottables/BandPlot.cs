namespace DecapSim.Charts.Plottables;

/// <summary>
/// A shaded interval between lower and upper curves (e.g. a 90 % range over runs). NaN breaks the band.
/// A band does not consume a palette colour: auto-coloured, it takes the colour of the next series added,
/// so add the band just before its line.
/// </summary>
public sealed class BandPlot : Plottable
{
    /// <summary>Creates a band.</summary>
    public BandPlot(IReadOnlyList<double> xs, IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        SeriesHelper.RequireSameLength(xs, lower, nameof(BandPlot));
        SeriesHelper.RequireSameLength(xs, upper, nameof(BandPlot));
        Xs = xs; Lower = lower; Upper = upper;
    }

    /// <summary>x values.</summary>
    public IReadOnlyList<double> Xs { get; }

    /// <summary>Lower edge.</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>Upper edge.</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>Fill opacity.</summary>
    public double FillOpacity { get; set; } = 0.25;

    internal override int PaletteSlots => 0;

    /// <inheritdoc/>
    public override DataRange GetDataRange(bool logY) => DataRange.Of(Xs, Lower, logY).Union(DataRange.Of(Xs, Upper, logY));

    /// <inheritdoc/>
    public override void Render(RenderContext ctx)
    {
        var runs = SeriesHelper.FiniteRuns(Xs.Count, i =>
            double.IsFinite(Xs[i]) && !double.IsNaN(ctx.Y(Lower[i])) && !double.IsNaN(ctx.Y(Upper[i])));
        foreach (var (s, e) in runs)
        {
            ctx.Svg.Element("polygon",
                ("points", SeriesHelper.AreaPoints(ctx, Xs, i => ctx.Y(Lower[i]), i => ctx.Y(Upper[i]), s, e)),
                ("fill", EffectiveColor.ToHex()), ("fill-opacity", FillOpacity), ("stroke", "none"));
        }
    }

    /// <inheritdoc/>
    public override IEnumerable<LegendItem> GetLegendItems()
    {
        if (!string.IsNullOrEmpty(Label)) yield return new LegendItem(Label, EffectiveColor, LegendSwatch.Fill, null, FillOpacity);
    }

    /// <inheritdoc/>
    public override IEnumerable<Segment> OccupiedSegments(RenderContext ctx)
    {
        for (int i = 0; i < Xs.Count; i++) yield return new Segment(Xs[i], Lower[i], Xs[i], Upper[i]);
        foreach (double f in new[] { 0, 0.25, 0.5, 0.75, 1 })
            foreach (var s in Polyline(Xs, Lower.Zip(Upper, (l, u) => l + (u - l) * f).ToArray())) yield return s;
    }
}
