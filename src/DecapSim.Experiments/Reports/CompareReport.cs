using DecapSim.Charts;
using DecapSim.Core.Metrics;
using DecapSim.Experiments.Compare;
using DecapSim.Experiments.Output;

namespace DecapSim.Experiments.Reports;

/// <summary>
/// The charts and report.html of `decapsim compare`: the violence curves overlaid with the paired differences from
/// the baseline, fragmentation and revenue compared, the comparison table with 95% intervals, the event study and
/// links to each scenario's own report.
/// </summary>
public static class CompareReport
{
    private const int W = 1000, H = 500;

    /// <summary>Writes charts/*.svg (and PNG when rsvg-convert exists) and report.html; returns the files written
    /// relative to the comparison folder.</summary>
    public static IReadOnlyList<string> Write(CompareResult r, Action<string>? warn = null)
    {
        string dir = Path.Combine(r.OutDir, "charts");
        Directory.CreateDirectory(dir);
        var start = r.Baseline.Parameters.StartDate;
        bool sameStart = r.Scenarios.All(s => s.Parameters.StartDate == start);
        var charts = new List<(string Name, string Heading, string Caption, Figure Chart)>
        {
            ("comparison-violence", "Violence curves and differences from the baseline",
                "How to read it: top, weekly homicides of each scenario and of the baseline (dashed), median line with the middle half of the replicates shaded; dashed vertical lines mark the scenarios' events. Bottom: each scenario minus the baseline, replicate by replicate (both use the same random numbers), with the band holding 95% of those paired differences. That band is a spread of replicates, not a confidence interval: where it stays clear of zero, nearly every replicate moves the same way; the table above gives the 95% confidence interval of the mean difference.",
                ComparisonCharts.Violence(r.Scenarios.Select(s => new ComparisonSeries(s.Name, Homicides(s), Events(s))).ToList(),
                    new ComparisonSeries(r.Baseline.Name, Homicides(r.Baseline), Events(r.Baseline)), sameStart ? start : null)),
            ("comparison-fragmentation", "Fragmentation compared",
                "Active factions over time (median of the replicates) in each scenario. More groups mean more rival pairs in contact, the structural source of lasting violence.",
                Lines(r, m => m.ActiveFactions, "Active factions (median of replicates)", "active factions", sameStart)),
            ("comparison-revenue", "Trafficking revenue compared",
                "Cumulative trafficking revenue (a proxy for drugs reaching the US), median of the replicates. Curves that lie on top of each other mean the policy changed violence without changing the trade.",
                Cumulative(r, m => m.RevenueUsd / 1e9, "Cumulative trafficking revenue (billion USD, median of replicates)", "billion USD", sameStart)),
        };
        // render each chart once: the same SVG goes to charts/ and inline into the report
        var rendered = ChartRenderer.RenderAll(charts.Select(c => new ChartSpec(c.Name, c.Heading, c.Chart)).ToList());
        var files = ChartFiles.Write(dir, rendered, warn).Select(f => Path.GetRelativePath(r.OutDir, f)).ToList();
        AtomicFile.WriteAllText(Path.Combine(r.OutDir, "report.html"),
            Html(r, rendered.Select((c, i) => (c.Name, c.Heading, charts[i].Caption, c.Svg ?? "")).ToList()));
        files.Add("report.html");
        return files;
    }

    private static IReadOnlyList<(int Week, string Label)> Events(ScenarioRun s) =>
        RunCharts.TimelineMarks(s.Parameters).Select(e => (e.Week, e.Detail.Length > 0 ? e.Detail : e.Type)).ToList();

    private static IReadOnlyList<double[]> Homicides(ScenarioRun s) => s.Weekly.Select(w => w.Select(m => m.Homicides).ToArray()).ToList();

    private static double[] Xs(ScenarioRun s, int weeks, bool dates) =>
        Enumerable.Range(0, weeks).Select(w => dates ? ChartDates.ToX(s.Parameters.StartDate.AddDays(7 * w)) : w * 12.0 / 52.0).ToArray();

    private static double[] Median(ScenarioRun s, Func<WeeklyMetrics, double> f, bool cumulative) =>
        QuantileBands.Compute(s.Weekly.Select(r => { var v = r.Select(f).ToArray(); return cumulative ? QuantileBands.Cumulative(v) : v; }).ToArray(), 0.5)[0];

    private static Figure Lines(CompareResult r, Func<WeeklyMetrics, double> f, string title, string yLabel, bool dates) => Plot(r, f, title, yLabel, dates, false);
    private static Figure Cumulative(CompareResult r, Func<WeeklyMetrics, double> f, string title, string yLabel, bool dates) => Plot(r, f, title, yLabel, dates, true);

