using ScottPlot.Plottables;

namespace DecapSim.Charts.Tests.Series;

public class SweepChartTests
{
    [Fact]
    public void Sweep_DrawsAMedianWithBandsPerSeries()
    {
        var x = new double[] { 0, 0.5, 1 };
        var reps = x.Select(v => new[] { v, v + 1, v + 2, v + 3 }).ToArray();
        var f = SweepChart.Build("sweep", "interdiction", "homicides", new[] { new SweepSeries("a", x, reps) });
        Assert.Equal(2, f.Main.GetPlottables().OfType<FillY>().Count());
        var line = f.Main.GetPlottables().OfType<Scatter>().Single();
        Assert.Equal(new double[] { 1.5, 2, 2.5 }, line.Data.GetScatterPoints().Select(c => c.Y));
    }

    [Fact]
    public void EmptyCharts_SaySo()
    {
        Assert.Contains("no sweep points", SweepChart.Build("s", "x", "y", Array.Empty<SweepSeries>()).ToSvg());
        Assert.Contains("no points", ScatterChart.Build("s", "x", "y", Array.Empty<ScatterGroup>()).ToSvg());
    }

    [Fact]
    public void Scatter_HasOneSeriesPerGroup()
    {
        var f = ScatterChart.Build("PRIM", "coverage", "density",
            new[] { new ScatterGroup("boxes", new double[] { 0.2, 0.5 }, new double[] { 0.9, 0.6 }), new ScatterGroup("chosen", new double[] { 0.5 }, new double[] { 0.6 }) },
            xLimits: (0, 1), yLimits: (0, 1));
        Assert.Equal(2, f.Main.GetPlottables().OfType<Scatter>().Count());
    }
}
