using System.Globalization;
using System.Text;
using System.Text.Json;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Output.Tables;
using MathNet.Numerics.Statistics;

namespace DecapSim.Experiments.Research;

/// <summary>Raised when a folder cannot be analysed (no results, unknown output, bad threshold): bad input.</summary>
public sealed class DiscoveryException(string message) : Exception(message);

/// <summary>Which runs are the cases of interest: output at or below (or at or above) a quantile or a value.</summary>
/// <param name="Below">True for "at or below", false for "at or above".</param>
/// <param name="Quantile">The quantile level in (0, 1), or null when <paramref name="Value"/> is given.</param>
/// <param name="Value">The threshold itself, or null when a quantile is given.</param>
public sealed record CaseRule(bool Below, double? Quantile, double? Value);

/// <summary>The results of an experiment or sweep folder as PRIM input: one point per run.</summary>
public sealed record DiscoveryData(Experiment Experiment, IReadOnlyList<string> Keys, IReadOnlyList<IReadOnlyList<string>?> Categories,
    double[][] X, string Output, double[] Y);

/// <summary>A finished discovery: the threshold used, the PRIM result, and the final box in words.</summary>
public sealed record Discovery(DiscoveryData Data, CaseRule Rule, double Threshold, bool[] Cases, PrimResult Prim, string Description, IReadOnlyList<string> Files);