    private static Figure Plot(CompareResult r, Func<WeeklyMetrics, double> f, string title, string yLabel, bool dates, bool cumulative)
    {
        var c = ChartStyle.NewPlot(title);
        var all = new[] { r.Baseline }.Concat(r.Scenarios).ToList();
        double max = 0;
        for (int i = 0; i < all.Count; i++)
        {
            var med = Median(all[i], f, cumulative);
            if (i == 0) Draw.Line(c, Xs(all[i], med.Length, dates), med, ChartColors.Baseline, ComparisonCharts.BaselineLabel(all[i].Name), 2.2, dashed: true);
            else Draw.Line(c, Xs(all[i], med.Length, dates), med, ComparisonCharts.SeriesColor(i - 1), all[i].Name, 1.8);
            max = Math.Max(max, med.DefaultIfEmpty(0).Max());
        }
        var seen = new HashSet<int>();
        foreach (var s in all)
            foreach (var (week, label) in Events(s))
                if (seen.Add(week) && week < s.Parameters.Weeks) Draw.Event(c, Xs(s, week + 1, dates)[week], label);
        ChartStyle.LegendRight(c);
        if (dates) ChartStyle.DateAxis(c); else c.XLabel("months since the start");
        c.YLabel(yLabel);
        ChartStyle.YFromZero(c, max);
        return new Figure(c, W, H);
    }

    private static string Html(CompareResult r, IReadOnlyList<(string Name, string Heading, string Caption, string Svg)> charts)
    {
        var h = new HtmlWriter();
        PageChrome.Head(h, "DecapSim: scenarios compared with " + r.Baseline.Name);
        h.Open("body").Open("main");
        h.Element("p", "DecapSim comparison", ("class", "kicker"));
        h.Element("h1", r.Scenarios.Count == 1 ? $"{r.Scenarios[0].Title}, compared with the baseline" : $"{r.Scenarios.Count} scenarios compared with the baseline");
        h.Open("ul");
        foreach (var s in r.Scenarios) h.Element("li", $"{s.Name}: {s.Title}");
        h.Close("ul");
        h.Element("p", $"Each scenario was run {r.Replicates} times (replicates) with the same random numbers as the baseline (replicate k of every scenario uses the same seed, derived from master seed {r.Seed}), so the differences below are paired: they show what the policy changed, not luck.", ("class", "lead"));
        h.Element("h2", "Key differences");
        if (ReportStats.FewReplicatesWarning(r.Replicates) is { } warning) h.Element("p", warning, ("class", "warn"));
        h.Open("table").Open("thead").Open("tr");
        foreach (var col in new[] { "scenario", "what", "baseline (mean of replicates)", "scenario (mean of replicates)", "mean difference", "95% CI of the mean difference" }) h.Element("th", col);
        h.Close("tr").Close("thead").Open("tbody");
        foreach (var row in r.Rows.Where(x => x.Method == "paired-t"))
        {
            string what = row.Metric switch
            {
                ComparePipeline.CumulativeHomicides => $"homicides over the first {Months(row.HorizonWeeks)}",
                ComparePipeline.CumulativeHomicidesContested => $"of which in contested cells ({Months(row.HorizonWeeks)})",
                ComparePipeline.CumulativeHomicidesUncontested => $"of which in uncontested cells ({Months(row.HorizonWeeks)})",
                ComparePipeline.ActiveFactions => "active factions at the end",
                ComparePipeline.CumulativeRevenue => "trafficking revenue over the run (USD)",
                _ => row.Metric,
            };
            h.Open("tr").Element("td", row.Scenario).Element("td", what)
                .Element("td", HtmlWriter.Int(row.MeanBaseline), ("class", "num")).Element("td", HtmlWriter.Int(row.MeanScenario), ("class", "num"))
                .Element("td", HtmlWriter.Signed(row.MeanDifference), ("class", "num"))
                .Element("td", $"{HtmlWriter.Signed(row.CiLow)} to {HtmlWriter.Signed(row.CiHigh)}", ("class", "num nowrap")).Close("tr");
        }
        h.Close("tbody").Close("table");
        foreach (var line in ContestedSplit(r.Rows)) h.Element("p", line);
        h.Element("p", "How to read the interval: it is the 95% confidence interval of the mean paired difference (a paired t interval; comparison.csv also has bootstrap intervals). " +
            "It says how precisely the average effect over replicates is known. When it excludes 0, the average effect has a clear sign; single replicates may still go the other way, " +
            "because the interval is about the mean, not about every run. When it includes 0, these replicates cannot tell the average effect apart from no effect. " +
            "For the spread of outcomes, see the bands in the charts and each scenario's own report.", ("class", "note"));
        int idx = 0;
        foreach (var c in charts)
        {
            h.Element("h2", c.Heading);
            h.Open("figure").Raw(c.Svg.Length > 0 ? HtmlWriter.InlineSvg(c.Svg, $"c{idx++}-") : "").Element("figcaption", c.Caption).Close("figure");
        }
        var agg = r.EventStudy.Where(e => e.Replicate == "all" && e.Source == "timeline").ToList();
        if (agg.Count > 0)
        {
            h.Element("h2", "Event study: the scenario's own removals");
            h.Element("p", "Homicides in the weeks after each removal the scenario schedules, in the region where it happened (affected), in the other regions where the faction is present (spillover) and in neighbouring regions where it is not (adjacent), against the same weeks of the paired baseline run.", ("class", "lead"));
            h.Open("table").Open("thead").Open("tr");
            foreach (var col in new[] { "scenario", "regions", "weeks after", "scenario", "baseline", "mean difference", "95% CI of the mean difference", "events" }) h.Element("th", col);
            h.Close("tr").Close("thead").Open("tbody");
            foreach (var e in agg)
                h.Open("tr").Element("td", e.Scenario).Element("td", e.RegionType).Element("td", e.WindowWeeks.ToString(), ("class", "num"))
                    .Element("td", HtmlWriter.Int(e.HomicidesScenario), ("class", "num")).Element("td", HtmlWriter.Int(e.HomicidesBaseline), ("class", "num"))
                    .Element("td", HtmlWriter.Signed(e.Difference), ("class", "num")).Element("td", $"{HtmlWriter.Signed(e.CiLow)} to {HtmlWriter.Signed(e.CiHigh)}", ("class", "num nowrap"))
                    .Element("td", e.Events.ToString(), ("class", "num")).Close("tr");
            h.Close("tbody").Close("table");
        }
        h.Element("h2", "Each scenario's own report");
        h.Open("ul");
        foreach (var s in new[] { r.Baseline }.Concat(r.Scenarios))
        {
            string rel = Path.Combine(s.Name, "report.html");
            h.Open("li");
            if (File.Exists(Path.Combine(r.OutDir, rel))) h.Open("a", ("href", rel.Replace('\\', '/'))).Text(s.Title).Close("a");
            else h.Text(s.Title + " (folder " + s.Name + ")");
            h.Close("li");
        }
        h.Close("ul");
        h.Close("main").Close("body").Close("html");
        return h.ToString();
    }

