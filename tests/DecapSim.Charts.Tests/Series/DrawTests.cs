using ScottPlot;
using ScottPlot.Plottables;

namespace DecapSim.Charts.Tests.Series;

public class DrawTests
{
    private static readonly double[] Xs = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();

    private static Band Sample(int replicates)
    {
        var reps = Enumerable.Range(0, replicates).Select(r => Xs.Select(x => 100 + x + 20 * r).ToArray()).ToArray();
        return QuantileBands.Of(reps);
    }

    [Fact]
    public void Band_AddsTwoShadesThatDifferAndAMedianLine()
    {
        var p = ChartStyle.NewPlot("t");
        Draw.Band(p, Xs, Sample(8), ChartColors.Get(0), "baseline");
        var fills = p.GetPlottables().OfType<FillY>().ToList();
        Assert.Equal(2, fills.Count);
        Assert.NotEqual(fills[0].FillColor.A, fills[1].FillColor.A);
        var labels = p.GetPlottables().SelectMany(x => x.LegendItems).Select(i => i.LabelText).ToList();
        Assert.Contains("baseline: 90% of replicates (~min-max of 8)", labels);
        Assert.Contains("baseline: middle 50% of replicates", labels);
        Assert.Contains("baseline: median of 8 replicates", labels);
    }

    [Fact]
    public void Band_OfOneReplicateIsJustALine()
    {
        var p = ChartStyle.NewPlot("t");
        Draw.Band(p, Xs, Sample(1), ChartColors.Get(0));
        Assert.Empty(p.GetPlottables().OfType<FillY>());
        Assert.Single(p.GetPlottables().OfType<Scatter>());
    }

    [Fact]
    public void WideBandLabel_SaysMinMaxOnlyUnder20()
    {
        Assert.Contains("min-max", Draw.WideBandLabel("", 19));
        Assert.DoesNotContain("min-max", Draw.WideBandLabel("", 20));
    }

    [Fact]
    public void Band_ColourIsInThePng()
    {
        var p = ChartStyle.NewPlot("band");
        var color = Color.FromHex("#0072B2");
        Draw.Band(p, Xs, Sample(10), color);
        ChartStyle.YFromZero(p);
        using var probe = new PixelProbe(new Figure(p, 600, 400).ToPng());
        Assert.True(probe.PixelsNear(PixelProbe.OverWhite(color, Draw.WideBandAlpha)) > 500, "the 90% band colour is missing");
        // the middle band lies over the wide one: the two opacities compound
        double both = 1 - (1 - Draw.WideBandAlpha) * (1 - Draw.MiddleBandAlpha);
        Assert.True(probe.PixelsNear(PixelProbe.OverWhite(color, both)) > 500, "the 50% band colour is missing");
    }

    [Fact]
    public void Event_IsADashedLineWithALabelAndALegendEntry()
    {
        var p = ChartStyle.NewPlot("t");
        var v = Draw.Event(p, 10, "leader killed");
        Assert.Equal(LinePattern.Dashed.Name, v.LinePattern.Name);
        Assert.Contains(p.GetPlottables().OfType<Text>(), t => t.LabelText == "leader killed");
        Assert.Equal("event: leader killed", v.LegendText);
    }
}
