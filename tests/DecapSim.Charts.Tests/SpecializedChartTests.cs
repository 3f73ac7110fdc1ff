namespace DecapSim.Charts.Tests;

public class SpecializedChartTests
{
    [Fact]
    public void TileMap_MexicoThreePanels_OneTilePerStatePerPanelWithCodes()
    {
        var doc = SvgAssert.Parse(Fixtures.MexicoMap().GetSvg(1100, 450));
        var panels = SvgAssert.All(doc, "g").Where(g => (string?)g.Attribute("class") == "tilemap-panel").ToList();
        Assert.Equal(3, panels.Count);
        foreach (var p in panels)
        {
            Assert.Equal(32, p.Elements(SvgAssert.Ns + "rect").Count());
            var codes = p.Elements(SvgAssert.Ns + "text").Select(t => t.Value).ToHashSet();
            Assert.Contains("CDMX", codes);
            Assert.Contains("YUC", codes);
        }
        Assert.Contains("2010", SvgAssert.Texts(doc));
        Assert.Single(SvgAssert.All(doc, "linearGradient"));
        Assert.Contains("per 100k", SvgAssert.Texts(doc));
    }

    [Fact]
    public void TileMap_MissingValue_DrawnGrey()
    {
        var doc = SvgAssert.Parse(Fixtures.MexicoMap().GetSvg(1100, 450));
        var second = SvgAssert.All(doc, "g").Where(g => (string?)g.Attribute("class") == "tilemap-panel").ElementAt(1);
        Assert.Single(second.Elements(SvgAssert.Ns + "rect"), r => (string?)r.Attribute("fill") == "#e3e3e3");
    }

    [Fact]
    public void TileMap_SharedScale_SameValueSameColourInAllPanels()
    {
        var m = new TileMap([new("A", 0, 0), new("B", 1, 0)]);
        m.AddPanel("one", new Dictionary<string, double> { ["A"] = 0, ["B"] = 5 });
        m.AddPanel("two", new Dictionary<string, double> { ["A"] = 5, ["B"] = 10 });
        var doc = SvgAssert.Parse(m.GetSvg(500, 300));
        var fills = SvgAssert.All(doc, "g").Where(g => (string?)g.Attribute("class") == "tilemap-panel")
            .Select(g => g.Elements(SvgAssert.Ns + "rect").Select(r => (string)r.Attribute("fill")!).ToArray()).ToArray();
        Assert.Equal(fills[0][1], fills[1][0]);
        Assert.NotEqual(fills[0][0], fills[1][1]);
        Assert.Equal((0.0, 10.0), m.ScaleRange());
    }

    [Fact]
    public void TileMap_NoValues_ShowsNoData()
    {
        var m = new TileMap(Fixtures.MexicoTiles);
        m.AddPanel("empty", new Dictionary<string, double> { ["SON"] = double.NaN });
        Assert.Contains("no data", SvgAssert.Texts(SvgAssert.Parse(m.GetSvg(400, 300))));
        Assert.Contains("no data", SvgAssert.Texts(SvgAssert.Parse(new TileMap([]).GetSvg(400, 300))));
    }

    [Fact]
    public void TileMap_DuplicatePosition_Throws() =>
        Assert.Throws<ArgumentException>(() => new TileMap([new("A", 0, 0), new("B", 0, 0)]));

    [Fact]
    public void LineageOrder_Tree_ChildrenDirectlyBelowParentsAndContiguous()
    {
        var order = LineageTree.Order(Fixtures.Lineage().Nodes).Select(r => r.Node.Id).ToList();
        Assert.Equal(["guad", "sin", "blo", "indep", "cjng", "tij", "gulf", "zetas", "nor"], order);
    }

    [Fact]
    public void LineageOrder_MissingParentAndCycle_StillListsEveryNodeOnce()
    {
        var nodes = new[]
        {
            new LineageNode("a", "ghost", 0, 5, 1),
            new LineageNode("b", "c", 1, 5, 1),
            new LineageNode("c", "b", 2, 5, 1),
        };
        var order = LineageTree.Order(nodes).Select(r => r.Node.Id).ToList();
        Assert.Equal(3, order.Distinct().Count());
        Assert.Equal("a", order[0]);
    }

    [Fact]
    public void LineageTree_Render_BarPerFactionConnectorPerChildAndLabels()
    {
        var t = Fixtures.Lineage();
        var doc = SvgAssert.Parse(t.GetSvg(900, 400));
        var bars = SvgAssert.All(doc, "g").Single(g => (string?)g.Attribute("class") == "bars");
        Assert.Equal(9, bars.Elements(SvgAssert.Ns + "rect").Count());
        var connectors = SvgAssert.All(doc, "g").Single(g => (string?)g.Attribute("class") == "connectors");
        Assert.Equal(7, connectors.Elements(SvgAssert.Ns + "line").Count());
        Assert.Contains("Cártel del Noreste", SvgAssert.Texts(doc));
        // bigger peak -> thicker bar
        var heights = bars.Elements(SvgAssert.Ns + "rect").Select(r => double.Parse((string)r.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(heights[1] > heights[3]); // Sinaloa (1200) vs Independiente (60)
    }

    [Fact]
    public void LineageTree_Empty_ShowsNoData() =>
        Assert.Contains("no data", SvgAssert.Texts(SvgAssert.Parse(new LineageTree().GetSvg(400, 300))));
}
