using System.Xml.Linq;

namespace DecapSim.Charts.Tests.Styling;

public class ChartStyleTests
{
    [Theory]
    [InlineData(200000, "200,000")]
    [InlineData(1500, "1,500")]
    [InlineData(12.5, "12.5")]
    [InlineData(0.25, "0.25")]
    [InlineData(0, "0")]
    [InlineData(-3000, "-3,000")]
    public void FormatTick_UsesSeparatorsAndNoExponent(double v, string expected) => Assert.Equal(expected, ChartStyle.FormatTick(v));

    [Fact]
    public void FormatDate_YearsOnJanuaryFirst_MonthsOtherwise()
    {
        Assert.Equal("2027", ChartStyle.FormatDate(new DateTime(2027, 1, 1)));
        Assert.Equal("Jul 2027", ChartStyle.FormatDate(new DateTime(2027, 7, 1)));
    }

    [Fact]
    public void Years_AreNotPrintedWithASeparator()
    {
        var p = ChartStyle.NewPlot("years");
        ChartStyle.Years(p.Axes.Bottom);
        Draw.Line(p, new double[] { 1980, 1990, 2000 }, new double[] { 1, 2, 3 }, ChartColors.Get(0));
        string text = XDocument.Parse(new Figure(p, 800, 400).ToSvg()).Root!.Value;
        Assert.Contains("1990", text);
        Assert.DoesNotContain("1,990", text);
    }

    [Fact]
    public void NoData_WritesTheMessageOnTheChart()
    {
        var p = ChartStyle.NewPlot("empty");
        ChartStyle.NoData(p, "nothing to show here");
        Assert.True(ChartStyle.IsNoData(p));
        Assert.Contains("nothing to show here", new Figure(p, 400, 300).ToSvg());
    }

    [Fact]
    public void ChartDates_RoundTrip()
    {
        var d = new DateOnly(2026, 2, 22);
        Assert.Equal(d, ChartDates.ToDate(ChartDates.ToX(d)));
        Assert.Equal(7, ChartDates.Weeks(d, 3)[1] - ChartDates.Weeks(d, 3)[0]);
    }

    [Fact]
    public void Palette_HasNoYellowAndCycles()
    {
        Assert.Equal(ChartColors.Get(0), ChartColors.Get(ChartColors.OkabeIto.Count));
        Assert.DoesNotContain(ChartColors.OkabeIto, c => c.R > 200 && c.G > 200 && c.B < 100);
    }
}
