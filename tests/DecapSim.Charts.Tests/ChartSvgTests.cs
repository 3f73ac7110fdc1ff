using System.Xml.Linq;
using System.Globalization;
using DecapSim.Charts.Plottables;

namespace DecapSim.Charts.Tests;

public class ChartSvgTests
{
    private static readonly double[] Xs = [0, 1, 2, 3, 4];

    [Fact]
    public void GetSvg_LineAndBand_ParsesWithPathPerLineAndPolygonForBand()
    {
        var c = new Chart();
        c.Add.Band(Xs, [0, 1, 2, 3, 4], [2, 3, 4, 5, 6]);
        c.Add.Line(Xs, [1, 2, 3, 4, 5]).WithLabel("baseline");
        c.Add.Line(Xs, [5, 4, 3, 2, 1]).WithLabel("kingpin");
        var doc = SvgAssert.Parse(c.GetSvg(600, 400));
        var data = SvgAssert.Group(doc, "data")!;
        Assert.Equal(2, data.Descendants(SvgAssert.Ns + "path").Count());
        Assert.Single(data.Descendants(SvgAssert.Ns + "polygon"));
        var legend = SvgAssert.Group(doc, "legend")!;
        Assert.Equal(["baseline", "kingpin"], legend.Descendants(SvgAssert.Ns + "text").Select(t => t.Value));
    }

    [Fact]
    public void AddLine_Fluent_ReturnsPlottableWithStyle()
    {
        var c = new Chart();
        LinePlot line = c.Add.Line(Xs, Xs).WithLabel("a").WithColor("#123456").WithWidth(3.5).WithDash(2, 2);
        Assert.Equal("a", line.Label);
        Assert.Equal("#123456", line.EffectiveColor.ToHex());
        string svg = c.GetSvg(400, 300);
        Assert.Contains("stroke=\"#123456\"", svg);
        Assert.Contains("stroke-width=\"3.5\"", svg);
        Assert.Contains("stroke-dasharray=\"2 2\"", svg);
    }

    [Fact]
    public void GetSvg_AutoColors_UseDistinctPaletteColors()
    {
        var c = new Chart();
        var a = c.Add.Line(Xs, Xs);
        var b = c.Add.Line(Xs, Xs);
        c.GetSvg(300, 200);
        Assert.Equal(Palette.Get(0), a.EffectiveColor);
        Assert.Equal(Palette.Get(1), b.EffectiveColor);
    }

    [Fact]
    public void GetSvg_AllPlottableKinds_ParsesAndHasElements()
    {
        var c = new Chart { Title = "All kinds" };
        c.Add.Scatter(Xs, [1, 3, 2, 5, 4]).WithLabel("dots");
        c.Add.Bars(Xs, [1, 2, 3, 2, 1]).WithLabel("bars");
        c.Add.StackedArea(Xs, [new double[] { 1, 1, 1, 1, 1 }, new double[] { 2, 2, 2, 2, 2 }], ["low", "high"]);
        c.Add.VerticalLine(2.5, "event");
        c.Add.Annotation(1, 3, "note");
        var doc = SvgAssert.Parse(c.GetSvg(640, 400));
        var data = SvgAssert.Group(doc, "data")!;
        Assert.Equal(5, data.Descendants(SvgAssert.Ns + "rect").Count());
        Assert.Equal(2, data.Descendants(SvgAssert.Ns + "polygon").Count());
        Assert.True(data.Descendants(SvgAssert.Ns + "circle").Count() >= 5);
        var texts = SvgAssert.Texts(doc).ToList();
        Assert.Contains("event", texts);
        Assert.Contains("note", texts);
        Assert.Contains("All kinds", texts);
        Assert.Contains("high", texts);
    }

    [Fact]
    public void GetSvg_NaNInLine_BreaksPathIntoTwoSubpaths()
    {
        var c = new Chart();
        c.Add.Line(Xs, [1, 2, double.NaN, 4, 5]);
        var path = SvgAssert.Group(SvgAssert.Parse(c.GetSvg(400, 300)), "data")!.Descendants(SvgAssert.Ns + "path").Single();
        string d = (string)path.Attribute("d")!;
        Assert.Equal(2, d.Count(ch => ch == 'M'));
        Assert.Equal(2, d.Count(ch => ch == 'L'));
    }

