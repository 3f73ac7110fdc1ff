using ScottPlot.Plottables;

namespace DecapSim.Charts.Tests.Layout;

public class TileMapTests
{
    private static TileMap Sample()
    {
        var map = new TileMap(new[] { new Tile("AAA", 0, 0), new Tile("BBB", 1, 0), new Tile("CCC", 0, 1) }) { Title = "Rates", ValueLabel = "per 100,000" };
        map.AddPanel("before", new Dictionary<string, double> { ["AAA"] = 5, ["BBB"] = 10, ["CCC"] = 20 });
        map.AddPanel("after", new Dictionary<string, double> { ["AAA"] = 40, ["BBB"] = double.NaN });
        return map;
    }

    [Fact]
    public void Scale_StartsAtZero_AndEndsAtTheLargestValue()
    {
        var map = Sample();
        Assert.Equal((0.0, 40.0), map.ScaleRange());
        Assert.Equal(map.Scale.Stops[^1], map.ColorOf(40));
        Assert.Equal(map.Scale.Stops[0], map.ColorOf(0));
    }

    [Fact]
    public void EveryPanelDrawsEveryTile_WithItsCode()
    {
        var p = Sample().ToPlot();
        Assert.Equal(6, p.GetPlottables().OfType<Rectangle>().Count());
        var texts = p.GetPlottables().OfType<Text>().Select(t => t.LabelText).ToList();
        Assert.Equal(2, texts.Count(t => t == "AAA"));
        Assert.Contains("before", texts);
        Assert.Contains("after", texts);
    }

    [Fact]
    public void Png_ShowsTheDarkestColourAndTheTitle()
    {
        var map = Sample();
        using var probe = new PixelProbe(map.ToFigure(700, 340).ToPng());
        Assert.True(probe.PixelsNear(map.Scale.Stops[^1], 4) > 100);
        Assert.True(probe.DarkPixels(150, 0, 550, 30) > 80, "no title text");
    }

    [Fact]
    public void NoValues_SaysSoOnTheChart()
    {
        var map = new TileMap(new[] { new Tile("AAA", 0, 0) }) { NoDataText = "nothing mapped" };
        Assert.Contains("nothing mapped", map.ToFigure(400, 300).ToSvg());
    }

    [Fact]
    public void TwoTilesInOnePlace_AreRejected() =>
        Assert.Throws<ArgumentException>(() => new TileMap(new[] { new Tile("A", 0, 0), new Tile("B", 0, 0) }));
}
