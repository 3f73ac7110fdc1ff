namespace DecapSim.Charts.Plottables;

/// <summary>Vertical bars from 0 to each value, centred on x.</summary>
public sealed class BarPlot : Plottable
{
    /// <summary>Creates a bar plot.</summary>
    public BarPlot(IReadOnlyList<double> xs, IReadOnlyList<double> values)
    {
        SeriesHelper.RequireSameLength(xs, values, nameof(BarPlot));
        Xs = xs; Values = values;
    }

    /// <summary>Bar centres.</summary>
    public IReadOnlyList<double> Xs { get; }

    /// <summary>Bar heights.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Bar width in data units; null = 80 % of the smallest spacing between bars.</summary>
    public double? BarWidth { get; set; }

    /// <summary>Effective bar width in data units.</summary>
    public double ResolvedBarWidth()
    {
        if (BarWidth is { } w) return w;
        var sorted = Xs.Where(double.IsFinite).Distinct().Order().ToArray();
        double gap = double.PositiveInfinity;
        for (int i = 1; i < sorted.Length; i++) gap = Math.Min(gap, sorted[i] - sorted[i - 1]);
        return double.IsInfinity(gap) ? 0.8 : gap * 0.8;
    }

    /// <inheritdoc/>
    public override DataRange GetDataRange(bool logY)
    {
        var r = DataRange.Of(Xs, Values, logY);
        if (!r.HasData) return r;
        double half = ResolvedBarWidth() / 2;
        r = r.Union(new DataRange(r.XMin - half, r.XMax + half, r.YMin, r.YMax));
        return logY ? r : r.Union(new DataRange(r.XMin, r.XMin, 0, 0));
    }

    /// <inheritdoc/>
    public override void Render(RenderContext ctx)
    {
        double half = ResolvedBarWidth() / 2;
        double baseY = ctx.BaselineY();
        ctx.Svg.Open("g", ("fill", EffectiveColor.ToHex()));
        for (int i = 0; i < Xs.Count; i++)
        {
            if (!double.IsFinite(Xs[i]) || !double.IsFinite(Values[i])) continue;
            double top = ctx.Y(Values[i]);
            if (double.IsNaN(top)) continue;
            double x1 = ctx.X(Xs[i] - half), x2 = ctx.X(Xs[i] + half);
            ctx.Svg.Element("rect", ("x", Math.Min(x1, x2)), ("y", Math.Min(top, baseY)),
                ("width", Math.Abs(x2 - x1)), ("height", Math.Abs(baseY - top)));
        }
        ctx.Svg.Close();
    }

    /// <inheritdoc/>
    public override IEnumerable<LegendItem> GetLegendItems()
    {
        if (!string.IsNullOrEmpty(Label)) yield return new LegendItem(Label, EffectiveColor, LegendSwatch.Fill);
    }

    /// <inheritdoc/>
    public override IEnumerable<Segment> OccupiedSegments(RenderContext ctx)
    {
        double half = ResolvedBarWidth() / 2, b = ctx.LogY ? ctx.YMin : 0;
        for (int i = 0; i < Xs.Count; i++)
        {
            foreach (double dx in new[] { -half, -half / 2, 0, half / 2, half })
                yield return new Segment(Xs[i] + dx, b, Xs[i] + dx, Values[i]);
            yield return new Segment(Xs[i] - half, Values[i], Xs[i] + half, Values[i]);
        }
    }
}
