using ScottPlot;

namespace DecapSim.Charts;

/// <summary>One region's square on a tile map.</summary>
/// <param name="Code">Short label drawn on the tile (e.g. "JAL").</param>
/// <param name="Column">Grid column, 0 at the west.</param>
/// <param name="Row">Grid row, 0 at the north.</param>
public sealed record Tile(string Code, int Column, int Row);

/// <summary>One panel of a tile map: a title and a value per tile code (missing or NaN: drawn grey).</summary>
public sealed record TileMapPanel(string Title, IReadOnlyDictionary<string, double> Values);

/// <summary>
/// A tile map: one square per region at (column, row) with its code, filled by its value on a sequential colour scale
/// starting at 0, panels side by side on one shared scale with a colour bar. Built as one ScottPlot plot.
/// </summary>
public sealed class TileMap
{
    private readonly List<TileMapPanel> _panels = [];

    /// <summary>Creates a tile map over the given layout.</summary>
    public TileMap(IEnumerable<Tile> tiles)
    {
        Tiles = tiles.ToArray();
        if (Tiles.Select(t => (t.Column, t.Row)).Distinct().Count() != Tiles.Count)
            throw new ArgumentException("Two tiles share a grid position.", nameof(tiles));
    }

    /// <summary>The layout.</summary>
    public IReadOnlyList<Tile> Tiles { get; }

    /// <summary>Overall title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Label of the colour bar (the quantity and its unit).</summary>
    public string ValueLabel { get; set; } = "";

    /// <summary>The colour scale, low to high.</summary>
    public ColorScale Scale { get; set; } = ColorScale.YellowOrangeBrown;

    /// <summary>Scale minimum (0 by default, so the bar shows where zero is).</summary>
    public double Min { get; set; }

    /// <summary>Fixed scale maximum, or null for the largest value over all panels.</summary>
    public double? Max { get; set; }

    /// <summary>Text shown when no panel has a finite value.</summary>
    public string NoDataText { get; set; } = "no data to map";

    /// <summary>The panels.</summary>
    public IReadOnlyList<TileMapPanel> Panels => _panels;

    /// <summary>Adds a panel.</summary>
    public TileMapPanel AddPanel(string title, IReadOnlyDictionary<string, double> values)
    {
        var p = new TileMapPanel(title, values);
        _panels.Add(p);
        return p;
    }

    /// <summary>The scale range used (NaN maximum when there is nothing finite and no fixed maximum).</summary>
    public (double Min, double Max) ScaleRange()
    {
        var finite = _panels.SelectMany(p => p.Values.Values).Where(double.IsFinite).ToArray();
        double hi = Max ?? (finite.Length > 0 ? finite.Max() : double.NaN);
        if (hi <= Min) hi = Min + 1;
        return (Min, hi);
    }

    /// <summary>The fill colour of a value.</summary>
    public Color ColorOf(double value)
    {
        var (lo, hi) = ScaleRange();
        return double.IsFinite(value) ? Scale.GetColor((value - lo) / (hi - lo)) : Color.FromHex("#E3E3E3");
    }

    /// <summary>Builds the plot.</summary>
    public Plot ToPlot()
    {
        var p = ChartStyle.NewPlot(Title);
        var (lo, hi) = ScaleRange();
        if (Tiles.Count == 0 || _panels.Count == 0 || !double.IsFinite(hi) ||
            !_panels.Any(x => x.Values.Values.Any(double.IsFinite)))
        {
            ChartStyle.NoData(p, NoDataText);
            HideAxes(p);
            return p;
        }
        int minCol = Tiles.Min(t => t.Column), minRow = Tiles.Min(t => t.Row);
        int cols = Tiles.Max(t => t.Column) - minCol + 1, rows = Tiles.Max(t => t.Row) - minRow + 1;
        double gap = 1.2;
        for (int i = 0; i < _panels.Count; i++)
        {
            var panel = _panels[i];
            double ox = i * (cols + gap);
            var title = p.Add.Text(panel.Title, ox + cols / 2.0, 0.6);
            title.Alignment = Alignment.LowerCenter;
            title.LabelFontSize = ChartStyle.LabelSize;
            title.LabelBold = true;
            title.LabelFontColor = Color.FromHex("#222222");
            foreach (var t in Tiles)
            {
                double x = ox + t.Column - minCol, y = -(t.Row - minRow);
                bool has = panel.Values.TryGetValue(t.Code, out double v) && double.IsFinite(v);
                var fill = has ? Scale.GetColor((v - lo) / (hi - lo)) : Color.FromHex("#E3E3E3");
                var r = p.Add.Rectangle(x + 0.04, x + 0.96, y - 0.96, y - 0.04);
                r.FillColor = fill;
                r.LineWidth = 0;
                r.LineColor = Colors.Transparent;
                var code = p.Add.Text(t.Code, x + 0.5, y - 0.5);
                code.Alignment = Alignment.MiddleCenter;
                code.LabelFontSize = 8.5f;
                code.LabelFontColor = !has ? Color.FromHex("#777777") : Luminance(fill) < 0.35 ? Colors.White : Color.FromHex("#1A1A1A");
            }
        }
        var bar = p.Add.ColorBar(new ScaleSource(Scale, lo, hi), Edge.Right);
        bar.Label = ValueLabel;
        bar.LabelStyle.FontSize = ChartStyle.TextSize;
        bar.Axis.TickLabelStyle.FontSize = ChartStyle.TextSize;
        ChartStyle.Numbers(bar.Axis);
        HideAxes(p);
        p.Axes.SetLimits(-0.3, _panels.Count * (cols + gap) - gap + 0.3, -rows - 0.3, 2.2);
        p.Axes.SquareUnits();
        return p;
    }

    /// <summary>Builds a figure of the given size.</summary>
    public Figure ToFigure(int width, int height) => new(ToPlot(), width, height);

    private static void HideAxes(Plot p)
    {
        foreach (var a in new IAxis[] { p.Axes.Left, p.Axes.Right, p.Axes.Bottom, p.Axes.Top }) { a.IsVisible = false; a.FrameLineStyle.Width = 0; }
        p.HideGrid();
    }

    private static double Luminance(Color c) => (0.2126 * c.R + 0.7152 * c.G + 0.0722 * c.B) / 255.0;

    private sealed class ScaleSource(ColorScale scale, double min, double max) : IHasColorAxis
    {
        public IColormap Colormap { get; set; } = scale;
        public ScottPlot.Range GetRange() => new(min, max);
    }
}