    /// <summary>One sentence per scenario: where its change in homicides over the run happened, in cells contested
    /// at the time of the fighting or in the others (the paired mean differences of the split).</summary>
    public static IEnumerable<string> ContestedSplit(IReadOnlyList<ComparisonRow> rows)
    {
        foreach (var g in rows.Where(x => x.Method == "paired-t").GroupBy(x => x.Scenario))
        {
            var c = g.FirstOrDefault(x => x.Metric == ComparePipeline.CumulativeHomicidesContested);
            var u = g.FirstOrDefault(x => x.Metric == ComparePipeline.CumulativeHomicidesUncontested);
            if (c is null || u is null || double.IsNaN(c.MeanDifference) || double.IsNaN(u.MeanDifference)) continue;
            double total = c.MeanDifference + u.MeanDifference;
            string share = Math.Abs(total) > 0 && Math.Sign(c.MeanDifference) == Math.Sign(total)
                ? $" ({Percent(Math.Abs(c.MeanDifference / total))} of the change)" : "";
            string cBase = c.MeanBaseline + u.MeanBaseline > 0 ? $"; in the baseline {Percent(c.MeanBaseline / (c.MeanBaseline + u.MeanBaseline))} of the homicides are in contested cells" : "";
            yield return $"Where it changed ({g.Key}): over {Months(c.HorizonWeeks)}, homicides in cells contested at the time of the fighting changed by " +
                $"{HtmlWriter.Signed(c.MeanDifference)} (95% CI {HtmlWriter.Signed(c.CiLow)} to {HtmlWriter.Signed(c.CiHigh)}){share}, in uncontested cells by " +
                $"{HtmlWriter.Signed(u.MeanDifference)} (95% CI {HtmlWriter.Signed(u.CiLow)} to {HtmlWriter.Signed(u.CiHigh)}){cBase}.";
        }
    }

    private static string Percent(double share) => (100 * share).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static string Months(int weeks)
    {
        int months = (int)Math.Round(weeks * 12.0 / 52.0);
        return months % 12 == 0 ? $"{months / 12} year{(months == 12 ? "" : "s")}" : $"{months} months";
    }
}
