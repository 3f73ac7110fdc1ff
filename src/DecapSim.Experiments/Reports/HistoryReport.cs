using DecapSim.Charts;
using DecapSim.Core.Metrics;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Research;
using DecapSim.Scenarios;
using MathNet.Numerics.Statistics;

namespace DecapSim.Experiments.Reports;

/// <summary>
/// The historical comparison of a run whose scenario declares <c>References</c> (observed yearly series such as INEGI
/// homicides): per reference metric and calendar year of the run, the replicates' mean, median and 90% band against the
/// observed value, and the fit (MAPE, correlation of the replicate mean) in and out of the fitted period. Writes
/// history.csv, history_fit.csv and charts/history_&lt;metric&gt;.svg and .png.
/// </summary>
public static class HistoryReport
{
    /// <summary>One year of one metric: the observed value (NaN if none) and the replicates' statistics.</summary>
    public sealed record Row(string Metric, int Year, string Sample, double Reference, double Mean, double P05, double P50, double P95);

    /// <summary>The fit of one metric on one sample ("in-sample", "out-of-sample" or "all").</summary>
    public sealed record Fit(string Metric, string Sample, FitScore Score);

    /// <summary>Every calendar year fully inside the run, per reference; and the fit scores.</summary>
    public static (IReadOnlyList<Row> Rows, IReadOnlyList<Fit> Fits) Compute(IReadOnlyList<ReferenceSeries> refs, IReadOnlyList<WeeklyMetrics[]> weekly, DateOnly start, int weeks)
    {
        var rows = new List<Row>();
        var fits = new List<Fit>();
        foreach (var r in refs)
        {
            var years = new List<int>();
            for (int y = start.Year; y <= start.AddDays(7 * weeks).Year; y++)
                if (OutputExpr.TryParse($"{r.Metric}@year:{y}", weeks, start, out _) is not null) years.Add(y);
            var mine = new List<Row>();
            foreach (int y in years)
            {
                var expr = OutputExpr.TryParse($"{r.Metric}@year:{y}", weeks, start, out _)!;
                var v = weekly.Select(w => expr.Evaluate(w, start)).ToArray();
                var sorted = v.OrderBy(x => x).ToArray();
                double Q(double q) => SortedArrayStatistics.QuantileCustom(sorted, q, QuantileDefinition.R7);
                double obs = r.ValueOf(y) ?? double.NaN;
                string sample = double.IsNaN(obs) ? "" : r.InFit(y) ? "in-sample" : "out-of-sample";
                mine.Add(new Row(r.Metric, y, sample, obs, v.Average(), Q(0.05), Q(0.5), Q(0.95)));
            }
            rows.AddRange(mine);
            foreach (var sample in new[] { "in-sample", "out-of-sample", "all" })
            {
                var sel = mine.Where(x => !double.IsNaN(x.Reference) && (sample == "all" || x.Sample == sample)).ToArray();
                if (sel.Length == 0) continue;
                var idx = Enumerable.Range(0, sel.Length).ToArray();
                fits.Add(new Fit(r.Metric, sample, FitStatistics.Score(sel.Select(x => x.Mean).ToArray(), sel.Select(x => x.Reference).ToArray(), idx)));
            }
        }
        return (rows, fits);
    }

    /// <summary>What the run report shows of the comparison: the rows, the fits and the rendered charts (none
    /// without charts).</summary>
    public sealed record View(IReadOnlyList<ReferenceSeries> References, IReadOnlyList<Row> Rows, IReadOnlyList<Fit> Fits, IReadOnlyList<RenderedChart> Charts);

    /// <summary>Writes the files into <paramref name="outDir"/>; returns their names (relative).</summary>
    public static IReadOnlyList<string> Write(string outDir, LoadedScenario scenario, DateOnly start, int weeks, IReadOnlyList<WeeklyMetrics[]> weekly, bool charts, Action<string>? warn = null) =>
        Write(outDir, scenario, start, weeks, weekly, charts, out _, warn);

