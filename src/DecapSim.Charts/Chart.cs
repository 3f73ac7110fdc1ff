using DecapSim.Charts.Plottables;
using DecapSim.Charts.Svg;

namespace DecapSim.Charts;

/// <summary>
/// A 2-D chart shaped like ScottPlot 5's <c>Plot</c>:
/// <c>var c = new Chart(); c.Add.Line(xs, ys).WithLabel("baseline"); c.SaveSvg(path, 800, 450);</c>
/// </summary>
public sealed class Chart : SvgChartBase
{
    private const double TickFont = 11, AxisLabelFont = 12, TitleFont = 15;
    private readonly List<Plottable> _plottables = [];

    /// <summary>Creates an empty chart.</summary>
    public Chart() => Add = new PlottableAdder(_plottables);

    /// <summary>Adds plottables: <c>chart.Add.Line(xs, ys)</c>.</summary>
    public PlottableAdder Add { get; }

    /// <summary>The bottom (x) and left (y) axes.</summary>
    public AxisSet Axes { get; } = new();

    /// <summary>Legend options.</summary>
    public Legend Legend { get; } = new();

    /// <summary>Title above the data area (none when empty).</summary>
    public string Title { get; set; } = "";

    /// <summary>Text shown when no plottable has a finite point.</summary>
    public string NoDataText { get; set; } = "no data";

    /// <summary>The plottables in drawing order.</summary>
    public IReadOnlyList<Plottable> Plottables => _plottables;

    /// <summary>Removes a plottable.</summary>
    public bool Remove(Plottable p) => _plottables.Remove(p);

    /// <inheritdoc/>
    public override string GetSvg(int width, int height)
    {
        var svg = new SvgWriter().BeginDocument(width, height);
        Render(svg, new PixelRect(0, 0, width, height), "c");
        return svg.ToString();
    }

    /// <summary>Draws the chart into a region of a larger document; <paramref name="id"/> makes element ids unique.</summary>
    internal void Render(SvgWriter svg, PixelRect area, string id)
    {
        svg.Open("g", ("class", "chart"));
        svg.Rect(area.Left, area.Top, area.Width, area.Height, "#ffffff");
        int slot = 0;
        foreach (var p in _plottables) p.AssignPalette(ref slot);
        bool logY = Axes.Left.LogScale;
        var range = DataRange.Empty;
        foreach (var p in _plottables) range = range.Union(p.GetDataRange(logY));

        double top = area.Top + (Title.Length > 0 ? 32 : 12);
        double bottom = area.Bottom - (8 + TickFont + 8 + (Axes.Bottom.Label.Length > 0 ? AxisLabelFont + 8 : 0));
        double yLabelSpace = Axes.Left.Label.Length > 0 ? AxisLabelFont + 10 : 0;
        if (Title.Length > 0)
            svg.Text(area.Left + area.Width / 2, area.Top + 22, Title, TitleFont, "middle", "#111111", weight: "bold");

        if (!range.HasData)
        {
            RenderNoData(svg, new PixelRect(area.Left + 10 + yLabelSpace + 20, top, area.Width - 40 - yLabelSpace, bottom - top), area);
            svg.Close();
            return;
        }

        int maxYTicks = Math.Clamp((int)((bottom - top) / 28), 2, 10);
        var (yMin, yMax, yTicks) = Axes.Left.Resolve(range.YMin, range.YMax, maxYTicks);
        double yTickWidth = yTicks.Length == 0 ? 10 : yTicks.Max(t => TextMeasure.Width(t.Label, TickFont));
        double left = area.Left + 8 + yLabelSpace + yTickWidth + 8;
        double right = area.Right - 14;

        var legendItems = Legend.IsVisible ? _plottables.SelectMany(p => p.GetLegendItems()).ToList() : [];
        double rowH = Legend.FontSize + 6, pad = 6;
        double legendW = legendItems.Count == 0 ? 0 : 2 * pad + 26 + legendItems.Max(i => TextMeasure.Width(i.Label, Legend.FontSize));
        double legendH = 2 * pad + legendItems.Count * rowH;

        var (xMin, xMax, xTicks) = ResolveX(range, right - left);
        PixelRect? legendRect = null;
        if (legendItems.Count > 0)
        {
            var placement = Legend.Placement;
            if (placement == LegendPlacement.Auto)
            {
                var probe = new RenderContext(svg, new PixelRect(left, top, right - left, bottom - top), xMin, xMax, yMin, yMax, logY);
                placement = ChooseCorner(probe, legendW, legendH);
            }
            if (placement == LegendPlacement.OutsideRight)
            {
                right = area.Right - 12 - legendW - 8;
                (xMin, xMax, xTicks) = ResolveX(range, right - left);
                legendRect = new PixelRect(right + 10, top, legendW, legendH);
            }
            else
            {
                legendRect = CornerRect(placement, new PixelRect(left, top, right - left, bottom - top), legendW, legendH);
            }
        }

        var plot = new PixelRect(left, top, right - left, bottom - top);
        var ctx = new RenderContext(svg, plot, xMin, xMax, yMin, yMax, logY);

        // grid
        svg.Open("g", ("class", "grid"), ("stroke", "#e6e6e6"), ("stroke-width", 1));
        foreach (var t in yTicks) svg.Element("line", ("x1", plot.Left), ("y1", ctx.Y(t.Position)), ("x2", plot.Right), ("y2", ctx.Y(t.Position)));
        foreach (var t in xTicks) svg.Element("line", ("x1", ctx.X(t.Position)), ("y1", plot.Top), ("x2", ctx.X(t.Position)), ("y2", plot.Bottom));
        svg.Close();

        string clipId = id + "-clip";
        svg.Open("defs").Open("clipPath", ("id", clipId));
        svg.Element("rect", ("x", plot.Left), ("y", plot.Top), ("width", plot.Width), ("height", plot.Height));
        svg.Close().Close();
        svg.Open("g", ("class", "data"), ("clip-path", $"url(#{clipId})"));
        foreach (var p in _plottables) p.Render(ctx);
        svg.Close();

        svg.Rect(plot.Left, plot.Top, plot.Width, plot.Height, "none", "#888888");
        RenderTicks(svg, ctx, xTicks, yTicks);
        RenderAxisLabels(svg, plot, area);
        if (legendRect is { } lr) RenderLegend(svg, lr, legendItems, rowH, pad);
        svg.Close();
    }

