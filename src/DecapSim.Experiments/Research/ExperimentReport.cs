using System.Globalization;
using System.Text;
using System.Text.Json;
using DecapSim.Charts;
using DecapSim.Experiments.Output;

namespace DecapSim.Experiments.Research;

/// <summary>
/// The analysis of a finished experiment, read from its store in unit order (so a merged run and a single run give
/// byte-identical files): design.csv, results.csv, points.csv, then morris.csv, sobol.csv, partial_dependence.csv or
/// posterior.csv + posterior_summary.csv, charts/*.svg and experiment.json.
/// </summary>
public static class ExperimentReport
{
    /// <summary>Writes the analysis into <paramref name="outDir"/> (whose store holds every unit); returns the files written.</summary>
    public static IReadOnlyList<string> Write(Experiment e, string outDir, bool charts = true)
    {
        if (e.Design.Type == DesignType.AbcSmc) return AbcSmcReport.Write(e, outDir, charts);
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

        Table(outDir, "design.csv", files, "point,role," + paramHeader,
            Enumerable.Range(0, P).Select(i => $"{i},{plan.Role[i]},{ParamCells(i)}"));
        Table(outDir, "results.csv", files, "point,replicate,seed," + outHeader,
            results.Select(r => $"{r.Point},{r.Replicate},{r.Seed.ToString(CultureInfo.InvariantCulture)},{string.Join(",", r.Outputs.Select(Csv.Num))}"));
        Table(outDir, "points.csv", files, "point,role," + paramHeader + "," + outHeader,
            Enumerable.Range(0, P).Select(i => $"{i},{plan.Role[i]},{ParamCells(i)},{string.Join(",", Enumerable.Range(0, O).Select(o => Csv.Num(y[o][i])))}"));

        var chartFiles = new List<(string Name, Func<string> Svg)>();
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
                    chartFiles.Add(($"morris_{Slug(e.Outputs[o].Text)}.svg", () => MorrisChart(e, e.Outputs[oo].Text, idx)));
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
                    chartFiles.Add(($"sobol_{Slug(e.Outputs[o].Text)}.svg", () => SobolChart(e, e.Outputs[oo].Text, idx)));
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
                    chartFiles.Add(($"partial_dependence_{Slug(e.Outputs[o].Text)}.svg", () => PdChart(e.Outputs[oo].Text, series)));
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
                chartFiles.Add(("calibration.svg", () => AbcChart(e, t, abc, sim)));
                break;
            }
        }
        if (charts)
        {
            string dir = Path.Combine(outDir, "charts");
            Directory.CreateDirectory(dir);
            foreach (var (name, svg) in chartFiles)
            {
                AtomicFile.WriteAllText(Path.Combine(dir, name), svg());
                files.Add("charts/" + name);
            }
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

    private static string MorrisChart(Experiment e, string output, MorrisIndex[] idx)
    {
        var c = new Chart { Title = $"Morris screening: {output}" };
        c.Axes.Bottom.Label = "mu* (mean |elementary effect|, per unit of the scaled range)";
        c.Axes.Left.Label = "sigma (interaction / non-linearity)";
        c.Axes.Bottom.Min = 0;
        c.Axes.Left.Min = 0;
        c.Add.Scatter(idx.Select(m => m.MuStar).ToArray(), idx.Select(m => m.Sigma).ToArray()).WithLabel("parameters");
        foreach (var m in idx) c.Add.Annotation(m.MuStar, m.Sigma, Short(e.Parameters[m.Factor].Key));
        return c.GetSvg(800, 500);
    }

    private static string SobolChart(Experiment e, string output, SobolIndex[] idx)
    {
        var c = new Chart { Title = $"Sobol indices: {output}" };
        c.Axes.Bottom.Label = "parameter";
        c.Axes.Left.Label = "share of output variance";
        var s1 = c.Add.Bars(idx.Select(s => s.Factor - 0.2).ToArray(), idx.Select(s => Math.Max(0, s.S1)).ToArray()).WithLabel("first order S1");
        s1.BarWidth = 0.38;
        var st = c.Add.Bars(idx.Select(s => s.Factor + 0.2).ToArray(), idx.Select(s => Math.Max(0, s.ST)).ToArray()).WithLabel("total ST");
        st.BarWidth = 0.38;
        foreach (var s in idx) c.Add.Annotation(s.Factor, Math.Max(0, Math.Max(s.S1, s.ST)), Short(e.Parameters[s.Factor].Key));
        return c.GetSvg(800, 500);
    }

    private static string PdChart(string output, List<(string Label, double[] X, double[] Y)> series)
    {
        var c = new Chart { Title = $"Partial dependence: {output}" };
        c.Axes.Bottom.Label = "parameter, scaled to its range (0 = min, 1 = max)";
        c.Axes.Left.Label = $"mean {output}";
        foreach (var (label, x, y) in series) c.Add.Line(x, y).WithLabel(Short(label));
        return c.GetSvg(800, 500);
    }

    private static string AbcChart(Experiment e, CalibrationTarget t, AbcResult abc, double[][] sim)
    {
        var c = new Chart { Title = $"ABC calibration: accepted runs vs target ({e.Design.Distance.ToString().ToUpperInvariant()})" };
        c.Axes.Bottom.Label = t.ByYear ? "year" : "week";
        c.Axes.Left.Label = t.ByYear ? $"{t.Metric} per year" : t.Metric;
        var xs = t.Keys.Select(k => (double)k).ToArray();
        bool first = true;
        foreach (var i in abc.Accepted)
        {
            var l = c.Add.Line(xs, sim[i]).WithColor("#999999").WithWidth(1);
            if (first) { l.WithLabel($"accepted runs ({abc.Accepted.Length})"); first = false; }
        }
        c.Add.Line(xs, t.Values.ToArray()).WithLabel("target").WithColor("#D55E00").WithWidth(2.5);
        c.Add.Scatter(xs, t.Values.ToArray()).WithColor("#D55E00");
        return c.GetSvg(800, 500);
    }
}