/// <summary>
/// `decapsim experiment discover`: scenario discovery with <see cref="Prim"/> over an experiment's or a sweep's
/// results (one point per run: its varied parameters and an output). Writes prim.csv (the peeling trajectory, one
/// row per restricted parameter of each box), prim.txt (the chosen box in words) and charts/prim_tradeoff.svg
/// (coverage against density along the trajectory).
/// </summary>
public static class ScenarioDiscovery
{
    /// <summary>Loads an experiment folder's results (results.csv, else results.parquet) and picks the output.</summary>
    /// <param name="output">An output expression or an unambiguous prefix of one (e.g. <c>cumulative_homicides</c>).</param>
    public static DiscoveryData Load(string dir, string output)
    {
        string summary = Path.Combine(dir, "experiment.json");
        if (!File.Exists(summary))
            throw new DiscoveryException($"{dir}: no experiment.json (not a finished experiment or sweep folder; run `decapsim experiment run` or `decapsim sweep` into it first)");
        Experiment e;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(summary));
            e = ExperimentFile.FromCanonical(doc.RootElement.GetProperty("experiment").GetRawText(), summary);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or Scenarios.ScenarioException)
        {
            throw new DiscoveryException($"{summary}: unreadable ({ex.Message})");
        }
        var outputs = e.Outputs.Select(o => o.Text).ToList();
        string name = ResolveOutput(outputs, output);
        var (header, rows) = ReadResults(dir);
        int Col(string c)
        {
            int k = header.IndexOf(c);
            if (k < 0) throw new DiscoveryException($"{dir}: the results table has no column '{c}' (written by an older DecapSim? re-run the same command to rewrite the tables)");
            return k;
        }
        var keys = e.Parameters.Select(p => p.Key).ToList();
        var pcols = keys.Select(Col).ToArray();
        int ycol = Col(name);
        var categories = e.Parameters.Select(p => ExperimentTables.IsNumeric(p) ? null : (IReadOnlyList<string>?)p.Values).ToList();
        var xs = new List<double[]>();
        var ys = new List<double>();
        foreach (var r in rows)
        {
            if (!double.TryParse(r[ycol], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v)) continue;
            var x = new double[keys.Count];
            for (int j = 0; j < keys.Count; j++)
            {
                string cell = r[pcols[j]];
                x[j] = categories[j] is { } cats ? cats.ToList().IndexOf(cell)
                    : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double pv) ? pv : double.NaN;
                if (double.IsNaN(x[j]) || x[j] < 0 && categories[j] is not null)
                    throw new DiscoveryException($"{dir}: results: '{cell}' is not a value of {keys[j]}");
            }
            xs.Add(x);
            ys.Add(v);
        }
        if (xs.Count < 2) throw new DiscoveryException($"{dir}: fewer than two runs with a value of {name}");
        return new DiscoveryData(e, keys, categories, xs.ToArray(), name, ys.ToArray());
    }

    /// <summary>The output named exactly, or the only one starting with <paramref name="prefix"/>.</summary>
    public static string ResolveOutput(IReadOnlyList<string> outputs, string prefix)
    {
        string p = prefix.Trim().ToLowerInvariant();
        if (outputs.Contains(p)) return p;
        var matches = outputs.Where(o => o.StartsWith(p, StringComparison.Ordinal)).ToList();
        if (matches.Count == 1) return matches[0];
        if (matches.Count == 0) throw new DiscoveryException($"--output: '{prefix}' names no output of this experiment (allowed: {string.Join(", ", outputs)})");
        throw new DiscoveryException($"--output: '{prefix}' is ambiguous: it starts {string.Join(", ", matches)}; give more of the name");
    }

    private static (List<string> Header, List<string[]> Rows) ReadResults(string dir)
    {
        string csv = Path.Combine(dir, "results.csv"), parquet = Path.Combine(dir, "results.parquet");
        if (File.Exists(csv))
        {
            var lines = File.ReadAllLines(csv).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0) throw new DiscoveryException($"{csv}: empty");
            var header = CsvLine.Split(lines[0]);
            return (header, lines.Skip(1).Select(l => CsvLine.Split(l).ToArray()).ToList());
        }
        if (File.Exists(parquet))
        {
            var t = ParquetTable.Read(parquet);
            var rows = Enumerable.Range(0, t.Rows).Select(r => Enumerable.Range(0, t.Columns.Count).Select(c => t.Text(r, c)).ToArray()).ToList();
            return (t.Columns.Select(c => c.Name).ToList(), rows);
        }
        throw new DiscoveryException($"{dir}: no results.csv or results.parquet");
    }

    /// <summary>The threshold of a rule on outputs <paramref name="y"/> (quantile type 7, as R and numpy).</summary>
    public static double Threshold(CaseRule rule, double[] y)
    {
        if (rule.Value is { } v) return v;
        var sorted = (double[])y.Clone();
        Array.Sort(sorted);
        return SortedArrayStatistics.QuantileCustom(sorted, rule.Quantile!.Value, QuantileDefinition.R7);
    }

    /// <summary>Runs PRIM and writes prim.csv, prim.txt and (with <paramref name="charts"/>) the trade-off chart into <paramref name="outDir"/>.</summary>
    public static Discovery Run(DiscoveryData data, CaseRule rule, string outDir, bool charts = true, PrimOptions? options = null, Action<string>? warn = null)
    {
        double t = Threshold(rule, data.Y);
        var cases = data.Y.Select(v => rule.Below ? v <= t : v >= t).ToArray();
        int nCases = cases.Count(c => c);
        if (nCases == 0)
            throw new DiscoveryException($"no run has {data.Output} {(rule.Below ? "at or below" : "at or above")} {Csv.Num(t)}; choose another threshold");
        var prim = Prim.Run(data.X, cases, options);
        string description = Describe(data, rule, t, prim, options?.Box is not null);
        Directory.CreateDirectory(outDir);
        var files = new List<string> { "prim.csv", "prim.txt" };
        WriteCsv(Path.Combine(outDir, "prim.csv"), data, prim);
        AtomicFile.WriteAllText(Path.Combine(outDir, "prim.txt"), description + "\n");
        if (charts)
        {
            var rendered = Charts.ChartRenderer.RenderAll(new[] { new Charts.ChartSpec("prim_tradeoff", "PRIM trade-off", DiscoveryCharts.TradeOff(data, rule, prim)) });
            foreach (var f in Reports.ChartFiles.Write(Path.Combine(outDir, "charts"), rendered, warn))
                files.Add("charts/" + Path.GetFileName(f));
        }
        return new Discovery(data, rule, t, cases, prim, description, files);
    }

    /// <summary>A bound as text: the number, or the category name.</summary>
    public static string ValueText(DiscoveryData data, int j, double v) =>
        data.Categories[j] is { } cats ? cats[(int)v] : v.ToString("G6", CultureInfo.InvariantCulture);

    private static void WriteCsv(string path, DiscoveryData data, PrimResult prim)
    {
        using var f = new AtomicFile(path);
        f.Writer.WriteLine("box,coverage,density,mass,parameter,lo,hi");
        foreach (var b in prim.Trajectory)
        {
            string head = $"{b.Index},{Csv.Num(b.Coverage)},{Csv.Num(b.Density)},{Csv.Num(b.Mass)}";
            var restricted = b.Restricted(prim);
            if (restricted.Length == 0) f.Writer.WriteLine(head + ",,,");
            foreach (int j in restricted)
                f.Writer.WriteLine($"{head},{Csv.Text(data.Keys[j])},{Csv.Text(ValueText(data, j, b.Lo[j]))},{Csv.Text(ValueText(data, j, b.Hi[j]))}");
        }
        f.Commit();
    }

    /// <summary>"the runs with cumulative_homicides@26 at or below 1,234 (its 50% quantile)".</summary>
    public static string CasesText(DiscoveryData data, CaseRule rule, double t) =>
        $"the runs with {data.Output} {(rule.Below ? "at or below" : "at or above")} {Csv.Num(Math.Round(t, 3))}" +
        (rule.Quantile is { } q ? $" (its {Csv.Num(Math.Round(q * 100, 2))}% quantile)" : "");

    /// <summary>The final box in words, with the trajectory's other notable boxes.</summary>
    public static string Describe(DiscoveryData data, CaseRule rule, double t, PrimResult prim, bool asked = false)
    {
        var sb = new StringBuilder();
        int n = prim.TotalPoints;
        sb.Append($"Cases of interest: {CasesText(data, rule, t)}: {prim.TotalCases} of {n} runs ({Pct((double)prim.TotalCases / n)}).\n");
        var b = prim.Trajectory[prim.Final];
        var restricted = b.Restricted(prim);
        if (restricted.Length == 0)
        {
            sb.Append(prim.Trajectory.Count == 1
                ? "No box restricts a parameter: no peel was possible (every varied parameter has a single value, or the minimum mass stops it)."
                : $"No box restricts a parameter: no peeled box holds a larger share of cases than the whole design ({Pct((double)prim.TotalCases / n)}), " +
                  "so these parameters do not separate the cases from the other runs (more replicates or a wider range may).");
            return sb.ToString();
        }
        var parts = restricted.Select(j => Condition(data, prim, b, j)).ToList();
        sb.Append($"Box {b.Index}: {string.Join(" and ", parts)}: {Pct(b.Coverage)} of the cases ({b.Cases} of {prim.TotalCases}; coverage), " +
                  $"{Pct(b.Density)} of the runs in the box ({b.Cases} of {b.Points}; density), {Pct(b.Mass)} of all runs (mass).\n");
        int steps = prim.Trajectory.Count(x => x.Stage == "peel");
        string why = asked ? $"box {prim.Chosen} of the {steps} peeling step(s), as asked (--box)" : $"box {prim.Chosen}, the largest coverage x density of the {steps} peeling step(s)";
        sb.Append(prim.Final == prim.Chosen ? $"Chosen: {why}; pasting did not widen it.\n" : $"Chosen: {why}, widened by pasting into box {b.Index}.\n");
        sb.Append($"Without a box, {Pct((double)prim.TotalCases / n)} of the runs are cases; prim.csv lists every box of the trajectory (coverage falls as density rises).");
        return sb.ToString();
    }

    private static string Condition(DiscoveryData data, PrimResult prim, PrimBox b, int j)
    {
        string key = data.Keys[j];
        bool low = b.Lo[j] > prim.DataMin[j], high = b.Hi[j] < prim.DataMax[j];
        string lo = ValueText(data, j, b.Lo[j]), hi = ValueText(data, j, b.Hi[j]);
        if (data.Categories[j] is not null) return b.Lo[j] == b.Hi[j] ? $"{key} = {lo}" : $"{key} from {lo} to {hi}";
        if (low && high) return b.Lo[j] == b.Hi[j] ? $"{key} = {lo}" : $"{key} between {lo} and {hi}";
        return low ? $"{key} at least {lo}" : $"{key} at most {hi}";
    }

    private static string Pct(double v) => (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Splits one CSV line (quoted fields allowed).</summary>
public static class CsvLine
{
    public static List<string> Split(string line)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        cells.Add(sb.ToString());
        return cells;
    }
}
