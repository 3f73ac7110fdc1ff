namespace DecapSim.Charts.Tests;

public class DateTicksTests
{
    public static IEnumerable<object[]> Spans()
    {
        var rng = new Random(7);
        int[] spans = [65, 100, 200, 400, 800, 1500, 3000, 6000, 12000, 40000];
        foreach (int span in spans)
            for (int k = 0; k < 5; k++)
            {
                var start = new DateOnly(1950, 1, 1).AddDays(rng.Next(0, 25000));
                yield return [start.DayNumber + rng.NextDouble(), start.DayNumber + span + rng.NextDouble()];
            }
    }

    [Theory]
    [MemberData(nameof(Spans))]
    public void Inside_SpansOverTwoMonths_TicksOnFirstOfMonth(double min, double max)
    {
        var ticks = DateTicks.Inside(min, max, 10);
        Assert.InRange(ticks.Length, 2, 10);
        foreach (var t in ticks)
        {
            Assert.InRange(t.Position, min, max);
            var d = ChartDates.ToDate(t.Position);
            Assert.Equal(1, d.Day);
            Assert.Equal(d.DayNumber, t.Position);
        }
    }

    [Theory]
    [MemberData(nameof(Spans))]
    public void Inside_MultiYearSpans_TicksOnYearBoundaries(double min, double max)
    {
        if (max - min < 365 * 9) return;
        var ticks = DateTicks.Inside(min, max, 10);
        Assert.All(ticks, t => Assert.Equal(1, ChartDates.ToDate(t.Position).Month));
        Assert.All(ticks, t => Assert.Matches("^[0-9]{4}$", t.Label));
    }

    [Fact]
    public void Inside_OneYearSpan_TicksOnQuarterOrMonthStarts()
    {
        var a = new DateOnly(2010, 2, 10);
        var ticks = DateTicks.Inside(ChartDates.ToX(a), ChartDates.ToX(a.AddDays(365)), 5);
        var months = ticks.Select(t => ChartDates.ToDate(t.Position).Month).ToArray();
        Assert.Equal([4, 7, 10, 1], months);
        Assert.Equal(["Apr 2010", "Jul", "Oct", "2011"], ticks.Select(t => t.Label));
    }

    [Fact]
    public void Inside_TwoWeekSpan_TicksOnDays()
    {
        var a = new DateOnly(2020, 3, 1);
        var ticks = DateTicks.Inside(ChartDates.ToX(a), ChartDates.ToX(a.AddDays(5)), 10);
        Assert.Equal(6, ticks.Length);
        Assert.Equal("2020-03-01", ticks[0].Label);
    }

    [Fact]
    public void ToX_DateTime_FractionalDayNumber()
    {
        Assert.Equal(new DateOnly(2020, 1, 2).DayNumber + 0.5, ChartDates.ToX(new DateTime(2020, 1, 2, 12, 0, 0)));
        Assert.Equal(new DateOnly(2020, 1, 2), ChartDates.ToDate(ChartDates.ToX(new DateTime(2020, 1, 2, 12, 0, 0))));
    }
}
