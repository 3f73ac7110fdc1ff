using DecapSim.Core.Metrics;
using DecapSim.Experiments.Compare;
using DecapSim.Experiments.Reports;

namespace DecapSim.Explorer.Runs;

/// <summary>A spread over replicates: the median and the range holding 90% of them (not a confidence interval).</summary>
public sealed record Spread(double Median, double Low, double High);

/// <summary>A paired difference (variant minus baseline, replicate by replicate on the same seeds): the 95% CI of the
/// mean difference and the share of replicates in which the variant is lower.</summary>
public sealed record Difference(double Mean, double? Low, double? High, double ShareLower);

/// <summary>One key number of a run, in the reports' vocabulary.</summary>
public sealed record KeyNumber(string Name, string Unit, Spread Variant, Spread Baseline, Difference? Difference);

/// <summary>The key numbers of a run against its paired baseline: cumulative homicides at 6, 12, 24 and 60 months
/// (those within the horizon) and the state of the groups at the end.</summary>
public static class KeyNumbers
{
    public static IReadOnlyList<KeyNumber> Of(IReadOnlyList<WeeklyMetrics[]> variant, IReadOnlyList<WeeklyMetrics[]> baseline, int weeks, bool paired)
    {
        var list = new List<KeyNumber>();
        if (variant.Count == 0) return list;
        foreach (int m in ReportStats.Months)
        {
            int w = ReportStats.WeeksOf(m);
            if (w > weeks) continue;
            list.Add(Make($"Homicides in the first {m} months", "homicides", ReportStats.CumulativeHomicides(variant, w),
                ReportStats.CumulativeHomicides(baseline, w), paired));
        }
        int last = weeks - 1;
        double[] at(IReadOnlyList<WeeklyMetrics[]> e, Func<WeeklyMetrics, double> f) => e.Select(r => f(r[Math.Min(last, r.Length - 1)])).ToArray();
        list.Add(Make("Active groups at the end", "groups", at(variant, x => x.ActiveFactions), at(baseline, x => x.ActiveFactions), paired));
        list.Add(Make("Effective number of groups at the end", "groups", at(variant, x => x.EffectiveFactions), at(baseline, x => x.EffectiveFactions), paired));
        list.Add(Make("Members at the end", "members", at(variant, x => x.Members), at(baseline, x => x.Members), paired));
        list.Add(Make("Largest group's share at the end", "share", at(variant, x => x.LargestShare), at(baseline, x => x.LargestShare), paired));
        return list;
    }

    private static KeyNumber Make(string name, string unit, double[] v, double[] b, bool paired)
    {
        Difference? d = null;
        int n = Math.Min(v.Length, b.Length);
        if (paired && n > 0)
        {
            var diffs = Enumerable.Range(0, n).Select(i => v[i] - b[i]).ToArray();
            var t = PairedInterval.T(diffs);
            d = new Difference(Math.Round(t.Mean, 4), Finite(t.Low), Finite(t.High), Math.Round(diffs.Count(x => x < 0) / (double)n, 4));
        }
        return new KeyNumber(name, unit, SpreadOf(v), SpreadOf(b), d);
    }

    private static Spread SpreadOf(double[] values)
    {
        if (values.Length == 0) return new Spread(double.NaN, double.NaN, double.NaN);
        var (median, lo, hi) = ReportStats.Interval(values);
        return new Spread(Math.Round(median, 4), Math.Round(lo, 4), Math.Round(hi, 4));
    }

    private static double? Finite(double x) => double.IsFinite(x) ? Math.Round(x, 4) : null;
}
