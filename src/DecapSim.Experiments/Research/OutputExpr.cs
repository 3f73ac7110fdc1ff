using System.Globalization;
using DecapSim.Core.Metrics;

namespace DecapSim.Experiments.Research;

/// <summary>How an output reduces a weekly series to one number.</summary>
public enum OutputAggregate { Sum, Value, Mean, Max }

/// <summary>
/// One output of interest, parsed from a small expression: <c>[agg_]metric@W</c>, <c>[agg_]metric@A..B</c> or
/// <c>[agg_]metric@year:YYYY</c>.
/// </summary>
/// <remarks>
/// <c>metric</c> is a <see cref="WeeklyMetrics"/> column (e.g. <c>homicides</c>, <c>active_factions</c>).
/// Weeks are 1-based and inclusive: <c>@104</c> means weeks 1..104 (the first two years), <c>@53..104</c> the second year.
/// Without a prefix, flows (homicides, recruits, arrests, revenue_usd, blockades, arms_*, ...) are summed over the weeks
/// and stocks (members, active_factions, effective_factions, ...) take the value at the last week of the range.
/// Prefixes: <c>cumulative_</c> (sum), <c>final_</c> (value at the last week), <c>mean_</c>, <c>max_</c>.
/// <c>@year:2015</c> covers calendar year 2015 by date; a week straddling New Year counts by the share of its 7 days
/// inside the year (sums) -- so yearly sums compare with yearly statistics such as INEGI homicides.
/// </remarks>
public sealed record OutputExpr(string Text, string Metric, int Column, OutputAggregate Aggregate, int FirstWeek, int LastWeek, int? Year)
{
    /// <summary>Columns that are flows (per-week counts), summed by default.</summary>
    public static readonly IReadOnlySet<string> Flows = MetricCatalog.All
        .Where(m => m.Aggregation == MetricAggregation.Sum).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    private static readonly (string Prefix, OutputAggregate Agg)[] Prefixes =
    {
        ("cumulative_", OutputAggregate.Sum), ("final_", OutputAggregate.Value), ("mean_", OutputAggregate.Mean), ("max_", OutputAggregate.Max),
    };

    /// <summary>What an output expression may look like (for error messages).</summary>
    public const string Allowed = "metric@W, metric@A..B or metric@year:YYYY with an optional cumulative_/final_/mean_/max_ prefix; metric one of the weekly.csv columns";

    /// <summary>Parses an expression; <paramref name="error"/> says what is wrong (null on success).
    /// Week ranges are checked against <paramref name="weeks"/> and years against the run's dates.</summary>
    public static OutputExpr? TryParse(string text, int weeks, DateOnly start, out string? error)
    {
        error = null;
        var t = text.Trim().ToLowerInvariant();
        int at = t.IndexOf('@');
        if (at <= 0 || at == t.Length - 1) { error = "expected metric@week"; return null; }
        string name = t[..at], where = t[(at + 1)..];
        OutputAggregate? agg = null;
        string metric = name;
        int col = MetricCatalog.IndexOf(name);
        if (col < 0)
            foreach (var (prefix, a) in Prefixes)
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    metric = name[prefix.Length..];
                    col = MetricCatalog.IndexOf(metric);
                    agg = a;
                    break;
                }
        if (col < 0)
        {
            error = $"unknown metric '{metric}'" + DecapSim.Scenarios.Suggest.DidYouMean(metric, WeeklyMetrics.Columns);
            return null;
        }
        var aggregate = agg ?? (Flows.Contains(metric) ? OutputAggregate.Sum : OutputAggregate.Value);
        int first, last;
        int? year = null;
        if (where.StartsWith("year:", StringComparison.Ordinal))
        {
            if (!int.TryParse(where[5..], NumberStyles.None, CultureInfo.InvariantCulture, out int y) || y < 1 || y > 9998) { error = "bad year"; return null; }
            var jan1 = new DateOnly(y, 1, 1);
            var end = start.AddDays(7 * weeks);
            if (start > jan1 || end < jan1.AddYears(1))
            {
                error = $"year {y} is not fully inside the run ({start:yyyy-MM-dd} to {end:yyyy-MM-dd})";
                return null;
            }
            year = y;
            // weeks (1-based) that touch the year
            first = Math.Max(1, (jan1.DayNumber - start.DayNumber) / 7 + 1);
            last = Math.Min(weeks, (jan1.AddYears(1).DayNumber - 1 - start.DayNumber) / 7 + 1);
        }
        else
        {
            int dots = where.IndexOf("..", StringComparison.Ordinal);
            string a = dots < 0 ? "1" : where[..dots], b = dots < 0 ? where : where[(dots + 2)..];
            if (!int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out first) ||
                !int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out last)) { error = "expected a week number, A..B or year:YYYY after @"; return null; }
            if (first < 1 || last < first || last > weeks) { error = $"weeks must satisfy 1 <= A <= B <= {weeks} (the run's length)"; return null; }
        }
        return new OutputExpr(t, metric, col, aggregate, first, last, year);
    }

    /// <summary>Evaluates the output on a run's weekly metrics (index 0 = week 1).</summary>
    public double Evaluate(IReadOnlyList<WeeklyMetrics> weekly, DateOnly start)
    {
        if (weekly.Count < LastWeek) throw new InvalidOperationException($"output {Text}: the run has only {weekly.Count} weeks");
        double sum = 0, max = double.NegativeInfinity, wsum = 0;
        for (int w = FirstWeek; w <= LastWeek; w++)
        {
            double v = weekly[w - 1].Get(Column);
            double weight = 1;
            if (Year is int y)
            {
                // days of week w (dates start + 7(w-1) ... +6) inside the year
                int d0 = start.DayNumber + 7 * (w - 1);
                int lo = Math.Max(d0, new DateOnly(y, 1, 1).DayNumber), hi = Math.Min(d0 + 7, new DateOnly(y + 1, 1, 1).DayNumber);
                weight = Math.Max(0, hi - lo) / 7.0;
                if (weight == 0) continue;
            }
            sum += weight * v; wsum += weight;
            if (v > max) max = v;
        }
        return Aggregate switch
        {
            OutputAggregate.Sum => sum,
            OutputAggregate.Mean => wsum > 0 ? sum / wsum : double.NaN,
            OutputAggregate.Max => max,
            _ => weekly[LastWeek - 1].Get(Column),
        };
    }
}
