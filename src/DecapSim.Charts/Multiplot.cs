using DecapSim.Charts.Svg;

namespace DecapSim.Charts;

/// <summary>Small multiples: a grid of charts in one SVG document.</summary>
public sealed class Multiplot : SvgChartBase
{
    private readonly Chart[] _charts;

    /// <summary>Creates a grid of empty charts.</summary>
    public Multiplot(int rows, int columns)
    {
        if (rows < 1 || columns < 1) throw new ArgumentOutOfRangeException(nameof(rows), "A multiplot needs at least one row and one column.");
        Rows = rows; Columns = columns;
        _charts = Enumerable.Range(0, rows * columns).Select(_ => new Chart()).ToArray();
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Overall title (none when empty).</summary>
    public string Title { get; set; } = "";

    /// <summary>The chart in a cell.</summary>
    public Chart this[int row, int column] => _charts[row * Columns + column];

    /// <summary>All charts, row by row.</summary>
    public IReadOnlyList<Chart> Charts => _charts;

    /// <inheritdoc/>
    public override string GetSvg(int width, int height)
    {
        var svg = new SvgWriter().BeginDocument(width, height);
        svg.Rect(0, 0, width, height, "#ffffff");
        double titleH = Title.Length > 0 ? 34 : 0;
        if (titleH > 0) svg.Text(width / 2.0, 23, Title, 17, "middle", "#111111", weight: "bold");
        double cw = width / (double)Columns, ch = (height - titleH) / Rows;
        for (int i = 0; i < _charts.Length; i++)
        {
            int r = i / Columns, c = i % Columns;
            _charts[i].Render(svg, new PixelRect(c * cw, titleH + r * ch, cw, ch), $"m{i}");
        }
        return svg.ToString();
    }
}
