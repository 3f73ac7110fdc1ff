using System.Globalization;
using DecapSim.Charts;
using DecapSim.Experiments.Output;

namespace DecapSim.Experiments.Research;

/// <summary>
/// The analysis of a finished <c>abc-smc</c> calibration, recomputed from its store (the same proposals, read back in
/// the same order, so the files do not depend on threads or interruptions): results.csv (every candidate),
/// generations.csv (tolerance schedule), posterior.csv (final weighted population), posterior_summary.csv (weighted
/// mean, sd and quantiles per parameter), fit.csv (per target: MAPE and correlation of the posterior mean in and out of
/// sample), fit_series.csv (per target row: target, posterior mean and 90% band) and charts.
/// </summary>
public static class AbcSmcReport
{
    /// <summary>Writes the analysis; throws <see cref="IncompleteException"/> if the store lacks a run of the calibration.</summary>
    public static IReadOnlyList<string> Write(Experiment e, string outDir, bool charts = true, Action<string>? warn = null)
    {
        var outcome = AbcSmcRunner.Run(e, outDir, 1, simulate: (_, _) =>
            throw new IncompleteException($"the store in {outDir} does not hold every run of the calibration; run `decapsim experiment run` to finish it"));
        var res = outcome.Result;
        var files = new List<string>();
        string paramHeader = string.Join(",", e.Parameters.Select(p => Csv.Text(p.Key)));
        string outHeader = string.Join(",", e.Outputs.Select(o => Csv.Text(o.Text)));
        string Params((int, int) id) => string.Join(",", outcome.Runs[id].Values.Select(kv => Csv.Text(kv.Value)));
        var cols = AbcSmcRunner.TargetColumns(e);
        double wsum = res.Population.Sum(p => p.Weight);

        ExperimentReport.Table(outDir, "results.csv", files, "generation,index,seed," + paramHeader + ",distance," + outHeader,
            res.Evaluated.Select(p =>
            {
                var id = (p.Candidate.Generation, p.Candidate.Index);
                return $"{id.Generation},{id.Index},{p.Candidate.Seed.ToString(CultureInfo.InvariantCulture)},{Params(id)},{Csv.Num(p.Distance)},{string.Join(",", outcome.Runs[id].Outputs.Select(Csv.Num))}";
            }));
        ExperimentReport.Table(outDir, "generations.csv", files, "generation,proposed,entered,acceptance,tolerance,runs,ess," +
            string.Join(",", e.Parameters.Select(p => Csv.Text("mean " + p.Key))),
            res.Generations.Select(g => $"{g.Index},{g.Proposed},{g.Entered},{Csv.Num(g.Acceptance)},{Csv.Num(g.Tolerance)},{g.EvaluationsSoFar * e.Replicates},{Csv.Num(g.EffectiveSampleSize)}," +
                string.Join(",", PopulationMeans(e, res, outcome, g.Index).Select(Csv.Num))));
        string targetHeader = string.Join(",", e.Targets.SelectMany((t, k) => t.Series.Keys.Select((_, i) => Csv.Text(e.Outputs[cols[k][i]].Text))).Distinct());
        var targetCols = e.Targets.SelectMany((t, k) => t.Series.Keys.Select((_, i) => cols[k][i])).Distinct().ToArray();
        ExperimentReport.Table(outDir, "posterior.csv", files, $"rank,generation,index,weight,{paramHeader},distance_{e.Design.Distance.ToString().ToLowerInvariant()},{targetHeader}",
            res.Population.Select((p, rank) =>
            {
                var id = (p.Candidate.Generation, p.Candidate.Index);
                return $"{rank + 1},{id.Generation},{id.Index},{(p.Weight / wsum).ToString("G9", CultureInfo.InvariantCulture)},{Params(id)},{Csv.Num(p.Distance)},{string.Join(",", targetCols.Select(c => Csv.Num(outcome.Runs[id].Outputs[c])))}";
            }));
        var w = res.Population.Select(p => p.Weight).ToArray();
        ExperimentReport.Table(outDir, "posterior_summary.csv", files, "parameter,prior_min,prior_max,particles,runs,ess,mean,sd,q025,q50,q975",
            e.Parameters.Select((p, j) =>
            {
                var v = res.Population.Select(x => Number(outcome, x, j)).ToArray();
                var s = AbcSmc.WeightedSummary(v, w);
                return $"{Csv.Text(p.Key)},{Csv.Num(p.Min)},{Csv.Num(p.Max)},{res.Population.Length},{res.Generations[^1].EvaluationsSoFar * e.Replicates},{Csv.Num(AbcSmc.Ess(res.Population))},{Csv.Num(s.Mean)},{Csv.Num(s.Sd)},{Csv.Num(s.Q025)},{Csv.Num(s.Q50)},{Csv.Num(s.Q975)}";
            }));

        // fit of the posterior: weighted mean and 90% band per target row
        var fitRows = new List<string>();
        var seriesRows = new List<string>();
        var chartFiles = new List<(string Name, Func<Figure> Figure)>();
        for (int k = 0; k < e.Targets.Count; k++)
        {
            var t = e.Targets[k];
            int n = t.Series.Keys.Count;
            var mean = new double[n];
            for (int i = 0; i < n; i++) mean[i] = Band(res, outcome, w, cols[k][i]).Mean;
            var (fin, fout) = FitStatistics.InAndOut(t, mean);
            fitRows.Add($"{Csv.Text(t.Series.Metric)},{Csv.Text(t.Series.File)},in-sample,{fin.Rows},{Csv.Num(fin.MapePercent)},{Csv.Num(fin.Correlation)}");
            fitRows.Add($"{Csv.Text(t.Series.Metric)},{Csv.Text(t.Series.File)},out-of-sample,{fout.Rows},{Csv.Num(fout.MapePercent)},{Csv.Num(fout.Correlation)}");
            // the band over every key the outputs cover (e.g. each year 2007-2024), the target where it has a value
            var keys = SeriesKeys(e, t);
            var band = keys.Select(key => Band(res, outcome, w, e.Outputs.ToList().FindIndex(o => o.Text == OutputFor(t, key)))).ToArray();
            for (int i = 0; i < keys.Length; i++)
            {
                int row = t.Series.Keys.ToList().IndexOf(keys[i]);
                string sample = row < 0 ? "" : t.InFit(keys[i]) ? "fit" : "held-out";
                seriesRows.Add($"{Csv.Text(t.Series.Metric)},{keys[i]},{sample},{(row < 0 ? "" : Csv.Num(t.Series.Values[row]))},{Csv.Num(band[i].Mean)},{Csv.Num(band[i].Lo)},{Csv.Num(band[i].Hi)}");
            }
            var tt = t;
            chartFiles.Add(($"fit_{ExperimentReport.Slug(t.Series.Metric)}", () => FitChart(tt, keys, band, fin, fout)));
        }
        ExperimentReport.Table(outDir, "fit.csv", files, "metric,target,sample,rows,mape_percent,correlation", fitRows);
        ExperimentReport.Table(outDir, "fit_series.csv", files, "metric,key,sample,target,posterior_mean,posterior_p05,posterior_p95", seriesRows);
        chartFiles.Add(("tolerance", () => ToleranceChart(e, res)));
        if (charts)
        {
            string dir = Path.Combine(outDir, "charts");
            var rendered = ChartRenderer.RenderAll(chartFiles.Select(c => new ChartSpec(c.Name, c.Name, c.Figure())).ToList());
            foreach (var f in Reports.ChartFiles.Write(dir, rendered, warn))
                files.Add("charts/" + Path.GetFileName(f));
        }
        files.Add("experiment.json");
        ExperimentReport.WriteSummary(Path.Combine(outDir, "experiment.json"), e, res.Evaluated.Count, files);
        return files;
    }

