using DecapSim.Charts;
using MathNet.Numerics.Statistics;

namespace DecapSim.Experiments.Reports;

/// <summary>One scenario's weekly homicides, replicate by replicate: [replicate][week]. Replicate k must have used
/// the same replicate seed in every scenario compared (common random numbers), so differences can be paired.</summary>
/// <param name="Label">Legend label.</param>
/// <param name="WeeklyHomicides">[replicate][week] homicides.</param>
public sealed record ComparisonSeries(string Label, IReadOnlyList<double[]> WeeklyHomicides);

/// <summary>Charts that compare scenarios with a baseline: violence curves overlaid, and paired differences.</summary>
public static class ComparisonCharts
{
    /// <summary>Default size of <see cref="Violence"/> in pixels.</summary>
    public const int Width = 960, Height = 820;

    /// <summary>
    /// A two-panel <see cref="Multiplot"/>: (a) weekly homicides of the baseline and every scenario (rolling mean,
    /// median line with the 25%-75% band across replicates); (b) each scenario minus the baseline, paired by replicate
    /// (median line with the 2.5%-97.5% band of the paired differences). Only the weeks and replicates all series
    /// share are used. x is the date when <paramref name="start"/> is given, else months since the start.
    /// </summary>
    public static Multiplot Violence(IReadOnlyList<ComparisonSeries> scenarios, ComparisonSeries baseline, DateOnly? start = null, int rolling = 4,
        string title = "Scenarios compared with the baseline")
    {
        var all = scenarios.Prepend(baseline).ToArray();
        int weeks = all.Min(s => s.WeeklyHomicides.Count == 0 ? 0 : s.WeeklyHomicides.Min(r => r.Length));
        int pairs = all.Min(s => s.WeeklyHomicides.Count);
        var xs = Enumerable.Range(0, weeks).Select(w => start is { } d ? ChartDates.ToX(d.AddDays(7 * w)) : w * 12.0 / 52.0).ToArray();

        var m = new Multiplot(2, 1) { Title = title };
        var top = m[0, 0];
        top.Title = $"Weekly homicides ({rolling}-week mean): median and middle 50% of {pairs} replicate{(pairs == 1 ? "" : "s")}";
        top.Axes.Left.Label = "homicides per week";
        top.Axes.Left.Min = 0; // levels read honestly from zero; the panel below shows the differences
        var diff = m[1, 0];
        diff.Title = "Difference from the baseline, paired by replicate: median and 95% band";
        diff.Axes.Left.Label = "homicides per week vs baseline";
        foreach (var c in m.Charts)
        {
            c.Legend.Placement = LegendPlacement.OutsideRight;
            if (start is not null) c.Axes.Bottom.DateTicks = true;
            else c.Axes.Bottom.Label = "months since the start";
        }
        if (weeks == 0 || pairs == 0) return m;

        var baseRolled = baseline.WeeklyHomicides.Take(pairs).Select(r => Rolling(r, weeks, rolling)).ToArray();
        var b = Quantiles(baseRolled, weeks, 0.25, 0.5, 0.75);
        if (pairs > 1) top.Add.Band(xs, b[0], b[2]).WithColor("#000000").FillOpacity = 0.12;
        top.Add.Line(xs, b[1]).WithColor("#000000").WithWidth(2.2).WithLabel(BaselineLabel(baseline.Label));
        diff.Add.Line(xs, new double[weeks]).WithColor("#000000").WithWidth(1.2).WithLabel(BaselineLabel(baseline.Label));

        for (int i = 0; i < scenarios.Count; i++)
        {
            var color = SeriesColor(i);
            var rolled = scenarios[i].WeeklyHomicides.Take(pairs).Select(r => Rolling(r, weeks, rolling)).ToArray();
            var q = Quantiles(rolled, weeks, 0.25, 0.5, 0.75);
            if (pairs > 1) top.Add.Band(xs, q[0], q[2]).WithColor(color).FillOpacity = 0.15;
            var line = top.Add.Line(xs, q[1]).WithColor(color).WithWidth(1.8).WithLabel(Short(scenarios[i].Label));
            var d = rolled.Select((r, k) => r.Zip(baseRolled[k], (a, c) => a - c).ToArray()).ToArray();
            var dq = Quantiles(d, weeks, 0.025, 0.5, 0.975);
            if (pairs > 1) diff.Add.Band(xs, dq[0], dq[2]).WithColor(color).FillOpacity = 0.15;
            var dl = diff.Add.Line(xs, dq[1]).WithColor(color).WithWidth(1.8).WithLabel(Short(scenarios[i].Label));
            if (i >= 7) { line.WithDash(); dl.WithDash(); }
        }
        return m;
    }

    /// <summary>Paired differences of cumulative homicides over weeks [0, <paramref name="weeks"/>): per replicate k,
    /// scenario[k] - baseline[k], for the replicates both have.</summary>
    public static double[] PairedCumulativeDifferences(IReadOnlyList<double[]> scenario, IReadOnlyList<double[]> baseline, int weeks)
    {
        int n = Math.Min(scenario.Count, baseline.Count);
        var d = new double[n];
        for (int k = 0; k < n; k++)
        {
            double s = 0;
            for (int w = 0; w < Math.Min(weeks, scenario[k].Length); w++) s += scenario[k][w];
            for (int w = 0; w < Math.Min(weeks, baseline[k].Length); w++) s -= baseline[k][w];
            d[k] = s;
        }
        return d;
    }

    /// <summary>Colour of the i-th scenario (Okabe-Ito without black, which marks the baseline).</summary>
    public static Color SeriesColor(int i) => Palette.Get(i % 7);

    private static string BaselineLabel(string label) =>
        label.Contains("baseline", StringComparison.OrdinalIgnoreCase) ? Short(label) : Short(label) + " (baseline)";

    private static string Short(string label) => label.Length > 42 ? label[..41] + "\u2026" : label;

    private static double[] Rolling(double[] v, int n, int k)
    {
        var r = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) { s += v[i]; if (i >= k) s -= v[i - k]; r[i] = s / Math.Min(i + 1, k); }
        return r;
    }

    private static double[][] Quantiles(double[][] reps, int weeks, params double[] levels)
    {
        var q = levels.Select(_ => new double[weeks]).ToArray();
        var col = new double[reps.Length];
        for (int w = 0; w < weeks; w++)
        {
            for (int r = 0; r < reps.Length; r++) col[r] = reps[r][w];
            Array.Sort(col);
            for (int k = 0; k < levels.Length; k++) q[k][w] = SortedArrayStatistics.QuantileCustom(col, levels[k], QuantileDefinition.R7);
        }
        return q;
    }
}
