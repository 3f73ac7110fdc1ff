namespace DecapSim.Charts;

/// <summary>
/// Ticks for a date axis (x = day number, see <see cref="ChartDates"/>): on the first day of a month,
/// quarter, half-year or year (or of every 2, 5, 10, ... years), whichever is the finest unit giving
/// at most maxTicks ticks inside the range. Spans under two months tick on days.
/// </summary>
public static class DateTicks
{
    private static readonly string[] MonthNames =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly int[] MonthSteps = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];

    /// <summary>Date ticks inside [min, max].</summary>
    public static Tick[] Inside(double min, double max, int maxTicks = 10)
    {
        if (double.IsNaN(min) || double.IsNaN(max)) return [];
        if (min > max) (min, max) = (max, min);
        maxTicks = Math.Max(2, maxTicks);
        DateOnly a = ChartDates.ToDate(Math.Ceiling(min));
        DateOnly b = ChartDates.ToDate(max);
        if (max - min < 60)
        {
            foreach (int d in new[] { 1, 2, 7, 14 })
            {
                var days = new List<Tick>();
                for (int n = a.DayNumber; n <= b.DayNumber; n++)
                    if (d < 7 ? (n - a.DayNumber) % d == 0 : DateOnly.FromDayNumber(n).DayOfWeek == DayOfWeek.Monday && ((n / 7) % (d / 7) == 0))
                        days.Add(new Tick(n, DateOnly.FromDayNumber(n).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
                if (days.Count <= maxTicks) return days.ToArray();
            }
        }
        foreach (int step in MonthSteps)
        {
            var ticks = new List<Tick>();
            int startIndex = a.Year * 12 + (a.Month - 1);
            if (a.Day != 1) startIndex++;
            // align to multiples of the step (quarters start in Jan/Apr/Jul/Oct, decades at years divisible by 10, ...)
            startIndex = (int)Math.Ceiling(startIndex / (double)step) * step;
            for (int idx = startIndex; ; idx += step)
            {
                int year = idx / 12, month = idx % 12 + 1;
                if (year > 9999) break;
                var d = new DateOnly(year, month, 1);
                if (d > b) break;
                ticks.Add(new Tick(d.DayNumber, Label(d, step, ticks.Count == 0)));
                if (ticks.Count > maxTicks) break;
            }
            if (ticks.Count <= maxTicks) return ticks.ToArray();
        }
        return [];
    }

    /// <summary>Years alone for January or yearly steps; otherwise the month, with the year on the first tick.</summary>
    private static string Label(DateOnly d, int monthStep, bool first)
    {
        string year = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (monthStep >= 12 || d.Month == 1) return year;
        return first ? $"{MonthNames[d.Month - 1]} {year}" : MonthNames[d.Month - 1];
    }
}
