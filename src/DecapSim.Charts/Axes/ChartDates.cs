namespace DecapSim.Charts;

/// <summary>
/// The date convention for x values: an x value is a day number as in <see cref="DateOnly.DayNumber"/>
/// (days since 0001-01-01), possibly fractional for times of day. Set
/// <c>Axes.Bottom.DateTicks = true</c> to label such an axis with dates.
/// </summary>
public static class ChartDates
{
    /// <summary>x value for a date.</summary>
    public static double ToX(DateOnly date) => date.DayNumber;

    /// <summary>x value for a date and time (fractional day).</summary>
    public static double ToX(DateTime time) => time.Ticks / (double)TimeSpan.TicksPerDay;

    /// <summary>x values for a sequence of dates.</summary>
    public static double[] ToX(IEnumerable<DateOnly> dates) => dates.Select(d => (double)d.DayNumber).ToArray();

    /// <summary>Date at an x value (fractions truncated).</summary>
    public static DateOnly ToDate(double x) =>
        DateOnly.FromDayNumber((int)Math.Clamp(Math.Floor(x), DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
}
