using DecapSim.Core.Metrics;
using DecapSim.Experiments.Output.Tables;
using MathNet.Numerics.Statistics;

namespace DecapSim.Experiments.Output;

/// <summary>summary.csv / summary.parquet: per (week, metric) the mean, standard deviation and quantiles across replicates.</summary>
public static class SummaryWriter
{
    /// <summary>Quantile levels written.</summary>
    public static readonly double[] Levels = { 0.05, 0.25, 0.50, 0.75, 0.95 };

    /// <summary>summary.csv / summary.parquet columns.</summary>
    public static readonly TableColumn[] Columns =
        new[] { TableColumn.Int("week"), TableColumn.Date("date"), TableColumn.Text("metric"), TableColumn.Num("mean"), TableColumn.Num("sd") }
            .Concat(Levels.Select(l => TableColumn.Num($"p{Math.Round(l * 100):00}")))
            .Append(TableColumn.Int("replicates")).ToArray();

    /// <summary>Writes summary.csv (only).</summary>
    public static void Write(string path, IReadOnlyList<WeeklyMetrics[]> replicates, DateOnly start)
    {
        using var set = new TableSet(Path.GetDirectoryName(Path.GetFullPath(path))!, OutputFormat.Csv);
        Write(set, replicates, start, Path.GetFileNameWithoutExtension(path));
        set.Commit(null);
    }

    /// <summary>Adds the summary table to <paramref name="tables"/> (committed with the others).</summary>
    public static void Write(TableSet tables, IReadOnlyList<WeeklyMetrics[]> replicates, DateOnly start, string name = "summary")
    {
        var t = tables.Open(name, Columns);
        if (replicates.Count == 0) return;
        int weeks = replicates[0].Length;
        var values = new double[replicates.Count];
        for (int w = 0; w < weeks; w++)
            for (int k = 0; k < WeeklyMetrics.Columns.Count; k++)
            {
                for (int r = 0; r < replicates.Count; r++) values[r] = replicates[r][w].Get(k);
                var st = Stats(values);
                t.Int(w).Date(start.AddDays(7 * w)).Text(WeeklyMetrics.Columns[k]).Num(st.Mean).Num(st.Sd);
                foreach (var q in st.Quantiles) t.Num(q);
                t.Int(replicates.Count).EndRow();
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