    /// <summary>Writes the files into <paramref name="outDir"/>; returns their names (relative) and, when the scenario
    /// declares references, what the report shows of them.</summary>
    public static IReadOnlyList<string> Write(string outDir, LoadedScenario scenario, DateOnly start, int weeks, IReadOnlyList<WeeklyMetrics[]> weekly, bool charts, out View? view, Action<string>? warn = null)
    {
        var files = new List<string>();
        view = null;
        if (scenario.References.Count == 0 || weekly.Count == 0) return files;
        var (rows, fits) = Compute(scenario.References, weekly, start, weeks);
        IReadOnlyList<RenderedChart> rendered = Array.Empty<RenderedChart>();
        using (var f = new AtomicFile(Path.Combine(outDir, "history.csv")))
        {
            f.Writer.WriteLine("metric,year,sample,reference,mean,p05,median,p95");
            foreach (var r in rows)
                f.Writer.WriteLine($"{r.Metric},{r.Year},{r.Sample},{Csv.Num(r.Reference)},{Csv.Num(r.Mean)},{Csv.Num(r.P05)},{Csv.Num(r.P50)},{Csv.Num(r.P95)}");
            f.Commit();
        }
        files.Add("history.csv");
        using (var f = new AtomicFile(Path.Combine(outDir, "history_fit.csv")))
        {
            f.Writer.WriteLine("metric,sample,years,mape_percent,correlation,reference_file,source");
            foreach (var x in fits)
            {
                var r = scenario.References.First(q => q.Metric == x.Metric);
                f.Writer.WriteLine($"{x.Metric},{x.Sample},{x.Score.Rows},{Csv.Num(x.Score.MapePercent)},{Csv.Num(x.Score.Correlation)},{Csv.Text(r.File)},{Csv.Text(r.Source)}");
            }
            f.Commit();
        }
        files.Add("history_fit.csv");
        if (charts)
        {
            string dir = Path.Combine(outDir, "charts");
            var specs = scenario.References.Select(r => new ChartSpec($"history_{r.Metric}", r.Metric,
                Chart(r, rows.Where(x => x.Metric == r.Metric).ToArray(), fits.Where(x => x.Metric == r.Metric).ToArray(), weekly.Count))).ToList();
            rendered = ChartRenderer.RenderAll(specs);
            foreach (var f in ChartFiles.Write(dir, rendered, warn))
                files.Add("charts/" + Path.GetFileName(f));
        }
        view = new View(scenario.References, rows, fits, rendered);
        return files;
    }

    private static Figure Chart(ReferenceSeries r, Row[] rows, Fit[] fits, int replicates)
    {
        string Score(string sample) => fits.FirstOrDefault(f => f.Sample == sample) is { } f ? $"MAPE {f.Score.MapePercent:F1}%, r = {f.Score.Correlation:F2}" : "none";
        bool flow = OutputExpr.Flows.Contains(r.Metric);
        var c = ChartStyle.NewPlot($"{r.Metric}{(flow ? " per year" : " at the end of the year")}: model vs observed\nfitted years: {Score("in-sample")}; held out: {Score("out-of-sample")}");
        c.XLabel("year");
        ChartStyle.Years(c.Axes.Bottom);
        c.YLabel(flow ? $"{r.Metric} per year" : r.Metric);
        var xs = rows.Select(x => (double)x.Year).ToArray();
        var blue = ChartColors.Get(0);
        if (replicates > 1) Draw.Fill(c, xs, rows.Select(x => x.P05).ToArray(), rows.Select(x => x.P95).ToArray(), blue.WithAlpha(Draw.WideBandAlpha + 0.06), Draw.WideBandLabel("", replicates));
        Draw.Line(c, xs, rows.Select(x => x.Mean).ToArray(), blue, replicates > 1 ? "mean of the replicates" : "model");
        var obs = rows.Where(x => !double.IsNaN(x.Reference)).ToArray();
        if (obs.Length > 0)
        {
            var o = Draw.Line(c, obs.Select(x => (double)x.Year).ToArray(), obs.Select(x => x.Reference).ToArray(), ChartColors.Get(5),
                "observed" + (r.Source.Length > 0 ? $" ({r.Source})" : ""), obs.Length > 1 ? 2.5 : 0);
            o.MarkerSize = 7;
        }
        if (r.FitTo is int to && rows.Any(x => x.Year > to)) Draw.Event(c, to + 0.5, "end of the fitted period", text: false);
        if (rows.Length == 0) ChartStyle.NoData(c, "no model years to show");
        else ChartStyle.YFromZero(c, rows.Select(x => Math.Max(x.P95, double.IsNaN(x.Reference) ? 0 : x.Reference)).Where(double.IsFinite).DefaultIfEmpty(1).Max());
        ChartStyle.LegendInside(c, ScottPlot.Alignment.LowerRight);
        return new Figure(c, 900, 520);
    }
}
