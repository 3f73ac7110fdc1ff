using DecapSim.Charts.Svg;

namespace DecapSim.Charts;

/// <summary>
/// Faction lineages: one horizontal bar per faction from founding to end (x = time), one row per faction
/// with children directly below their parent, a connector from parent to child at the split time,
/// and bar thickness and opacity growing with peak size.
/// </summary>
public sealed class LineageTree : SvgChartBase
{
    private readonly List<LineageNode> _nodes = [];

    /// <summary>Overall title (none when empty).</summary>
    public string Title { get; set; } = "";

    /// <summary>The time axis (set <c>DateTicks</c> when times are day numbers).</summary>
    public Axis TimeAxis { get; } = new() { Margin = 0.02 };

    /// <summary>End time drawn for still-active factions; null = the latest time in the data.</summary>
    public double? Now { get; set; }

    /// <summary>Text shown when there are no factions.</summary>
    public string NoDataText { get; set; } = "no data";

    /// <summary>The factions as added.</summary>
    public IReadOnlyList<LineageNode> Nodes => _nodes;

    /// <summary>Adds a faction.</summary>
    public LineageNode Add(LineageNode node) { _nodes.Add(node); return node; }

    /// <summary>Adds a faction.</summary>
    public LineageNode Add(string id, string? parentId, double start, double? end, double peakSize, string? label = null) =>
        Add(new LineageNode(id, parentId, start, end, peakSize, label));

    /// <summary>
    /// Row order: depth-first, roots and siblings by start time (then id), so every child is below its
    /// parent and a parent's descendants are contiguous. Nodes whose parent is absent are roots.
    /// </summary>
    public static IReadOnlyList<(LineageNode Node, int Depth, int Root)> Order(IEnumerable<LineageNode> nodes)
    {
        var all = nodes.Where(n => double.IsFinite(n.Start)).ToList();
        var ids = all.Select(n => n.Id).ToHashSet();
        var children = all.Where(n => n.ParentId is not null && ids.Contains(n.ParentId) && n.ParentId != n.Id)
            .GroupBy(n => n.ParentId!).ToDictionary(g => g.Key, g => g.OrderBy(n => n.Start).ThenBy(n => n.Id, StringComparer.Ordinal).ToList());
        var roots = all.Where(n => n.ParentId is null || !ids.Contains(n.ParentId) || n.ParentId == n.Id)
            .OrderBy(n => n.Start).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var result = new List<(LineageNode, int, int)>();
        var seen = new HashSet<string>();
        void Visit(LineageNode n, int depth, int root)
        {
            if (!seen.Add(n.Id)) return;
            result.Add((n, depth, root));
            if (children.TryGetValue(n.Id, out var kids)) foreach (var k in kids) Visit(k, depth + 1, root);
        }
        for (int r = 0; r < roots.Count; r++) Visit(roots[r], 0, r);
        // anything left is in a parent cycle: append as roots
        foreach (var n in all.Where(n => !seen.Contains(n.Id)).OrderBy(n => n.Start)) Visit(n, 0, roots.Count);
        return result;
    }