    [Fact]
    public void GetSvg_NaNInBand_SplitsPolygon()
    {
        var c = new Chart();
        c.Add.Band(Xs, [0, 0, double.NaN, 0, 0], [1, 1, 1, 1, 1]);
        var doc = SvgAssert.Parse(c.GetSvg(400, 300));
        Assert.Equal(2, SvgAssert.Group(doc, "data")!.Descendants(SvgAssert.Ns + "polygon").Count());
    }

    [Fact]
    public void GetSvg_EmptyChart_ShowsNoData()
    {
        var doc = SvgAssert.Parse(new Chart { Title = "t" }.GetSvg(400, 300));
        Assert.Contains("no data", SvgAssert.Texts(doc));
    }

    [Fact]
    public void GetSvg_AllNaNAndEmptySeries_ShowsNoDataWithoutThrowing()
    {
        var c = new Chart();
        c.Add.Line([double.NaN, double.NaN], [double.NaN, 1]).WithLabel("nan");
        c.Add.Line([], []);
        c.Add.Band([], [], []);
        c.Add.Scatter([1], [double.NaN]);
        c.Add.Bars([], []);
        c.Add.StackedArea([], [], null);
        var doc = SvgAssert.Parse(c.GetSvg(400, 300));
        Assert.Contains("no data", SvgAssert.Texts(doc));
    }

    [Fact]
    public void GetSvg_LogScaleWithNonPositiveValues_DropsThemAndTicksPowersOfTen()
    {
        var c = new Chart();
        c.Axes.Left.LogScale = true;
        c.Add.Line(Xs, [0, 1, 10, 100, 1000]);
        var doc = SvgAssert.Parse(c.GetSvg(500, 400));
        var labels = SvgAssert.Group(doc, "tick-labels")!.Elements().Select(e => e.Value).ToList();
        Assert.Contains("1000", labels);
        Assert.Contains("10", labels);
        string d = (string)SvgAssert.Group(doc, "data")!.Descendants(SvgAssert.Ns + "path").Single().Attribute("d")!;
        Assert.Equal(3, d.Count(ch => ch == 'L'));
    }

    [Fact]
    public void GetSvg_LabelsWithMarkup_AreEscaped()
    {
        var c = new Chart { Title = "<b>&\"title\"</b>" };
        c.Axes.Bottom.Label = "x < y & z > w";
        c.Add.Line(Xs, Xs).WithLabel("<&>");
        c.Add.VerticalLine(2, "a<b");
        c.Add.Annotation(1, 1, "R&D");
        string svg = c.GetSvg(500, 300);
        Assert.DoesNotContain("<b>", svg);
        var texts = SvgAssert.Texts(SvgAssert.Parse(svg)).ToList();
        Assert.Contains("<&>", texts);
        Assert.Contains("<b>&\"title\"</b>", texts);
        Assert.Contains("x < y & z > w", texts);
        Assert.Contains("a<b", texts);
        Assert.Contains("R&D", texts);
    }

