using System.Xml.Linq;

namespace DecapSim.Charts.Tests.Layout;

public class LineageChartTests
{
    [Fact]
    public void Order_PutsChildrenRightBelowTheirParent()
    {
        var nodes = new[]
        {
            new LineageNode("b", null, 5, null, 10), new LineageNode("a", null, 0, null, 100),
            new LineageNode("a2", "a", 20, null, 5), new LineageNode("a1", "a", 10, 30, 8), new LineageNode("b1", "b", 7, null, 3),
        };
        Assert.Equal(new[] { "a", "a1", "a2", "b", "b1" }, LineageChart.Order(nodes).Select(r => r.Node.Id));
        Assert.Equal(1, LineageChart.Order(nodes).Single(r => r.Node.Id == "a1").Depth);
    }

    [Fact]
    public void Order_BreaksParentCycles()
    {
        var nodes = new[] { new LineageNode("x", "y", 0, null, 1), new LineageNode("y", "x", 1, null, 1) };
        Assert.Equal(2, LineageChart.Order(nodes).Count);
    }

    [Fact]
    public void Rows_AreLabelledInTheMargin_WithPeakSizes()
    {
        var t = new LineageChart { Title = "Splinters", Dates = false };
        t.Add("1", null, 0, null, 12000, "Big cartel");
        t.Add("2", "1", 10, 40, 1500, "Big cartel / splinter 1");
        var text = XDocument.Parse(t.ToFigure(800).ToSvg()).Root!.Value;
        Assert.Contains("Big cartel", text);
        Assert.Contains("splinter 1", text);
        Assert.Contains("12,000", text);
        Assert.Contains("1,500 (ended)", text);
    }

    [Fact]
    public void Height_GrowsWithTheRows() => Assert.True(LineageChart.HeightFor(30) > LineageChart.HeightFor(5));

    [Fact]
    public void NoFactions_SaysSo() => Assert.Contains("no faction split", new LineageChart().ToFigure(600).ToSvg());
}