    private static string OutputFor(FitTarget t, int key) =>
        (t.Series.ByYear ? $"{t.Series.Metric}@year:{key}" : $"{t.Series.Metric}@{key}..{key}").ToLowerInvariant();

    /// <summary>Keys (years or weeks) of the target's metric that the experiment outputs, in order: the target's own rows
    /// and any further <c>metric@year:Y</c> outputs (so a band can cover every year of the run).</summary>
    private static int[] SeriesKeys(Experiment e, FitTarget t)
    {
        var keys = new SortedSet<int>(t.Series.Keys);
        if (t.Series.ByYear)
            foreach (var o in e.Outputs)
                if (o.Year is int y && o.Text == $"{t.Series.Metric}@year:{y}") keys.Add(y);
        return keys.ToArray();
    }

    /// <summary>Weighted posterior mean and 90% band (5% and 95% weighted quantiles) of output column c.</summary>
    private static (double Mean, double Lo, double Hi) Band(AbcSmcResult res, AbcSmcRunner.Outcome o, double[] w, int c)
    {
        if (c < 0) return (double.NaN, double.NaN, double.NaN);
        var v = res.Population.Select(p => o.Runs[(p.Candidate.Generation, p.Candidate.Index)].Outputs[c]).ToArray();
        return (AbcSmc.WeightedSummary(v, w).Mean, WeightedQuantile(v, w, 0.05), WeightedQuantile(v, w, 0.95));
    }

