namespace DecapSim.Charts;

/// <summary>One chart rendered in both formats; a format that failed is null and <see cref="Problems"/> says why.</summary>
/// <param name="Name">File stem ("violence").</param>
/// <param name="Heading">A short heading for reports.</param>
/// <param name="Svg">The standalone SVG document, or null.</param>
/// <param name="Png">The PNG image, or null.</param>
/// <param name="Width">Pixel width.</param>
/// <param name="Height">Pixel height.</param>
/// <param name="Problems">One sentence per format that could not be rendered.</param>
public sealed record RenderedChart(string Name, string Heading, string? Svg, byte[]? Png, int Width, int Height, IReadOnlyList<string> Problems);

/// <summary>A chart to render: its file stem, its heading and the figure.</summary>
/// <param name="Name">File stem ("violence").</param>
/// <param name="Heading">A short heading for reports.</param>
/// <param name="Figure">The figure.</param>
public sealed record ChartSpec(string Name, string Heading, Figure Figure);

/// <summary>Renders charts to PNG and SVG, several at a time (a PNG takes ~0.1 s).</summary>
public static class ChartRenderer
{
    /// <summary>Renders every chart, in parallel, keeping the input order.</summary>
    public static IReadOnlyList<RenderedChart> RenderAll(IReadOnlyList<ChartSpec> charts, int threads = 0)
    {
        ChartFonts.Ensure();
        var result = new RenderedChart[charts.Count];
        var po = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        Parallel.For(0, charts.Count, po, i => result[i] = Render(charts[i]));
        return result;
    }

    /// <summary>Renders one chart; a format that fails is left out with the reason in <see cref="RenderedChart.Problems"/>.</summary>
    public static RenderedChart Render(ChartSpec c)
    {
        ChartFonts.Ensure();
        var problems = new List<string>();
        string? svg = null;
        byte[]? png = null;
        try { svg = c.Figure.ToSvg(); }
        catch (Exception e) when (e is not OutOfMemoryException) { problems.Add($"{c.Name}.svg could not be rendered: {e.Message}"); }
        try { png = c.Figure.ToPng(); }
        catch (Exception e) when (e is not OutOfMemoryException) { problems.Add($"{c.Name}.png could not be rendered: {e.Message}"); }
        return new RenderedChart(c.Name, c.Heading, svg, png, c.Figure.Width, c.Figure.Height, problems);
    }
}
