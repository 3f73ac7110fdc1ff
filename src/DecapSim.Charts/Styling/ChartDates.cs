namespace DecapSim.Charts;

/// <summary>The date convention for x values: an x value is an OLE automation date (days since 1899-12-30), the
/// unit ScottPlot's date axis reads. Call <see cref="ChartStyle.DateAxis"/> to label such an axis with dates.</summary>
public static class ChartDates
{
    /// <summary>x value for a date.</summary>
    public static double ToX(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    /// <summary>x values of weeks 0..n-1 after <paramref name="start"/>.</summary>
    public static double[] Weeks(DateOnly start, int n) => Enumerable.Range(0, n).Select(w => ToX(start.AddDays(7 * w))).ToArray();

    /// <summary>Date at an x value (fractions truncated).</summary>
    public static DateOnly ToDate(double x) => DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(x)));
}
