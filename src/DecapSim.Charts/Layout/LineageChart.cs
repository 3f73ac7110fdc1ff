using System.Globalization;
using ScottPlot;

namespace DecapSim.Charts;

/// <summary>A faction on the lineage chart: founded at <paramref name="Start"/>, ended at <paramref name="End"/> (null:
/// still active), <paramref name="PeakSize"/> members at its largest.</summary>
public sealed record LineageNode(string Id, string? ParentId, double Start, double? End, double PeakSize, string? Label = null);

/// <summary>
/// Faction lineages: one horizontal bar per faction from founding to end (x = date), children in the rows right below
/// their parent with a connector at the split, bar thickness growing with peak size, and a readable label (name and
/// peak members) beside each bar. Built as one ScottPlot plot whose height grows with the number of rows.
/// </summary>
public sealed class LineageChart
{
    private readonly List<LineageNode> _nodes = [];

    /// <summary>Pixels per row of the figure.</summary>
    public const int RowPixels = 24;

    /// <summary>Overall title.</summary>
    public string Title { get; set; } = "";

    /// <summary>End time drawn for still-active factions; null = the latest time in the data.</summary>
    public double? Now { get; set; }

    /// <summary>x values are dates (<see cref="ChartDates"/>).</summary>
    public bool Dates { get; set; } = true;

    /// <summary>Text shown when there are no factions.</summary>
    public string NoDataText { get; set; } = "no faction split in this run";

    /// <summary>The factions as added.</summary>
    public IReadOnlyList<LineageNode> Nodes => _nodes;

    /// <summary>Adds a faction.</summary>
    public LineageNode Add(string id, string? parentId, double start, double? end, double peakSize, string? label = null)
    {
        var n = new LineageNode(id, parentId, start, end, peakSize, label);
        _nodes.Add(n);
        return n;
    }

    /// <summary>
    /// Row order: depth-first, roots and siblings by start time (then id), so every child is below its parent and a
    /// parent's descendants are contiguous. Nodes whose parent is absent are roots; parent cycles become roots.
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
        foreach (var n in all.Where(n => !seen.Contains(n.Id)).OrderBy(n => n.Start)) Visit(n, 0, roots.Count);
        return result;
    }

    /// <summary>Figure height for <paramref name="rows"/> rows (title, axis and legend included).</summary>
    public static int HeightFor(int rows) => Math.Clamp(120 + RowPixels * rows, 260, 1400);

    /// <summary>Builds the plot.</summary>
    public Plot ToPlot()
    {
        var p = ChartStyle.NewPlot(Title);
        var rows = Order(_nodes);
        if (rows.Count == 0)
        {
            ChartStyle.NoData(p, NoDataText);
            return p;
        }
        double now = Now ?? rows.Max(r => Math.Max(r.Node.Start, r.Node.End is { } e && double.IsFinite(e) ? e : r.Node.Start));
        double End(LineageNode n) => n.End is { } e && double.IsFinite(e) ? e : now;
        double tMin = rows.Min(r => r.Node.Start), tMax = rows.Max(r => End(r.Node));
        double span = Math.Max(tMax - tMin, 1);
        double maxPeak = rows.Max(r => double.IsFinite(r.Node.PeakSize) ? r.Node.PeakSize : 0);
        var rowOf = new Dictionary<string, int>();
        for (int i = 0; i < rows.Count; i++) rowOf[rows[i].Node.Id] = i;

        // connectors first, so bars draw over them
        for (int i = 0; i < rows.Count; i++)
        {
            var n = rows[i].Node;
            if (n.ParentId is null || !rowOf.TryGetValue(n.ParentId, out int pi) || pi == i) continue;
            var l = p.Add.Line(n.Start, -pi, n.Start, -i);
            l.Color = Color.FromHex("#666666");
            l.LineWidth = 1.2f;
            var dot = p.Add.Marker(n.Start, -pi);
            dot.Shape = MarkerShape.FilledCircle;
            dot.Size = 5;
            dot.Color = Color.FromHex("#666666");
        }
        var positions = new double[rows.Count];
        var labels = new string[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            var (n, depth, root) = rows[i];
            double rel = maxPeak > 0 && double.IsFinite(n.PeakSize) ? Math.Sqrt(Math.Max(0, n.PeakSize) / maxPeak) : 0;
            double half = 0.12 + 0.30 * rel;
            double x1 = n.Start, x2 = Math.Max(End(n), x1 + span * 0.004);
            var color = ChartColors.Get(root);
            var bar = p.Add.Rectangle(x1, x2, -i - half, -i + half);
            bar.FillColor = color.WithAlpha(0.55 + 0.45 * rel);
            bar.LineColor = color;
            bar.LineWidth = 0.8f;
            bool active = n.End is null || !double.IsFinite(n.End.Value);
            string name = n.Label ?? n.Id;
            if (name.Length > 44) name = name[..43] + "\u2026";
            // the row's label sits in the left margin, indented by depth: never over a bar
            positions[i] = -i;
            labels[i] = new string(' ', 3 * depth) + (depth > 0 ? "\u2514 " : "") + name;
            var size = p.Add.Text($"{n.PeakSize.ToString("#,0", CultureInfo.InvariantCulture)}{(active ? "" : " (ended)")}", x2, -i);
            size.Alignment = Alignment.MiddleLeft;
            size.OffsetX = 4;
            size.LabelFontSize = ChartStyle.TextSize - 1;
            size.LabelFontColor = Color.FromHex("#444444");
        }
        if (Dates) ChartStyle.DateAxis(p);
        p.Axes.Left.SetTicks(positions, labels);
        p.Axes.Left.TickLabelStyle.FontSize = ChartStyle.TextSize;
        p.Axes.Left.MajorTickStyle.Length = 0;
        p.Axes.Left.MinorTickStyle.Length = 0;
        p.Axes.SetLimits(tMin - span * 0.01, tMax + span * 0.09, -rows.Count + 0.4, 0.6);
        p.Grid.YAxisStyle.IsVisible = false;
        var note = p.Add.Annotation("bar: from founding to end; thickness and the number: peak members", Alignment.LowerRight);
        note.LabelFontSize = ChartStyle.TextSize - 1;
        note.LabelBackgroundColor = Colors.White.WithAlpha(0.9);
        note.LabelBorderColor = Color.FromHex("#CCCCCC");
        note.LabelShadowColor = Colors.Transparent;
        return p;
    }

    /// <summary>Builds a figure whose height fits the rows.</summary>
    public Figure ToFigure(int width) => new(ToPlot(), width, HeightFor(Order(_nodes).Count));
}