    private static double Number(AbcSmcRunner.Outcome o, AbcParticle p, int j)
    {
        var text = o.Runs[(p.Candidate.Generation, p.Candidate.Index)].Values[j].Value;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : p.Candidate.Unit[j];
    }

    /// <summary>Weighted means of the parameters over the population after generation g (recomputed from the candidates
    /// kept then: the g-th tolerance's particles with the weights they had).</summary>
    private static double[] PopulationMeans(Experiment e, AbcSmcResult res, AbcSmcRunner.Outcome o, int g)
    {
        var gen = res.Generations[g];
        var kept = res.Evaluated.Where(p => p.Candidate.Generation <= g && p.Distance <= gen.Tolerance)
            .OrderBy(p => p.Distance).ThenBy(p => p.Candidate.Generation).ThenBy(p => p.Candidate.Index).Take(res.Population.Length).ToArray();
        var w = kept.Select(p => p.Weight).ToArray();
        return e.Parameters.Select((_, j) => AbcSmc.WeightedSummary(kept.Select(p => Number(o, p, j)).ToArray(), w).Mean).ToArray();
    }

    private static double WeightedQuantile(double[] v, double[] w, double q)
    {
        double ws = w.Sum();
        if (!(ws > 0)) return double.NaN;
        double c = 0;
        foreach (int i in Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ThenBy(i => i))
        {
            c += w[i] / ws;
            if (c >= q - 1e-12) return v[i];
        }
        return v.Max();
    }

    private static Figure FitChart(FitTarget t, int[] keys, (double Mean, double Lo, double Hi)[] band, FitScore fin, FitScore fout)
    {
        string Score(FitScore s) => s.Rows == 0 ? "none" : $"MAPE {s.MapePercent:F1}%, r = {s.Correlation:F2}";
        var c = ChartStyle.NewPlot($"{t.Series.Metric}: calibrated model vs target (fit {Score(fin)}; held out {Score(fout)})");
        c.XLabel(t.Series.ByYear ? "year" : "week");
        if (t.Series.ByYear) ChartStyle.Years(c.Axes.Bottom);
        c.YLabel(t.Series.ByYear && OutputExpr.Flows.Contains(t.Series.Metric) ? $"{t.Series.Metric} per year" : t.Series.Metric);
        var xs = keys.Select(k => (double)k).ToArray();
        var blue = ChartColors.Get(0);
        Draw.Fill(c, xs, band.Select(b => b.Lo).ToArray(), band.Select(b => b.Hi).ToArray(), blue.WithAlpha(Draw.WideBandAlpha + 0.06), "posterior, 90% of particles");
        Draw.Line(c, xs, band.Select(b => b.Mean).ToArray(), blue, "posterior mean");
        var tx = t.Series.Keys.Select(k => (double)k).ToArray();
        var target = Draw.Line(c, tx, t.Series.Values.ToArray(), ChartColors.Get(5), "target", 2.5);
        target.MarkerSize = 7;
        if (tx.Length < 2) target.LineWidth = 0;
        if (t.FitTo is int to && keys.Any(k => k > to)) Draw.Event(c, to + 0.5, "end of the fitted period", text: false);
        if (xs.Length == 0 && tx.Length == 0) ChartStyle.NoData(c, "no target values");
        ChartStyle.LegendInside(c, ScottPlot.Alignment.UpperLeft);
        return new Figure(c, 900, 520);
    }

    private static Figure ToleranceChart(Experiment e, AbcSmcResult res)
    {
        var c = ChartStyle.NewPlot($"ABC-SMC: tolerance by generation ({e.Design.Distance.ToString().ToUpperInvariant()})");
        c.XLabel("runs so far");
        c.YLabel("tolerance (largest distance kept)");
        var xs = res.Generations.Select(g => (double)g.EvaluationsSoFar * e.Replicates).ToArray();
        var ys = res.Generations.Select(g => g.Tolerance).ToArray();
        var l = Draw.Line(c, xs, ys, ChartColors.Get(0), "tolerance");
        l.MarkerSize = 7;
        if (xs.Length == 0) ChartStyle.NoData(c, "no generation finished");
        else ChartStyle.YFromZero(c, ys.Where(double.IsFinite).DefaultIfEmpty(1).Max());
        return new Figure(c, 800, 460);
    }
}
