using System.Globalization;
using DecapSim.Charts;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Compare;

namespace DecapSim.Experiments.Reports;

/// <summary>
/// The numbers the run, compare and batch reports print, and the one vocabulary they use for them: a spread of
/// replicates ("90% of replicates", close to the min-max with fewer than 20) is what chance alone does to one
/// scenario; a confidence interval of a mean difference ("95% CI of the mean difference", paired t) is how sure the
/// average effect of a policy is. Formats numbers for readers (thousands separators, no exponents).
/// </summary>
public static class ReportStats
{
    /// <summary>Months after the start at which cumulative homicides are reported.</summary>
    public static readonly int[] Months = { 6, 12, 24, 60 };

    /// <summary>Below this many replicates the 5%-95% spread is close to the smallest-to-largest range.</summary>
    public const int FewReplicates = 20;

    /// <summary>Week index reached <paramref name="months"/> months after the start (26 weeks per 6 months).</summary>
    public static int WeeksOf(int months) => (int)Math.Round(months * 52.0 / 12.0);

    /// <summary>Per replicate, homicides summed over weeks [0, <paramref name="weeks"/>).</summary>
    public static double[] CumulativeHomicides(IReadOnlyList<WeeklyMetrics[]> replicates, int weeks) =>
        replicates.Select(r => { double s = 0; for (int w = 0; w < Math.Min(weeks, r.Length); w++) s += r[w].Homicides; return s; }).ToArray();

    /// <summary>Median and 5%-95% quantiles of values (R type 7, as summary.csv).</summary>
    public static (double Median, double Lo, double Hi) Interval(double[] values)
    {
        var sorted = values.Where(double.IsFinite).OrderBy(v => v).ToArray();
        return (QuantileBands.Quantile(sorted, 0.5), QuantileBands.Quantile(sorted, 0.05), QuantileBands.Quantile(sorted, 0.95));
    }

    /// <summary>"90% of replicates: 1,200 to 1,500" (with "close to the min-max of 8" under 20 replicates), "the same
    /// in every replicate", or "a single replicate: no spread".</summary>
    public static string Spread((double Median, double Lo, double Hi) v, int replicates, bool signed = false)
    {
        if (replicates < 2) return "a single replicate: no spread";
        string f(double x) => signed ? Signed(x) : Int(x);
        if (f(v.Lo) == f(v.Hi)) return "the same in every replicate";
        return $"90% of replicates: {f(v.Lo)} to {f(v.Hi)}" + (replicates < FewReplicates ? $" (close to the min-max of {replicates})" : "");
    }

    /// <summary>The 95% CI of the mean paired difference, worded: "95% CI of the mean difference: +120 to +480".</summary>
    public static string MeanDifferenceCi(Interval ci) =>
        ci.N < 2 || !double.IsFinite(ci.Low) ? "no confidence interval from a single pair"
        : $"95% CI of the mean difference: {Signed(ci.Low)} to {Signed(ci.High)}";

    /// <summary>How to read a t interval of a mean difference, in words a newcomer reads right.</summary>
    public static string ReadCi(Interval ci) =>
        ci.N < 2 || !double.IsFinite(ci.Low) ? "one pair of runs gives no interval"
        : ci.ExcludesZero
            ? $"the average effect is {(ci.Mean > 0 ? "an increase" : "a decrease")}: the 95% confidence interval of the mean difference excludes zero (individual replicates may still differ in sign)"
            : "the average effect cannot be told apart from zero with these replicates: the 95% confidence interval of the mean difference includes zero";

    /// <summary>A warning when intervals rest on very few replicates, else null.</summary>
    public static string? FewReplicatesWarning(int replicates) => replicates switch
    {
        < 2 => "Only one replicate: there is no spread and no interval; run with more replicates (for example --replicates 20).",
        2 => "Only 2 replicates: every interval below comes from two runs and is very rough; use 10 or more before drawing conclusions.",
        < 5 => $"Only {replicates} replicates: the intervals below are rough; use 10 or more before drawing conclusions.",
        _ => null,
    };

    /// <summary>The three headline numbers of a run, one line each: homicides over the run (with the baseline's
    /// difference when there is one), the active factions at the end, the splinters founded.</summary>
    public static IReadOnlyList<string> Headlines(ModelParameters p, IReadOnlyList<WeeklyMetrics[]> weekly, BaselineRun? baseline)
    {
        var lines = new List<string>();
        int reps = weekly.Count;
        if (reps == 0) return new[] { "no replicate finished" };
        int weeks = weekly.Min(r => r.Length);
        string span = SpanText(weeks);
        var h = CumulativeHomicides(weekly, weeks);
        var hv = Interval(h);
        lines.Add($"homicides over {span}: {Int(hv.Median)} (median; {Spread(hv, reps)})");
        if (baseline is { Weekly.Count: > 0 } b)
        {
            int n = Math.Min(reps, b.Weekly.Count);
            var bh = CumulativeHomicides(b.Weekly.Take(n).ToList(), weeks);
            var d = h.Take(n).Zip(bh, (x, y) => x - y).ToArray();
            var ci = PairedInterval.T(d);
            lines[0] += $"; vs baseline {Signed(ci.Mean)} on average ({MeanDifferenceCi(ci)})";
        }
        var f = Interval(weekly.Select(r => r[weeks - 1].ActiveFactions).ToArray());
        var f0 = Interval(weekly.Select(r => r[0].ActiveFactions).ToArray());
        lines.Add($"active factions at the end: {Int(f.Median)} (from {Int(f0.Median)} at the start; {Spread(f, reps)})");
        var sp = Interval(weekly.Select(r => r.Take(weeks).Sum(m => m.NewSplinters)).ToArray());
        lines.Add($"splinter groups founded: {Int(sp.Median)} ({Spread(sp, reps)})");
        return lines;
    }

    /// <summary>The text with a capital first letter.</summary>
    public static string Sentence(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>"2 years", "18 months", "10 weeks".</summary>
    public static string SpanText(int weeks) =>
        weeks % 52 == 0 ? (weeks == 52 ? "1 year" : $"{weeks / 52} years")
        : weeks >= 8 ? $"{Math.Round(weeks * 12 / 52.0):0} months" : $"{weeks} week{(weeks == 1 ? "" : "s")}";

    /// <summary>A whole number with thousands separators ("1,234").</summary>
    public static string Int(double v) => double.IsFinite(v) ? Math.Round(v).ToString("#,0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A signed whole number ("+1,234", "−56", "0").</summary>
    public static string Signed(double v) => !double.IsFinite(v) ? "n/a" : Math.Round(v) > 0 ? "+" + Int(v) : Math.Round(v) == 0 ? "0" : Int(v).Replace("-", "\u2212");

    /// <summary>A number for prose: thousands separators, sensible rounding (three significant digits below 100),
    /// never an exponent ("0.00000004" becomes "less than 0.001").</summary>
    public static string Prose(double v)
    {
        if (!double.IsFinite(v)) return "n/a";
        double a = Math.Abs(v);
        if (a >= 100) return Int(v);
        if (a == 0) return "0";
        if (a < 0.001) return v > 0 ? "less than 0.001" : "more than \u22120.001";
        int decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(a)), 0, 5);
        return Math.Round(v, decimals).ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture).Replace("-", "\u2212");
    }
}
