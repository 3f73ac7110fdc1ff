using ScottPlot;
using SkiaSharp;

namespace DecapSim.Charts;

/// <summary>
/// A chart ready to render: one ScottPlot <see cref="Plot"/>, or several plots laid out in rows or columns (panels).
/// Renders to PNG bytes and to an SVG document (text stays text) with no external program; panels go through one
/// <see cref="Multiplot"/> drawn on a Skia canvas, so a panelled chart has its SVG too.
/// </summary>
public sealed class Figure
{
    /// <summary>A single-plot chart.</summary>
    public Figure(Plot plot, int width, int height) : this(new[] { plot }, PanelLayout.Rows, width, height) { }

    /// <summary>A chart of several panels; <paramref name="weights"/> (one per panel) sets their relative sizes.</summary>
    public Figure(IReadOnlyList<Plot> panels, PanelLayout layout, int width, int height, IReadOnlyList<double>? weights = null, int columns = 2)
    {
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), "A grid has at least one column.");
        Columns = layout == PanelLayout.Grid ? columns : layout == PanelLayout.Columns ? panels.Count : 1;
        if (panels.Count == 0) throw new ArgumentException("A figure needs at least one plot.", nameof(panels));
        if (width < 50 || height < 50) throw new ArgumentOutOfRangeException(nameof(width), "A figure is at least 50 x 50 pixels.");
        if (weights is not null && weights.Count != panels.Count) throw new ArgumentException("One weight per panel.", nameof(weights));
        Panels = panels;
        Layout = layout;
        Width = width;
        Height = height;
        Weights = weights ?? panels.Select(_ => 1.0).ToArray();
    }

    /// <summary>The plots, in layout order.</summary>
    public IReadOnlyList<Plot> Panels { get; }

    /// <summary>How the panels are arranged.</summary>
    public PanelLayout Layout { get; }

    /// <summary>Panels per row.</summary>
    public int Columns { get; }

    /// <summary>Relative size of each panel along the layout direction.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The first (or only) plot.</summary>
    public Plot Main => Panels[0];

    /// <summary>Renders to PNG bytes.</summary>
    public byte[] ToPng()
    {
        if (Panels.Count == 1) return Main.GetImageBytes(Width, Height, ImageFormat.Png);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not create a drawing surface.");
        Draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Renders to a standalone SVG document.</summary>
    public string ToSvg()
    {
        if (Panels.Count == 1) return StableIds(Main.GetSvgXml(Width, Height));
        using var ms = new MemoryStream();
        using (var stream = new SKManagedWStream(ms))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), stream))
            Draw(canvas);
        return StableIds(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
    }

    private static readonly System.Text.RegularExpressions.Regex SkiaId = new(@"(?<=id=""|url\(#|href=""#)([a-z]+)_([0-9A-Za-z]+)", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Skia numbers clip paths and gradients from a process-wide counter; renumbering them in order of
    /// appearance makes the same chart give the same bytes in every run, whatever was drawn before.</summary>
    internal static string StableIds(string svg)
    {
        var map = new Dictionary<string, string>();
        return SkiaId.Replace(svg, m =>
        {
            if (!map.TryGetValue(m.Value, out var id)) map[m.Value] = id = $"{m.Groups[1].Value}_{map.Count(k => k.Key.StartsWith(m.Groups[1].Value + "_", StringComparison.Ordinal)) + 1}";
            return id;
        });
    }

    private void Draw(SKCanvas canvas)
    {
        using (var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill })
            canvas.DrawRect(new SKRect(0, 0, Width, Height), white);
        var m = new Multiplot(Panels[0]) { Layout = new WeightedLayout(Layout, Weights, Columns) };
        for (int i = 1; i < Panels.Count; i++) m.Subplots.Add(Panels[i]);
        m.Render(canvas, new PixelRect(0, Width, Height, 0));
    }

    private sealed class WeightedLayout(PanelLayout layout, IReadOnlyList<double> weights, int columns) : IMultiplotLayout
    {
        public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect rect)
        {
            int n = subplots.Count;
            if (layout == PanelLayout.Grid)
            {
                int rowsN = (n + columns - 1) / columns;
                float cw = rect.Width / columns, rh = rect.Height / rowsN;
                return Enumerable.Range(0, n).Select(i => new PixelRect(rect.Left + (i % columns) * cw, rect.Left + (i % columns + 1) * cw,
                    rect.Top + (i / columns + 1) * rh, rect.Top + (i / columns) * rh)).ToArray();
            }
            double total = weights.Take(n).Sum();
            var rects = new PixelRect[n];
            double at = 0;
            for (int i = 0; i < n; i++)
            {
                double w = i < weights.Count ? weights[i] / total : 1.0 / n;
                if (layout == PanelLayout.Rows)
                    rects[i] = new PixelRect(rect.Left, rect.Right, (float)(rect.Top + (at + w) * rect.Height), (float)(rect.Top + at * rect.Height));
                else
                    rects[i] = new PixelRect((float)(rect.Left + at * rect.Width), (float)(rect.Left + (at + w) * rect.Width), rect.Bottom, rect.Top);
                at += w;
            }
            return rects;
        }
    }
}

/// <summary>How the panels of a <see cref="Figure"/> are arranged.</summary>
public enum PanelLayout
{
    /// <summary>Stacked top to bottom.</summary>
    Rows,

    /// <summary>Side by side, left to right.</summary>
    Columns,

    /// <summary>A grid filled row by row (see <see cref="Figure.Columns"/>).</summary>
    Grid,
}
