using System.Xml.Linq;
using ScottPlot;

namespace DecapSim.Charts.Tests.Rendering;

public class FigureTests
{
    private static Plot Sample(string title)
    {
        var p = ChartStyle.NewPlot(title);
        Draw.Line(p, new double[] { 0, 1, 2, 3 }, new double[] { 1, 3, 2, 4 }, ChartColors.Get(0), "a line");
        return p;
    }

    [Fact]
    public void SinglePlot_RendersARealPngOfTheRequestedSize()
    {
        var png = new Figure(Sample("One plot"), 640, 360).ToPng();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        using var probe = new PixelProbe(png);
        Assert.Equal(640, probe.Width);
        Assert.Equal(360, probe.Height);
    }

    [Fact]
    public void TitleArea_HasTextPixels()
    {
        // with no usable font every label silently vanishes: the title strip would be blank
        Assert.NotNull(ChartFonts.Family);
        using var probe = new PixelProbe(new Figure(Sample("A title that must be drawn"), 800, 400).ToPng());
        Assert.True(probe.DarkPixels(200, 0, 600, 30) > 150, "no text pixels in the title area");
    }

    [Fact]
    public void Svg_IsXmlWithTheTextAsText()
    {
        var svg = XDocument.Parse(new Figure(Sample("Readable title"), 640, 360).ToSvg());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains("Readable title", svg.Root.Value);
        Assert.Contains("a line", svg.Root.Value);
    }

    [Fact]
    public void Panels_RenderToPngAndSvg_WithEveryPanelsTitle()
    {
        var f = new Figure(new[] { Sample("Top panel"), Sample("Bottom panel") }, PanelLayout.Rows, 700, 600, new[] { 2.0, 1.0 });
        var svg = XDocument.Parse(f.ToSvg());
        Assert.Contains("Top panel", svg.Root!.Value);
        Assert.Contains("Bottom panel", svg.Root.Value);
        using var probe = new PixelProbe(f.ToPng());
        Assert.Equal(700, probe.Width);
        Assert.Equal(600, probe.Height);
        // the background is white, not the canvas' default black
        Assert.Equal(0, probe.DarkPixels(0, 0, 5, 5));
    }

    [Fact]
    public void Grid_PlacesPanelsRowByRow()
    {
        var f = new Figure(Enumerable.Range(0, 5).Select(i => Sample($"panel {i}")).ToList(), PanelLayout.Grid, 900, 600, columns: 3);
        Assert.Equal(3, f.Columns);
        Assert.Contains("panel 4", XDocument.Parse(f.ToSvg()).Root!.Value);
    }

    [Fact]
    public void Figure_RejectsNoPanelsAndTinySizes()
    {
        Assert.Throws<ArgumentException>(() => new Figure(Array.Empty<Plot>(), PanelLayout.Rows, 100, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Figure(Sample("x"), 10, 10));
    }

    [Fact]
    public void RenderAll_KeepsTheOrderAndBothFormats()
    {
        var specs = Enumerable.Range(0, 4).Select(i => new ChartSpec($"c{i}", $"chart {i}", new Figure(Sample($"chart {i}"), 300, 200))).ToList();
        var r = ChartRenderer.RenderAll(specs, threads: 2);
        Assert.Equal(new[] { "c0", "c1", "c2", "c3" }, r.Select(c => c.Name));
        Assert.All(r, c => { Assert.NotNull(c.Png); Assert.NotNull(c.Svg); Assert.Empty(c.Problems); });
        Assert.Contains("chart 2", r[2].Svg);
    }
}

public class FigureDeterminismTests
{
    private static string Make()
    {
        var p = ChartStyle.NewPlot("Same chart");
        var s = p.Add.ScatterPoints(new double[] { 1, 2, 3 }, new double[] { 1, 3, 2 });
        s.LegendText = "points";
        p.Add.Text("label", 2, 3);
        Draw.Line(p, new double[] { 0, 0.5, 1 }, new double[] { 1, 2, 3 }, ChartColors.Get(1), "line");
        ChartStyle.LegendRight(p);
        return new Figure(p, 600, 400).ToSvg();
    }

    [Fact]
    public void SameChart_GivesTheSameSvgBytes_WhateverWasDrawnBefore()
    {
        string a = Make();
        for (int i = 0; i < 7; i++) Make();
        Assert.Equal(a, Make());
    }
}
