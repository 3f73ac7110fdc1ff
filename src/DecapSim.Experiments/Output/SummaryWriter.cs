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
        f.Writer.WriteLine("week,date,metric,mean,sd,p05,p25,p50,p75,p95,replicates");
        if (replicates.Count == 0) { f.Commit(); return; }
        int weeks = replicates[0].Length;
        var values = new double[replicates.Count];
        var sb = new StringBuilder();
        for (int w = 0; w < weeks; w++)
            for (int k = 0; k < WeeklyMetrics.Columns.Count; k++)
            {
                for (int r = 0; r < replicates.Count; r++) values[r] = replicates[r][w].Get(k);
                var st = Stats(values);
                sb.Clear();
                sb.Append(w).Append(',').Append(Csv.Date(start, w)).Append(',').Append(WeeklyMetrics.Columns[k]);
                sb.Append(',').Append(Csv.Num(st.Mean)).Append(',').Append(Csv.Num(st.Sd));
                foreach (var q in st.Quantiles) sb.Append(',').Append(Csv.Num(q));
                sb.Append(',').Append(replicates.Count);
                f.Writer.WriteLine(sb);
            }
        f.Commit();
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
