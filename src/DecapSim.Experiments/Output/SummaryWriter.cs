using System.Text;
using DecapSim.Core.Metrics;
using MathNet.Numerics.Statistics;

namespace DecapSim.Experiments.Output;

/// <summary>summary.csv: per (week, metric) the mean, standard deviation and quantiles across replicates.</summary>
public static class SummaryWriter
{
    /// <summary>Quantile levels written.</summary>
    public static readonly double[] Levels = { 0.05, 0.25, 0.50, 0.75, 0.95 };

    /// <summary>Writes summary.csv.</summary>
    public static void Write(string path, IReadOnlyList<WeeklyMetrics[]> replicates, DateOnly start)
    {
        using var f = new AtomicFile(path);
        using (var csv = new CsvTable(f.Writer).Header(["week", "date", "metric", "mean", "sd", "p05", "p25", "p50", "p75", "p95", "replicates"]))
            WriteRows(csv, replicates, start);
        f.Commit();
    }

    private static void WriteRows(CsvTable csv, IReadOnlyList<WeeklyMetrics[]> replicates, DateOnly start)
    {
        if (replicates.Count == 0) return;
        int weeks = replicates[0].Length;
        var values = new double[replicates.Count];
        for (int w = 0; w < weeks; w++)
            for (int k = 0; k < WeeklyMetrics.Columns.Count; k++)
            {
                for (int r = 0; r < replicates.Count; r++) values[r] = replicates[r][w].Get(k);
                var st = Stats(values);
                csv.Int(w).Date(start, w).Text(WeeklyMetrics.Columns[k]).Num(st.Mean).Num(st.Sd);
                foreach (var q in st.Quantiles) csv.Num(q);
                csv.Int(replicates.Count).End();
            }
    }

    /// <summary>Mean, sample standard deviation (0 for one value) and the quantiles of <see cref="Levels"/>.</summary>
    public static (double Mean, double Sd, double[] Quantiles) Stats(double[] values)
    {
        double mean = values.Mean();
        double sd = values.Length > 1 ? values.StandardDeviation() : 0;
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var q = Levels.Select(l => SortedArrayStatistics.QuantileCustom(sorted, l, QuantileDefinition.R7)).ToArray();
        return (mean, sd, q);
    }
}