    private (double Min, double Max, Tick[] Ticks) ResolveX(DataRange range, double width) =>
        TickFitting.ResolveHorizontal(Axes.Bottom, range.XMin, range.XMax, width, TickFont);

    private LegendPlacement ChooseCorner(RenderContext probe, double w, double h)
    {
        // sample every occupied segment at most 3 px apart, in pixel space
        var points = new List<(double X, double Y)>();
        foreach (var s in _plottables.SelectMany(p => p.OccupiedSegments(probe)))
        {
            if (!double.IsFinite(s.X1) || !double.IsFinite(s.X2) || !double.IsFinite(s.Y1) || !double.IsFinite(s.Y2)) continue;
            double x1 = probe.X(s.X1), y1 = probe.Y(s.Y1), x2 = probe.X(s.X2), y2 = probe.Y(s.Y2);
            if (double.IsNaN(y1) || double.IsNaN(y2)) continue;
            int n = (int)Math.Min(2000, Math.Ceiling(Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)) / 3));
            for (int k = 0; k <= n; k++)
            {
                double t = n == 0 ? 0 : k / (double)n;
                points.Add((x1 + (x2 - x1) * t, y1 + (y2 - y1) * t));
            }
        }
        foreach (var corner in new[] { LegendPlacement.UpperRight, LegendPlacement.UpperLeft, LegendPlacement.LowerRight, LegendPlacement.LowerLeft })
        {
            var r = CornerRect(corner, probe.PlotArea, w, h);
            var grown = new PixelRect(r.Left - 3, r.Top - 3, r.Width + 6, r.Height + 6);
            if (r.Width < probe.PlotArea.Width * 0.6 && r.Height < probe.PlotArea.Height * 0.8 &&
                !points.Any(p => grown.Contains(p.X, p.Y)))
                return corner;
        }
        return LegendPlacement.OutsideRight;
    }

    private static PixelRect CornerRect(LegendPlacement corner, PixelRect plot, double w, double h)
    {
        const double inset = 8;
        bool right = corner is LegendPlacement.UpperRight or LegendPlacement.LowerRight;
        bool upper = corner is LegendPlacement.UpperRight or LegendPlacement.UpperLeft;
        return new PixelRect(right ? plot.Right - inset - w : plot.Left + inset, upper ? plot.Top + inset : plot.Bottom - inset - h, w, h);
    }

    private static void RenderTicks(SvgWriter svg, RenderContext ctx, Tick[] xTicks, Tick[] yTicks)
    {
        var plot = ctx.PlotArea;
        svg.Open("g", ("class", "ticks"), ("stroke", "#888888"));
        foreach (var t in xTicks) svg.Element("line", ("x1", ctx.X(t.Position)), ("y1", plot.Bottom), ("x2", ctx.X(t.Position)), ("y2", plot.Bottom + 4));
        foreach (var t in yTicks) svg.Element("line", ("x1", plot.Left - 4), ("y1", ctx.Y(t.Position)), ("x2", plot.Left), ("y2", ctx.Y(t.Position)));
        svg.Close();
        svg.Open("g", ("class", "tick-labels"), ("font-size", TickFont), ("fill", "#333333"));
        foreach (var t in xTicks)
            svg.TextElement("text", t.Label, ("x", ctx.X(t.Position)), ("y", plot.Bottom + 6 + TickFont), ("text-anchor", "middle"));
        foreach (var t in yTicks)
            svg.TextElement("text", t.Label, ("x", plot.Left - 7), ("y", ctx.Y(t.Position) + TickFont * 0.35), ("text-anchor", "end"));
        svg.Close();
    }

    private void RenderAxisLabels(SvgWriter svg, PixelRect plot, PixelRect area)
    {
        if (Axes.Bottom.Label.Length > 0)
            svg.Text(plot.Left + plot.Width / 2, area.Bottom - 8, Axes.Bottom.Label, AxisLabelFont, "middle", "#222222");
        if (Axes.Left.Label.Length > 0)
        {
            double x = area.Left + 8 + AxisLabelFont, y = plot.Top + plot.Height / 2;
            svg.Text(x, y, Axes.Left.Label, AxisLabelFont, "middle", "#222222", rotate: -90);
        }
    }

    private void RenderNoData(SvgWriter svg, PixelRect plot, PixelRect area)
    {
        svg.Rect(plot.Left, plot.Top, plot.Width, plot.Height, "#fafafa", "#888888");
        svg.Text(plot.Left + plot.Width / 2, plot.Top + plot.Height / 2 + 5, NoDataText, 14, "middle", "#777777");
        RenderAxisLabels(svg, plot, area);
    }

    private void RenderLegend(SvgWriter svg, PixelRect r, List<LegendItem> items, double rowH, double pad)
    {
        svg.Open("g", ("class", "legend"));
        svg.Element("rect", ("x", r.Left), ("y", r.Top), ("width", r.Width), ("height", r.Height), ("fill", "#ffffff"),
            ("fill-opacity", 0.9), ("stroke", "#bbbbbb"), ("rx", 3));
        for (int i = 0; i < items.Count; i++)
        {
            var it = items[i];
            double cy = r.Top + pad + rowH * i + rowH / 2;
            double sx = r.Left + pad;
            string c = it.Color.ToHex();
            switch (it.Swatch)
            {
                case LegendSwatch.Line:
                    svg.Line(sx, cy, sx + 20, cy, c, 2.5, it.Dash);
                    break;
                case LegendSwatch.Marker:
                    svg.Element("circle", ("cx", sx + 10), ("cy", cy), ("r", 4), ("fill", c));
                    break;
                default:
                    svg.Element("rect", ("x", sx + 2), ("y", cy - 5), ("width", 16), ("height", 10), ("fill", c),
                        ("fill-opacity", Math.Max(it.Opacity, 0.35)));
                    break;
            }
            svg.Text(sx + 26, cy + Legend.FontSize * 0.35, it.Label, Legend.FontSize, "start", "#222222");
        }
        svg.Close();
    }
}