    [Fact]
    public void GetSvg_CommaDecimalCulture_WritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CommaCulture();
            Assert.Equal("0,5", 0.5.ToString(CultureInfo.CurrentCulture)); // the test really runs under a comma culture
            var c = new Chart();
            c.Add.Line([0.1, 0.35, 0.7], [0.25, 1.5, 0.75]).WithWidth(1.5);
            string svg = c.GetSvg(333, 222);
            var doc = SvgAssert.Parse(svg);
            var labels = SvgAssert.Group(doc, "tick-labels")!.Elements().Select(e => e.Value).ToList();
            Assert.Contains("0.5", labels);
            Assert.DoesNotContain(labels, l => l.Contains(','));
            foreach (var a in doc.Descendants().Attributes().Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" or "x1" or "y2" or "stroke-width"))
                Assert.True(double.TryParse(a.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{a.Name}='{a.Value}'");
            Assert.Contains("stroke-width=\"1.5\"", svg);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void GetSvg_LegendWithRoomInCorner_StaysInsidePlot()
    {
        var c = new Chart();
        c.Add.Line(Xs, [0, 1, 2, 3, 4]).WithLabel("rising");
        var doc = SvgAssert.Parse(c.GetSvg(600, 400));
        var box = SvgAssert.Group(doc, "legend")!.Elements().First();
        // data rises to the upper right, so the legend goes to the upper left, inside the plot
        Assert.True(double.Parse((string)box.Attribute("x")!, CultureInfo.InvariantCulture) < 300);
    }

    [Fact]
    public void GetSvg_DataEverywhere_LegendOutsideRight()
    {
        var c = new Chart();
        var xs = Enumerable.Range(0, 200).Select(i => (double)i).ToArray();
        c.Add.Band(xs, xs.Select(_ => 0.0).ToArray(), xs.Select(_ => 10.0).ToArray()).WithLabel("everything");
        var doc = SvgAssert.Parse(c.GetSvg(600, 400));
        var box = SvgAssert.Group(doc, "legend")!.Elements().First();
        var frame = SvgAssert.Group(doc, "data")!.Parent!.Elements(SvgAssert.Ns + "rect")
            .Single(r => (string?)r.Attribute("fill") == "none");
        double frameRight = double.Parse((string)frame.Attribute("x")!, CultureInfo.InvariantCulture) +
                            double.Parse((string)frame.Attribute("width")!, CultureInfo.InvariantCulture);
        Assert.True(double.Parse((string)box.Attribute("x")!, CultureInfo.InvariantCulture) > frameRight);
    }

    [Fact]
    public void GetSvg_FixedLimits_TicksInsideLimits()
    {
        var c = new Chart();
        c.Add.Line(Xs, Xs);
        c.Axes.SetLimits(0.5, 3.5, -1, 7);
        var doc = SvgAssert.Parse(c.GetSvg(500, 400));
        var labels = SvgAssert.Group(doc, "tick-labels")!.Elements().Select(e => double.Parse(e.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.All(labels, v => Assert.InRange(v, -1, 7));
    }

    [Fact]
    public void GetSvg_DateAxis_LabelsAreYears()
    {
        var doc = SvgAssert.Parse(Fixtures.ViolenceCurve().GetSvg(900, 450));
        var labels = SvgAssert.Group(doc, "tick-labels")!.Elements().Select(e => e.Value).ToList();
        Assert.Contains("2008", labels);
        Assert.Contains("2010", labels);
    }

    [Fact]
    public void Multiplot_FourCharts_OneSvgWithFourClipPaths()
    {
        var m = new Multiplot(2, 2) { Title = "Small multiples" };
        for (int i = 0; i < 4; i++)
        {
            m.Charts[i].Title = $"run {i}";
            if (i < 3) m.Charts[i].Add.Line(Xs, Xs.Select(x => x * i).ToArray());
        }
        var doc = SvgAssert.Parse(m.GetSvg(800, 600));
        var ids = SvgAssert.All(doc, "clipPath").Select(e => (string)e.Attribute("id")!).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Contains("no data", SvgAssert.Texts(doc));
        Assert.Contains("run 3", SvgAssert.Texts(doc));
        Assert.Same(m.Charts[3], m[1, 1]);
    }

    [Fact]
    public void SaveSvg_WritesSameAsGetSvg()
    {
        string path = Path.Combine(Path.GetTempPath(), $"chart-{Guid.NewGuid():N}.svg");
        try
        {
            var c = Fixtures.Stacked();
            c.SaveSvg(path, 500, 300);
            Assert.Equal(c.GetSvg(500, 300), File.ReadAllText(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AddLine_MismatchedLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => new Chart().Add.Line([1, 2], [1]));

    private static CultureInfo CommaCulture()
    {
        try
        {
            var de = CultureInfo.GetCultureInfo("de-DE");
            if (de.NumberFormat.NumberDecimalSeparator == ",") return de;
        }
        catch (CultureNotFoundException)
        {
            // invariant globalization mode: fall through to a hand-made German-style culture
        }
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSeparator = ".";
        return c;
    }
}

public class VerticalLineTests
{
    [Fact]
    public void GetSvg_VerticalLineOutsideData_NotDrawnAndLimitsUnchanged()
    {
        var c = new Chart();
        c.Add.Line([0, 1, 2], [0, 1, 2]);
        c.Add.VerticalLine(100, "far away");
        var doc = SvgAssert.Parse(c.GetSvg(500, 300));
        Assert.DoesNotContain("far away", SvgAssert.Texts(doc));
        Assert.DoesNotContain("100", SvgAssert.Group(doc, "tick-labels")!.Elements().Select(e => e.Value));
    }

    [Fact]
    public void GetSvg_OnlyVerticalLine_ShowsNoData()
    {
        var c = new Chart();
        c.Add.VerticalLine(1, "alone");
        Assert.Contains("no data", SvgAssert.Texts(SvgAssert.Parse(c.GetSvg(300, 200))));
    }
}