    /// <inheritdoc/>
    public override string GetSvg(int width, int height)
    {
        var svg = new SvgWriter().BeginDocument(width, height);
        svg.Rect(0, 0, width, height, "#ffffff");
        double top = Title.Length > 0 ? 34 : 10;
        if (Title.Length > 0) svg.Text(width / 2.0, 23, Title, 16, "middle", "#111111", weight: "bold");
        var rows = Order(_nodes);
        if (rows.Count == 0)
        {
            svg.Text(width / 2.0, (top + height) / 2.0, NoDataText, 14, "middle", "#777777");
            return svg.ToString();
        }

        double now = Now ?? rows.Max(r => Math.Max(r.Node.Start, r.Node.End is { } e && double.IsFinite(e) ? e : r.Node.Start));
        double End(LineageNode n) => n.End is { } e && double.IsFinite(e) ? e : now;
        double tMin = rows.Min(r => r.Node.Start), tMax = rows.Max(r => End(r.Node));
        double bottom = height - (TimeAxis.Label.Length > 0 ? 44 : 26);
        // rows are at most 40 px high; the axis sits right below the last row
        bottom = Math.Min(bottom, top + 40 * rows.Count + 6);
        var plot = new PixelRect(12, top, width - 26, bottom - top);
        var (xMin, xMax, ticks) = TickFitting.ResolveHorizontal(TimeAxis, tMin, tMax, plot.Width, 11);
        double X(double t) => plot.Left + (t - xMin) / (xMax - xMin) * plot.Width;

        svg.Open("g", ("class", "grid"), ("stroke", "#e6e6e6"));
        foreach (var t in ticks) svg.Element("line", ("x1", X(t.Position)), ("y1", plot.Top), ("x2", X(t.Position)), ("y2", plot.Bottom));
        svg.Close();
        svg.Line(plot.Left, plot.Bottom, plot.Right, plot.Bottom, "#888888");
        svg.Open("g", ("class", "tick-labels"), ("font-size", 11), ("fill", "#333333"));
        foreach (var t in ticks)
            svg.TextElement("text", t.Label, ("x", X(t.Position)), ("y", plot.Bottom + 16), ("text-anchor", "middle"));
        svg.Close();
        if (TimeAxis.Label.Length > 0) svg.Text(plot.Left + plot.Width / 2, plot.Bottom + 34, TimeAxis.Label, 12, "middle", "#222222");

        double rowH = Math.Min(40, (plot.Height - 6) / rows.Count);
        double maxPeak = rows.Max(r => double.IsFinite(r.Node.PeakSize) ? r.Node.PeakSize : 0);
        var rowOf = new Dictionary<string, int>();
        for (int i = 0; i < rows.Count; i++) rowOf[rows[i].Node.Id] = i;
        double Cy(int i) => plot.Top + rowH * (i + 0.5);

        // connectors first, so bars draw over them
        svg.Open("g", ("class", "connectors"), ("stroke", "#555555"), ("stroke-width", 1.2));
        for (int i = 0; i < rows.Count; i++)
        {
            var n = rows[i].Node;
            if (n.ParentId is null || !rowOf.TryGetValue(n.ParentId, out int pi) || pi == i) continue;
            double x = X(n.Start);
            svg.Element("line", ("x1", x), ("y1", Cy(pi)), ("x2", x), ("y2", Cy(i)));
            svg.Element("circle", ("cx", x), ("cy", Cy(pi)), ("r", 2.5), ("fill", "#555555"), ("stroke", "none"));
        }
        svg.Close();

        double font = Math.Clamp(rowH * 0.55, 7, 11);
        svg.Open("g", ("class", "bars"));
        for (int i = 0; i < rows.Count; i++)
        {
            var (n, _, root) = rows[i];
            double rel = maxPeak > 0 && double.IsFinite(n.PeakSize) ? Math.Sqrt(Math.Max(0, n.PeakSize) / maxPeak) : 0;
            double thick = rowH * (0.2 + 0.55 * rel), opacity = 0.35 + 0.65 * rel;
            double x1 = X(n.Start), x2 = Math.Max(X(End(n)), x1 + 2);
            var color = Palette.Get(root);
            svg.Element("rect", ("x", x1), ("y", Cy(i) - thick / 2), ("width", x2 - x1), ("height", thick),
                ("fill", color.ToHex()), ("fill-opacity", opacity), ("stroke", color.ToHex()), ("stroke-width", 0.8));
            if (n.End is null || !double.IsFinite(n.End.Value))
                svg.Element("polygon", ("points", $"{SvgWriter.Num(x2)},{SvgWriter.Num(Cy(i) - thick / 2 - 2)} {SvgWriter.Num(x2 + 6)},{SvgWriter.Num(Cy(i))} {SvgWriter.Num(x2)},{SvgWriter.Num(Cy(i) + thick / 2 + 2)}"),
                    ("fill", color.ToHex()));
            string label = n.Label ?? n.Id;
            double w = TextMeasure.Width(label, font);
            double ty = Cy(i) + font * 0.35;
            if (x2 + 9 + w <= plot.Right) svg.Text(x2 + 9, ty, label, font, "start", "#222222", halo: true);
            else if (x1 - 5 - w >= plot.Left) svg.Text(x1 - 5, ty, label, font, "end", "#222222", halo: true);
            else svg.Text(x1 + 3, ty, label, font, "start", "#222222", halo: true);
        }
        svg.Close();
        return svg.ToString();
    }
}
