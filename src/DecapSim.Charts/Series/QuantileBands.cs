namespace DecapSim.Charts;

/// <summary>
/// Quantiles across replicates, week by week: the one place the product turns [replicate][week] series into a median
/// and bands (R type 7 quantiles, the same definition as summary.csv).
/// </summary>
public static class QuantileBands
{
    /// <summary>For each level, the series of that quantile over replicates: result[level][week]. Only the weeks every
    /// replicate has are used; an empty input gives empty series.</summary>
    public static double[][] Compute(IReadOnlyList<double[]> replicates, params double[] levels)
    {
        int weeks = replicates.Count == 0 ? 0 : replicates.Min(r => r.Length);
        var q = levels.Select(_ => new double[weeks]).ToArray();
        var col = new double[replicates.Count];
        for (int w = 0; w < weeks; w++)
        {
            for (int r = 0; r < col.Length; r++) col[r] = replicates[r][w];
            Array.Sort(col);
            for (int k = 0; k < levels.Length; k++) q[k][w] = Quantile(col, levels[k]);
        }
        return q;
    }

    /// <summary>The median and the 5/25/75/95% series.</summary>
    public static Band Of(IReadOnlyList<double[]> replicates)
    {
        var q = Compute(replicates, 0.05, 0.25, 0.5, 0.75, 0.95);
        return new Band(q[0], q[1], q[2], q[3], q[4], replicates.Count);
    }

    /// <summary>Quantile of sorted values (R type 7: linear between order statistics); NaN when empty.</summary>
    public static double Quantile(double[] sorted, double level)
    {
        if (sorted.Length == 0) return double.NaN;
        double h = (sorted.Length - 1) * Math.Clamp(level, 0, 1);
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Trailing mean over <paramref name="k"/> weeks (fewer at the start).</summary>
    public static double[] Rolling(double[] v, int k)
    {
        var r = new double[v.Length];
        double s = 0;
        for (int i = 0; i < v.Length; i++) { s += v[i]; if (i >= k) s -= v[i - k]; r[i] = s / Math.Min(i + 1, k); }
        return r;
    }

    /// <summary>Running sum.</summary>
    public static double[] Cumulative(double[] v)
    {
        var r = new double[v.Length];
        double s = 0;
        for (int i = 0; i < v.Length; i++) r[i] = s += v[i];
        return r;
    }
}

/// <summary>The median and bands of a quantity across replicates, week by week.</summary>
/// <param name="P05">5% quantile.</param>
/// <param name="P25">25% quantile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75% quantile.</param>
/// <param name="P95">95% quantile.</param>
/// <param name="Replicates">How many replicates.</param>
public sealed record Band(double[] P05, double[] P25, double[] P50, double[] P75, double[] P95, int Replicates)
{
    /// <summary>The largest value of the upper band (or of the median with one replicate).</summary>
    public double Max => (Replicates > 1 ? P95 : P50).DefaultIfEmpty(0).Max();
}
