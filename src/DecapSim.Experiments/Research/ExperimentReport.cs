using System.Globalization;
using System.Text;
using System.Text.Json;
using DecapSim.Charts;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Output.Tables;

namespace DecapSim.Experiments.Research;

/// <summary>
/// The analysis of a finished experiment, read from its store in unit order (so a merged run and a single run give
/// byte-identical files): design.csv, results.csv, points.csv, then morris.csv, sobol.csv, partial_dependence.csv or
/// posterior.csv + posterior_summary.csv, charts/*.svg and *.png and experiment.json.
/// </summary>
public static class ExperimentReport
{
    /// <summary>Writes the analysis into <paramref name="outDir"/> (whose store holds every unit); returns the files written.</summary>
    /// <remarks>design and results are written as <paramref name="format"/>; the analyses stay CSV.</remarks>
    public static IReadOnlyList<string> Write(Experiment e, string outDir, bool charts = true, Action<string>? warn = null, OutputFormat format = OutputFormat.Both)
    {
        if (e.Design.Type == DesignType.AbcSmc) return AbcSmcReport.Write(e, outDir, charts, warn);
        var plan = DesignPlan.For(e);
        string store = Path.Combine(outDir, "store");
        int R = e.Replicates, P = plan.Count, O = e.Outputs.Count, d = e.Parameters.Count;
        var results = new UnitResult[P * R];
        int missing = 0;
        for (int u = 0; u < results.Length; u++)
        {
            var r = ResultStore.TryRead(store, ExperimentRunner.UnitKey(e, plan, u), e);
            if (r is null) missing++; else results[u] = r with { Point = u / R, Replicate = u % R };
        }
        if (missing > 0) throw new IncompleteException($"{missing} of {results.Length} units are not in {store}");
        // mean output per point over replicates
        var y = new double[O][];
        for (int o = 0; o < O; o++)
        {
            y[o] = new double[P];
            for (int i = 0; i < P; i++)
            {
                double s = 0;
                for (int r = 0; r < R; r++) s += results[i * R + r].Outputs[o];
                y[o][i] = s / R;
            }
        }
        var files = new List<string>();
        string paramHeader = string.Join(",", e.Parameters.Select(p => Csv.Text(p.Key)));
        string outHeader = string.Join(",", e.Outputs.Select(o => Csv.Text(o.Text)));
        string ParamCells(int i) => string.Join(",", plan.Values(e, i).Select(kv => Csv.Text(kv.Value)));

        using (var tables = new TableSet(outDir, format))
        {
            ExperimentTables.Write(tables, e, plan, results);
            files.AddRange(tables.Files);
            tables.Commit(e.CanonicalJson);
        }
        Table(outDir, "points.csv", files, "point,role," + paramHeader + "," + outHeader,
            Enumerable.Range(0, P).Select(i => $"{i},{plan.Role[i]},{ParamCells(i)},{string.Join(",", Enumerable.Range(0, O).Select(o => Csv.Num(y[o][i])))}"));

        var chartFiles = new List<(string Name, Func<Figure> Figure)>();
        switch (e.Design.Type)
        {
            case DesignType.Morris:
            {
                var rows = new List<string>();
                for (int o = 0; o < O; o++)
                {
                    var idx = Analyses.Morris(plan.Unit, y[o], plan.Moved!, d);
                    foreach (var m in idx)
                        rows.Add($"{Csv.Text(e.Outputs[o].Text)},{Csv.Text(e.Parameters[m.Factor].Key)},{Csv.Num(m.Mu)},{Csv.Num(m.MuStar)},{Csv.Num(m.Sigma)},{m.Effects}");
                    int oo = o;
                    chartFiles.Add(($"morris_{Slug(e.Outputs[o].Text)}", () => MorrisChart(e, e.Outputs[oo].Text, idx)));
                }
                Table(outDir, "morris.csv", files, "output,parameter,mu,mu_star,sigma,effects", rows);
                break;
            }
            case DesignType.Saltelli:
            {
                var rows = new List<string>();
                for (int o = 0; o < O; o++)
                {
                    var idx = Analyses.Sobol(y[o], e.Design.N, d, e.Design.Bootstrap, e.Seed);
                    foreach (var s in idx)
                        rows.Add($"{Csv.Text(e.Outputs[o].Text)},{Csv.Text(e.Parameters[s.Factor].Key)},{Csv.Num(s.S1)},{Csv.Num(s.S1Lo)},{Csv.Num(s.S1Hi)},{Csv.Num(s.ST)},{Csv.Num(s.STLo)},{Csv.Num(s.STHi)}");
                    int oo = o;
                    chartFiles.Add(($"sobol_{Slug(e.Outputs[o].Text)}", () => SobolChart(e, e.Outputs[oo].Text, idx)));
                }
                Table(outDir, "sobol.csv", files, "output,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi", rows);
                break;
            }
            case DesignType.Factorial:
            case DesignType.Lhs:
            {
                var rows = new List<string>();
                for (int o = 0; o < O; o++)
                {
                    var series = new List<(string Label, double[] X, double[] Y)>();
                    for (int j = 0; j < d; j++)
                    {
                        var p = e.Parameters[j];
                        int bins = e.Design.Type == DesignType.Factorial ? plan.Levels![j] : e.Design.Bins;
                        var pd = Analyses.PartialDependence(plan.Unit, y[o], j, bins);
                        var xs = new double[bins];
                        for (int b = 0; b < bins; b++)
                        {
                            string lo, hi;
                            if (e.Design.Type == DesignType.Factorial) { lo = hi = p.TextAt(bins == 1 ? 0.5 : (double)b / (bins - 1)); }
                            else { lo = p.TextAt((double)b / bins); hi = p.TextAt(Math.Min(1, (double)(b + 1) / bins)); }
                            xs[b] = (b + 0.5) / bins;
                            rows.Add($"{Csv.Text(e.Outputs[o].Text)},{Csv.Text(p.Key)},{b},{Csv.Text(lo)},{Csv.Text(hi)},{pd[b].Count},{Csv.Num(pd[b].Mean)}");
                        }
                        series.Add((p.Key, xs, pd.Select(v => v.Mean).ToArray()));
                    }
                    int oo = o;
                    chartFiles.Add(($"partial_dependence_{Slug(e.Outputs[o].Text)}", () => PdChart(e.Outputs[oo].Text, series)));
                    if (e.Design.Type == DesignType.Factorial)
                        for (int j = 0; j < d; j++)
                        {
                            int jj = j;
                            chartFiles.Add(($"sweep_{Slug(e.Outputs[o].Text)}_{Slug(e.Parameters[j].Key)}", () => SweepCharts.Render(e, plan, results, oo, jj)));
                        }
                }
                Table(outDir, "partial_dependence.csv", files, "output,parameter,bin,from,to,points,mean", rows);
                break;
            }
            case DesignType.Abc:
            {
                var t = e.Target!;
                var cols = Enumerable.Range(0, t.Keys.Count).Select(k => e.Outputs.ToList().FindIndex(x => x.Text == t.OutputFor(k))).ToArray();
                var sim = Enumerable.Range(0, P).Select(i => cols.Select(c => y[c][i]).ToArray()).ToArray();
                var abc = Analyses.AbcReject(sim, t.Values, e.Design.Distance, e.Design.Quantile);
                var unitNum = (int i, int j) => e.Parameters[j].NumberAt(plan.Unit[i][j]);
                Table(outDir, "posterior.csv", files, $"rank,point,{paramHeader},distance_{e.Design.Distance.ToString().ToLowerInvariant()}," + string.Join(",", cols.Select(c => Csv.Text(e.Outputs[c].Text))),
                    abc.Accepted.Select((i, rank) => $"{rank + 1},{i},{ParamCells(i)},{Csv.Num(abc.Distances[i])},{string.Join(",", sim[i].Select(Csv.Num))}"));
                Table(outDir, "posterior_summary.csv", files, "parameter,prior_min,prior_max,accepted,draws,mean,sd,q025,q50,q975",
                    e.Parameters.Select((p, j) =>
                    {
                        var s = Analyses.Summary(abc.Accepted.Select(i => unitNum(i, j)).ToArray());
                        return $"{Csv.Text(p.Key)},{Csv.Num(p.Min)},{Csv.Num(p.Max)},{abc.Accepted.Length},{P},{Csv.Num(s.Mean)},{Csv.Num(s.Sd)},{Csv.Num(s.Q025)},{Csv.Num(s.Q50)},{Csv.Num(s.Q975)}";
                    }));
                chartFiles.Add(($"calibration", () => AbcChart(e, t, abc, sim)));
                break;
            }
        }
        if (charts)
        {
            string dir = Path.Combine(outDir, "charts");
            var rendered = ChartRenderer.RenderAll(chartFiles.Select(c => new ChartSpec(c.Name, c.Name, c.Figure())).ToList());
            foreach (var f in Reports.ChartFiles.Write(dir, rendered, warn))
                files.Add("charts/" + Path.GetFileName(f));
        }
        files.Add("experiment.json");
        WriteSummary(Path.Combine(outDir, "experiment.json"), e, P, files);
        return files;
    }

