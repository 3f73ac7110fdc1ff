using DecapSim.Charts;
using ScottPlot;

namespace DecapSim.Experiments.Reports;

/// <summary>One scenario's weekly homicides, replicate by replicate: [replicate][week]. Replicate k must have used
/// the same replicate seed in every scenario compared (common random numbers), so differences can be paired.</summary>
/// <param name="Label">Legend label.</param>
/// <param name="WeeklyHomicides">[replicate][week] homicides.</param>
/// <param name="Events">The scenario's own timeline events (week, label), marked on the chart.</param>
public sealed record ComparisonSeries(string Label, IReadOnlyList<double[]> WeeklyHomicides, IReadOnlyList<(int Week, string Label)>? Events = null);

/// <summary>Charts that compare scenarios with a baseline: violence curves overlaid, and paired differences.</summary>
public static class ComparisonCharts
{
    /// <summary>Default size of <see cref="Violence"/> in pixels.</summary>
    public const int Width = 1000, Height = 860;

    /// <summary>
    /// Two panels: (a) weekly homicides of the baseline and every scenario (rolling mean, median line with the middle
    /// 50% of replicates as a band); (b) each scenario minus the baseline, paired by replicate (median line with the
    /// band holding 95% of the paired differences). The scenarios' own events are marked on both. Only the weeks and
    /// replicates all series share are used. x is the date when <paramref name="start"/> is given, else months since
    /// the start.
    /// </summary>
    public static Figure Violence(IReadOnlyList<ComparisonSeries> scenarios, ComparisonSeries baseline, DateOnly? start = null, int rolling = 4,
        string title = "Scenarios compared with the baseline")
    {
        var all = scenarios.Prepend(baseline).ToArray();
        int weeks = all.Min(s => s.WeeklyHomicides.Count == 0 ? 0 : s.WeeklyHomicides.Min(r => r.Length));
        int pairs = all.Min(s => s.WeeklyHomicides.Count);
        var xs = Enumerable.Range(0, weeks).Select(w => start is { } d ? ChartDates.ToX(d.AddDays(7 * w)) : w * 12.0 / 52.0).ToArray();

        var top = ChartStyle.NewPlot($"{title}: weekly homicides ({rolling}-week mean), median and middle 50% of {pairs} replicate{(pairs == 1 ? "" : "s")}");
        top.YLabel("homicides per week");
        var diff = ChartStyle.NewPlot("Difference from the baseline, paired by replicate: median and 95% of the paired differences");
        diff.YLabel("homicides per week vs baseline");
        foreach (var c in new[] { top, diff })
        {
            if (start is not null) ChartStyle.DateAxis(c);
            else c.XLabel("months since the start");
        }
        var figure = new Figure(new[] { top, diff }, PanelLayout.Rows, Width, Height, new[] { 0.58, 0.42 });
        if (weeks == 0 || pairs == 0)
        {
            ChartStyle.NoData(top, "no replicate to compare");
            ChartStyle.NoData(diff, "no replicate to compare");
            return figure;
        }

        var baseRolled = baseline.WeeklyHomicides.Take(pairs).Select(r => QuantileBands.Rolling(r[..weeks], rolling)).ToArray();
        var b = QuantileBands.Compute(baseRolled, 0.25, 0.5, 0.75);
        if (pairs > 1) Draw.Fill(top, xs, b[0], b[2], ChartColors.Baseline.WithAlpha(0.14));
        Draw.Line(top, xs, b[1], ChartColors.Baseline, BaselineLabel(baseline.Label), 2.2, dashed: true);
        Draw.Line(diff, xs, new double[weeks], ChartColors.Baseline, "no difference", 1.2, dashed: true);
        double max = b[2].DefaultIfEmpty(0).Max();

        for (int i = 0; i < scenarios.Count; i++)
        {
            var color = SeriesColor(i);
            var rolled = scenarios[i].WeeklyHomicides.Take(pairs).Select(r => QuantileBands.Rolling(r[..weeks], rolling)).ToArray();
            var q = QuantileBands.Compute(rolled, 0.25, 0.5, 0.75);
            if (pairs > 1) Draw.Fill(top, xs, q[0], q[2], color.WithAlpha(0.18));
            Draw.Line(top, xs, q[1], color, Short(scenarios[i].Label), 1.8);
            max = Math.Max(max, q[2].DefaultIfEmpty(0).Max());
            var d = rolled.Select((r, k) => r.Zip(baseRolled[k], (a, c) => a - c).ToArray()).ToArray();
            var dq = QuantileBands.Compute(d, 0.025, 0.5, 0.975);
            if (pairs > 1) Draw.Fill(diff, xs, dq[0], dq[2], color.WithAlpha(0.18));
            Draw.Line(diff, xs, dq[1], color, Short(scenarios[i].Label), 1.8);
        }
        var seen = new HashSet<int>();
        foreach (var s in all)
            foreach (var (week, label) in s.Events ?? [])
                if (week < weeks && seen.Add(week))
                {
                    Draw.Event(top, xs[week], Short(label));
                    Draw.Event(diff, xs[week], Short(label), legend: false).Text = "";
                }
        ChartStyle.YFromZero(top, max);
        ChartStyle.LegendRight(top);
        ChartStyle.LegendRight(diff);
        return figure;
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

    /// <summary>Colour of the i-th scenario (the baseline is dark grey).</summary>
    public static Color SeriesColor(int i) => ChartColors.Get(i);

    /// <summary>The baseline's legend label: its name, said once ("baseline", or "baseline: my-counterfactual").</summary>
    public static string BaselineLabel(string label) =>
        label.Contains("baseline", StringComparison.OrdinalIgnoreCase) ? Short(label) : "baseline: " + Short(label);

    private static string Short(string label) => label.Length > 42 ? label[..41] + "\u2026" : label;
}
