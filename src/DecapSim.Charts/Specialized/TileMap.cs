using DecapSim.Charts.Svg;

namespace DecapSim.Charts;

/// <summary>
/// A tile map: one square per region at (column, row), labelled with its code and filled by its value on a
/// sequential colour scale, with a colour bar. Several panels share one scale (small multiples).
/// </summary>
public sealed class TileMap : SvgChartBase
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

    /// <summary>Overall title (none when empty).</summary>
    public string Title { get; set; } = "";

    /// <summary>Title of the colour bar (the quantity shown).</summary>
    public string ValueLabel { get; set; } = "";

    /// <summary>The colour scale, low to high.</summary>
    public ColorScale Scale { get; set; } = ColorScale.YellowOrangeBrown;

    /// <summary>Fixed scale minimum, or null for the smallest value over all panels.</summary>
    public double? Min { get; set; }

    /// <summary>Fixed scale maximum, or null for the largest value over all panels.</summary>
    public double? Max { get; set; }

    /// <summary>Panels per row, or null for a near-square grid.</summary>
    public int? PanelColumns { get; set; }

    /// <summary>Text shown when no panel has a finite value.</summary>
    public string NoDataText { get; set; } = "no data";

    /// <summary>The panels.</summary>
    public IReadOnlyList<TileMapPanel> Panels => _panels;

    /// <summary>Adds a panel.</summary>
    public TileMapPanel AddPanel(string title, IReadOnlyDictionary<string, double> values)
    {
        var p = new TileMapPanel(title, values);
        _panels.Add(p);
        return p;
    }

    /// <summary>The scale range actually used (NaN when there are no finite values and no fixed limits).</summary>
    public (double Min, double Max) ScaleRange()
    {
        var finite = _panels.SelectMany(p => p.Values.Values).Where(double.IsFinite).ToArray();
        double lo = Min ?? (finite.Length > 0 ? finite.Min() : double.NaN);
        double hi = Max ?? (finite.Length > 0 ? finite.Max() : double.NaN);
        if (lo == hi) { lo -= 0.5; hi += 0.5; }
        return (lo, hi);
    }

    /// <inheritdoc/>
    public override string GetSvg(int width, int height)
    {
        var svg = new SvgWriter().BeginDocument(width, height);
        svg.Rect(0, 0, width, height, "#ffffff");
        double top = Title.Length > 0 ? 34 : 8;
        if (Title.Length > 0) svg.Text(width / 2.0, 23, Title, 16, "middle", "#111111", weight: "bold");
        var (lo, hi) = ScaleRange();
        bool hasData = Tiles.Count > 0 && double.IsFinite(lo) && double.IsFinite(hi);
        if (!hasData)
        {
            svg.Text(width / 2.0, (top + height) / 2.0, NoDataText, 14, "middle", "#777777");
            return svg.ToString();
        }

        double barArea = 90;
        var panels = _panels.Count > 0 ? _panels : [new TileMapPanel("", new Dictionary<string, double>())];
        int pc = PanelColumns ?? BestPanelColumns(panels.Count, width - barArea - 8, height - top - 6);
        int pr = (int)Math.Ceiling(panels.Count / (double)pc);
        double pw = (width - barArea - 8) / pc, ph = (height - top - 6) / pr;
        for (int i = 0; i < panels.Count; i++)
        {
            var cell = new PixelRect(8 + (i % pc) * pw, top + (i / pc) * ph, pw, ph);
            RenderPanel(svg, panels[i], cell, lo, hi);
        }
        double barH = Math.Min(260, height - top - 40);
        RenderColorBar(svg, new PixelRect(width - barArea + 8, top + Math.Max(20, (height - top - barH) / 2), 14, barH), lo, hi);
        return svg.ToString();
    }

    /// <summary>Panels per row that gives the largest tiles in the available area.</summary>
    private int BestPanelColumns(int panels, double w, double h)
    {
        int cols = Tiles.Max(t => t.Column) - Tiles.Min(t => t.Column) + 1;
        int rows = Tiles.Max(t => t.Row) - Tiles.Min(t => t.Row) + 1;
        int best = 1;
        double bestSize = 0;
        for (int pc = 1; pc <= panels; pc++)
        {
            int pr = (int)Math.Ceiling(panels / (double)pc);
            double size = Math.Min((w / pc - 8) / cols, (h / pr - 26) / rows);
            if (size > bestSize + 1e-9) { bestSize = size; best = pc; }
        }
        return best;
    }

    private void RenderPanel(SvgWriter svg, TileMapPanel panel, PixelRect cell, double lo, double hi)
    {
        int cols = Tiles.Max(t => t.Column) + 1, rows = Tiles.Max(t => t.Row) + 1;
        int minCol = Tiles.Min(t => t.Column), minRow = Tiles.Min(t => t.Row);
        cols -= minCol; rows -= minRow;
        double titleH = panel.Title.Length > 0 ? 20 : 0;
        double size = Math.Min((cell.Width - 8) / cols, (cell.Height - titleH - 6) / rows);
        // centre the tiles (and the title just above them) in the cell
        double ox = cell.Left + (cell.Width - size * cols) / 2;
        double oy = cell.Top + Math.Max(0, (cell.Height - titleH - 6 - size * rows) / 2) + titleH + 2;
        svg.Open("g", ("class", "tilemap-panel"));
        if (titleH > 0) svg.Text(cell.Left + cell.Width / 2, oy - 8, panel.Title, 13, "middle", "#222222", weight: "bold");
        double gap = Math.Max(1, size * 0.06), font = Math.Clamp(size * 0.3, 6, 13);
        foreach (var t in Tiles)
        {
            double x = ox + (t.Column - minCol) * size, y = oy + (t.Row - minRow) * size;
            bool has = panel.Values.TryGetValue(t.Code, out double v) && double.IsFinite(v);
            Color fill = has ? Scale.At((v - lo) / (hi - lo)) : Color.FromHex("#e3e3e3");
            string textColor = !has ? "#777777" : fill.Luminance() < 0.3 ? "#ffffff" : "#1a1a1a";
            svg.Element("rect", ("x", x + gap / 2), ("y", y + gap / 2), ("width", size - gap), ("height", size - gap),
                ("rx", size * 0.08), ("fill", fill.ToHex()));
            svg.Text(x + size / 2, y + size / 2 + font * 0.35, t.Code, font, "middle", textColor);
        }
        svg.Close();
    }

    private void RenderColorBar(SvgWriter svg, PixelRect bar, double lo, double hi)
    {
        svg.Open("defs").Open("linearGradient", ("id", "tilemap-scale"), ("x1", 0), ("y1", 1), ("x2", 0), ("y2", 0));
        for (int i = 0; i < Scale.Stops.Count; i++)
            svg.Element("stop", ("offset", i / (double)(Scale.Stops.Count - 1)), ("stop-color", Scale.Stops[i].ToHex()));
        svg.Close().Close();
        svg.Open("g", ("class", "colorbar"));
        if (ValueLabel.Length > 0) svg.Text(bar.Left, bar.Top - 8, ValueLabel, 11, "start", "#222222");
        svg.Element("rect", ("x", bar.Left), ("y", bar.Top), ("width", bar.Width), ("height", bar.Height),
            ("fill", "url(#tilemap-scale)"), ("stroke", "#888888"));
        double[] ticks = NumericTicks.Inside(lo, hi, Math.Clamp((int)(bar.Height / 30), 2, 8));
        double step = NumericTicks.StepOf(ticks);
        foreach (double t in ticks)
        {
            double y = bar.Bottom - (t - lo) / (hi - lo) * bar.Height;
            svg.Line(bar.Right, y, bar.Right + 4, y, "#555555");
            svg.Text(bar.Right + 7, y + 4, NumericTicks.Format(t, step), 11, "start", "#333333");
        }
        svg.Close();
    }
}
