using DecapSim.Core.Metrics;
using DecapSim.Experiments.Research;

namespace DecapSim.Experiments.Tests.Research;

public class OutputExprTests
{
    private static readonly DateOnly Start = new(2026, 1, 4);

    private static WeeklyMetrics[] Series(int weeks) =>
        Enumerable.Range(0, weeks).Select(w => new WeeklyMetrics { Week = w, Homicides = w + 1, ActiveFactions = 100 + w }).ToArray();

    [Theory]
    [InlineData("cumulative_homicides@10", 55)]       // 1 + ... + 10
    [InlineData("homicides@10", 55)]                  // a flow sums by default
    [InlineData("homicides@3..4", 7)]
    [InlineData("active_factions@10", 109)]           // a stock: value at week 10
    [InlineData("mean_homicides@4", 2.5)]
    [InlineData("max_active_factions@5", 104)]
    [InlineData("final_homicides@6", 6)]
    public void Evaluate_Aggregates(string text, double expected)
    {
        var o = OutputExpr.TryParse(text, 20, Start, out var err);
        Assert.Null(err);
        Assert.Equal(expected, o!.Evaluate(Series(20), Start), 9);
    }

    [Theory]
    [InlineData("homicide@10", "unknown metric")]
    [InlineData("homicides@0", "weeks must")]
    [InlineData("homicides@21", "weeks must")]
    [InlineData("homicides", "expected metric@week")]
    [InlineData("homicides@year:2027", "not fully inside")]
    public void TryParse_Bad_SaysWhy(string text, string why)
    {
        Assert.Null(OutputExpr.TryParse(text, 20, Start, out var err));
        Assert.Contains(why, err);
    }

    [Fact]
    public void Year_WeightsWeeksByDaysInsideTheYear()
    {
        // start 2025-12-28 (a Sunday): week 1 has 4 of its 7 days in 2026
        var start = new DateOnly(2025, 12, 28);
        var weekly = Enumerable.Range(0, 60).Select(w => new WeeklyMetrics { Homicides = 7 }).ToArray();
        var o = OutputExpr.TryParse("homicides@year:2026", 60, start, out var err)!;
        Assert.Null(err);
        Assert.Equal(365, o.Evaluate(weekly, start), 9); // 1 a day
    }
}
