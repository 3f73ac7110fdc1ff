using System.Globalization;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Reports;

/// <summary>index.html of a batch: one line per scenario with its paired difference from the baseline, a link to its
/// report, failures with their errors, and the comparison chart inline.</summary>
public static class BatchIndex
{
    /// <summary>Months after the start at which the one-line results compare cumulative homicides.</summary>
    public const int CompareMonths = 24;

    /// <summary>[replicate][week] homicides of a finished entry.</summary>
    public static double[][] Homicides(BatchRunner.Entry e) =>
        e.Outcome!.Weekly.Select(r => r.Select(m => m.Homicides).ToArray()).ToArray();

    /// <summary>The one-line result of a scenario against the baseline (or on its own when there is none).</summary>
    public static string ResultLine(BatchRunner.Entry e, BatchRunner.Entry? baseline)
    {
        if (!e.Ok) return "failed: " + (e.Error ?? "unknown error").Split('\n')[0];
        var own = Homicides(e);
        int target = ReportStats.WeeksOf(CompareMonths);
        bool paired = baseline is { Ok: true } && !e.IsBaseline;
        var bh = paired ? Homicides(baseline!) : null;
        int weeks = Math.Min(target, own.Min(r => r.Length));
        if (bh != null) weeks = Math.Min(weeks, bh.Min(r => r.Length));
        string when = weeks == target ? $"at {CompareMonths} months" : $"over the first {weeks} weeks";
        if (bh == null)
        {
            var v = ReportStats.Interval(ComparisonCharts.PairedCumulativeDifferences(own, own.Select(r => new double[r.Length]).ToArray(), weeks));
            return $"cumulative homicides {when}: {HtmlWriter.Int(v.Median)} (median; {ReportStats.Spread(v, own.Length)})" +
                   (e.IsBaseline ? "" : "; no baseline to compare with");
        }
        var diffs = ComparisonCharts.PairedCumulativeDifferences(own, bh, weeks);
        var ci = Compare.PairedInterval.T(diffs);
        var d = ReportStats.Interval(diffs);
        return $"cumulative homicides {when}: {HtmlWriter.Signed(ci.Mean)} vs baseline on average ({ReportStats.MeanDifferenceCi(ci)}); " +
               $"paired differences, {ReportStats.Spread(d, diffs.Length, signed: true)}";
    }

    /// <summary>The comparison chart of every scenario that ran against the baseline; null when there is nothing to
    /// compare. Dates on the x axis when all start on the same day, else months since the start.</summary>
    public static Charts.Figure? Comparison(IReadOnlyList<BatchRunner.Entry> entries, BatchRunner.Entry baseline)
    {
        var okScenarios = entries.Where(e => e.Ok).ToArray();
        if (!baseline.Ok || okScenarios.Length == 0) return null;
        var starts = okScenarios.Append(baseline).Select(e => e.Scenario!.Parameters.StartDate).Distinct().ToArray();
        // file names keep the legend narrow; the table gives each one's title
        return ComparisonCharts.Violence(
            okScenarios.Select(e => new ComparisonSeries(e.Name, Homicides(e), Marks(e))).ToArray(),
            new ComparisonSeries(baseline.Name, Homicides(baseline), Marks(baseline)),
            starts.Length == 1 ? starts[0] : null);
    }

    private static IReadOnlyList<(int Week, string Label)> Marks(BatchRunner.Entry e) =>
        RunCharts.TimelineMarks(e.Scenario!.Parameters).Select(m => (m.Week, m.Detail.Length > 0 ? m.Detail : m.Type)).ToList();

