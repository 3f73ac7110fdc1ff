using DecapSim.Core.Metrics;
using MathNet.Numerics.Statistics;

namespace DecapSim.Explorer.Runs;

/// <summary>Per-week quantiles of one metric over the replicates finished so far: the median and the 50% and 90% bands.</summary>
public sealed record Band(double[] P05, double[] P25, double[] P50, double[] P75, double[] P95, int Replicates)
{
    /// <summary>Quantile levels (R7, as in summary.csv).</summary>
    public static readonly double[] Levels = { 0.05, 0.25, 0.5, 0.75, 0.95 };

    public static Band Of(IReadOnlyList<WeeklyMetrics[]> replicates, Func<WeeklyMetrics, double> metric)
    {
        int n = replicates.Count;
        int weeks = n == 0 ? 0 : replicates.Min(r => r.Length);
        var q = Levels.Select(_ => new double[weeks]).ToArray();
        var v = new double[n];
        for (int w = 0; w < weeks; w++)
        {
            for (int r = 0; r < n; r++) v[r] = metric(replicates[r][w]);
            Array.Sort(v);
            for (int l = 0; l < Levels.Length; l++) q[l][w] = Math.Round(SortedArrayStatistics.QuantileCustom(v, Levels[l], QuantileDefinition.R7), 3);
        }
        return new Band(q[0], q[1], q[2], q[3], q[4], n);
    }
}