    internal static void Table(string dir, string name, List<string> files, string header, IEnumerable<string> rows)
    {
        using var f = new AtomicFile(Path.Combine(dir, name));
        f.Writer.WriteLine(header);
        foreach (var r in rows) f.Writer.WriteLine(r);
        f.Commit();
        files.Add(name);
    }

    internal static void WriteSummary(string path, Experiment e, int points, IReadOnlyList<string> files)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("program", "decapsim");
            w.WriteString("experiment_id", e.Id);
            w.WriteString("name", e.Name);
            w.WriteString("design", DesignSettings.TypeName(e.Design.Type));
            w.WriteNumber("points", points);
            w.WriteNumber("replicates", e.Replicates);
            w.WriteNumber("units", points * e.Replicates);
            w.WriteString("replicate_seeds", "replicate r of every point uses CounterRng.Child(seed, r) (common random numbers)");
            w.WritePropertyName("experiment");
            w.WriteRawValue(e.CanonicalJson);
            w.WriteStartArray("files");
            foreach (var f in files) w.WriteStringValue(f);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        AtomicFile.WriteAllText(path, Encoding.UTF8.GetString(ms.ToArray()));
    }

    /// <summary>A file-name-safe form of an output expression.</summary>
    public static string Slug(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s) sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return sb.ToString();
    }

    private static string Short(string key) => key.Contains('.') ? key[(key.IndexOf('.') + 1)..] : key;

    private static Figure MorrisChart(Experiment e, string output, MorrisIndex[] idx)
    {
        var p = ChartStyle.NewPlot($"Morris screening: {output}");
        p.XLabel("mu* (mean |elementary effect|, per unit of the scaled range)");
        p.YLabel("sigma (interaction / non-linearity)");
        var s = p.Add.ScatterPoints(idx.Select(m => m.MuStar).ToArray(), idx.Select(m => m.Sigma).ToArray());
        s.Color = ChartColors.Get(0);
        s.MarkerSize = 8;
        s.LegendText = "parameters";
        foreach (var m in idx) Label(p, m.MuStar, m.Sigma, Short(e.Parameters[m.Factor].Key));
        if (idx.Length == 0) ChartStyle.NoData(p, "no parameter to screen");
        else { p.Axes.AutoScale(); var l = p.Axes.GetLimits(); p.Axes.SetLimits(0, Math.Max(l.Right * 1.15, 1e-12), 0, Math.Max(l.Top * 1.15, 1e-12)); }
        return new Figure(p, 900, 560);
    }

    private static Figure SobolChart(Experiment e, string output, SobolIndex[] idx)
    {
        var p = ChartStyle.NewPlot($"Sobol indices: {output}");
        p.YLabel("share of output variance");
        var bars = new List<ScottPlot.Bar>();
        foreach (var s in idx)
        {
            bars.Add(new ScottPlot.Bar { Position = s.Factor - 0.2, Value = Math.Max(0, s.S1), Size = 0.38, FillColor = ChartColors.Get(0), LineWidth = 0 });
            bars.Add(new ScottPlot.Bar { Position = s.Factor + 0.2, Value = Math.Max(0, s.ST), Size = 0.38, FillColor = ChartColors.Get(1), LineWidth = 0 });
        }
        p.Add.Bars(bars);
        p.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "first order S1", FillColor = ChartColors.Get(0) });
        p.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "total ST", FillColor = ChartColors.Get(1) });
        p.Axes.Bottom.SetTicks(idx.Select(s => (double)s.Factor).ToArray(), idx.Select(s => Short(e.Parameters[s.Factor].Key)).ToArray());
        if (idx.Length == 0) ChartStyle.NoData(p, "no Sobol index to show");
        else ChartStyle.YFromZero(p, Math.Max(1e-9, idx.Max(s => Math.Max(s.S1, s.ST))));
        ChartStyle.LegendInside(p, ScottPlot.Alignment.UpperRight);
        return new Figure(p, 900, 560);
    }

    private static Figure PdChart(string output, List<(string Label, double[] X, double[] Y)> series)
    {
        var p = ChartStyle.NewPlot($"Partial dependence: {output}");
        p.XLabel("parameter, scaled to its range (0 = min, 1 = max)");
        p.YLabel($"mean {output}");
        for (int i = 0; i < series.Count; i++)
        {
            var l = Draw.Line(p, series[i].X, series[i].Y, ChartColors.Get(i), Short(series[i].Label));
            l.MarkerSize = 6;
        }
        if (series.Count == 0) ChartStyle.NoData(p, "no parameter varied");
        else ChartStyle.LegendRight(p);
        return new Figure(p, 900, 560);
    }

    private static Figure AbcChart(Experiment e, CalibrationTarget t, AbcResult abc, double[][] sim)
    {
        var p = ChartStyle.NewPlot($"ABC calibration: accepted runs vs target ({e.Design.Distance.ToString().ToUpperInvariant()})");
        p.XLabel(t.ByYear ? "year" : "week");
        p.YLabel(t.ByYear ? $"{t.Metric} per year" : t.Metric);
        if (t.ByYear) ChartStyle.Years(p.Axes.Bottom);
        var xs = t.Keys.Select(k => (double)k).ToArray();
        bool first = true;
        foreach (var i in abc.Accepted)
        {
            Draw.Line(p, xs, sim[i], ScottPlot.Color.FromHex("#999999"), first ? $"accepted runs ({abc.Accepted.Length})" : "", 1);
            first = false;
        }
        var target = Draw.Line(p, xs, t.Values.ToArray(), ChartColors.Get(5), "target", 2.5);
        target.MarkerSize = 7;
        if (xs.Length == 0) ChartStyle.NoData(p, "no target values");
        ChartStyle.LegendInside(p, ScottPlot.Alignment.UpperLeft);
        return new Figure(p, 900, 560);
    }

    private static void Label(ScottPlot.Plot p, double x, double y, string text)
    {
        var t = p.Add.Text(text, x, y);
        t.OffsetX = 6;
        t.OffsetY = -4;
        t.LabelFontSize = ChartStyle.TextSize - 1;
        t.LabelFontColor = ScottPlot.Color.FromHex("#222222");
    }
}