    /// <summary>Builds the page (no I/O); <paramref name="chartSvg"/> is the rendered comparison chart, when there is one.</summary>
    public static string Build(IReadOnlyList<BatchRunner.Entry> entries, BatchRunner.Entry baseline, ulong seed, int replicates, string? chartSvg = null)
    {
        var h = new HtmlWriter();
        PageChrome.Head(h, "DecapSim batch: scenarios compared with the baseline");
        h.Open("body").Line().Open("main").Line();
        int ok = entries.Count(e => e.Ok), failed = entries.Count(e => !e.Ok) + (baseline.Ok ? 0 : 1);
        h.Open("header").Element("p", "DecapSim batch", ("class", "kicker"))
            .Element("h1", $"{ok} scenario{(ok == 1 ? "" : "s")} compared with the baseline" + (failed > 0 ? $" ({failed} failed)" : ""))
            .Element("p", "What changes if the state acts differently? Each scenario below was run with the same random draws as the baseline, so the differences come from the scenario, not from luck.", ("class", "question"))
            .Close("header").Line();
        h.Element("p", $"Every scenario ran {replicates} replicate{(replicates == 1 ? "" : "s")} from master seed {seed}. Replicate k uses the same random stream in every scenario " +
            "(common random numbers), so each difference is computed replicate by replicate, scenario minus baseline. Each result gives the mean of those paired differences with its 95% confidence interval (how precisely the average effect is known) and the range holding 90% of them (how much single runs vary). " +
            $"{ok} ran, {failed} failed. Click a scenario for its full report.", ("class", "meta")).Line();

        if (ReportStats.FewReplicatesWarning(replicates) is { } warning) h.Element("p", warning, ("class", "warn")).Line();
        var all = new[] { baseline }.Concat(entries).ToArray();
        var starts = all.Where(e => e.Ok).Select(e => e.Scenario!.Parameters.StartDate).Distinct().ToArray();
        h.Open("section").Element("h2", "Results").Line();
        h.Open("table", ("class", "batch")).Open("thead").Open("tr").Element("th", "Scenario").Element("th", "Question").Element("th", "Result").Close("tr").Close("thead").Open("tbody").Line();
        foreach (var e in all)
        {
            h.Open("tr", ("class", e.Ok ? (e.IsBaseline ? "changed" : null) : "failed"));
            h.Open("td");
            string title = e.Scenario is { } s && !string.IsNullOrWhiteSpace(s.Title) ? s.Title : e.Name;
            if (e.Ok) h.Element("a", title, ("href", $"{Uri.EscapeDataString(e.Name)}/report.html"));
            else h.Text(title);
            h.Element("span", e.IsBaseline && !e.Name.Contains("baseline", StringComparison.OrdinalIgnoreCase) ? $"{e.Name} (baseline)" : e.Name, ("class", "sum"));
            h.Close("td");
            h.Element("td", e.Scenario?.Question ?? "");
            h.Open("td");
            if (e.Ok)
            {
                h.Text(ResultLine(e, baseline));
                var start = e.Scenario!.Parameters.StartDate;
                if (baseline.Ok && start != baseline.Scenario!.Parameters.StartDate)
                    h.Element("span", $"starts {start:yyyy-MM-dd}, the baseline {baseline.Scenario!.Parameters.StartDate:yyyy-MM-dd}: compared by time since the start", ("class", "sum"));
            }
            else
                h.Element("strong", "Failed").Raw("<br/>").Element("code", e.Error ?? "unknown error", ("class", "error"));
            h.Close("td").Close("tr").Line();
        }
        h.Close("tbody").Close("table").Line();
        h.Close("section").Line();

        if (chartSvg is { Length: > 0 })
        {
            h.Open("section").Element("h2", "Violence, scenario by scenario").Line();
            h.Open("figure", ("id", "chart-comparison"));
            h.Raw(HtmlWriter.InlineSvg(chartSvg, "cmp")).Line();
            h.Element("figcaption",
                "How to read it: the top panel shows weekly homicides (four-week mean) in each scenario, named by its file as in the table above; the black line is the baseline, " +
                "each coloured line the median run of a scenario, and the pale band around it the middle half of the runs. The bottom panel " +
                "shows each scenario minus the baseline, replicate by replicate: above zero means more killing than the baseline in that week. " +
                "The band holds 95% of the paired differences, so where it crosses zero the scenario cannot be told apart from the baseline with this many replicates." +
                (starts.Length > 1 ? " The scenarios start on different dates, so time is counted in months since each run's start." : ""));
            h.Close("figure").Line().Close("section").Line();
        }
        h.Open("footer").Element("p", "Each scenario's folder holds its report.html, charts, CSV files and manifest.json.").Close("footer").Line();
        h.Close("main").Line().Close("body").Line().Close("html").Line();
        return h.ToString();
    }
}
