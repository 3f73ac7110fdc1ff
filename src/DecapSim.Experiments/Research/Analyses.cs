using MathNet.Numerics.Statistics;

namespace DecapSim.Experiments.Research;

/// <summary>Morris screening of one factor: mean effect, mean absolute effect and spread.</summary>
public sealed record MorrisIndex(int Factor, double Mu, double MuStar, double Sigma, int Effects);

/// <summary>Sobol first-order and total indices of one factor with bootstrap 95% intervals.</summary>
public sealed record SobolIndex(int Factor, double S1, double S1Lo, double S1Hi, double ST, double STLo, double STHi);

/// <summary>ABC rejection result: the accepted draws (by index, best first) and every draw's distance.</summary>
public sealed record AbcResult(int[] Accepted, double[] Distances, double Threshold);

/// <summary>Sensitivity and calibration analyses: pure functions of design points and outputs.</summary>
public static class Analyses
{
    /// <summary>
    /// Morris elementary effects EE = (y(x + e_j Delta) - y(x)) / Delta in unit coordinates (a downward step is
    /// counted from its lower point), per factor over the trajectories: mu, mu* = mean |EE| (Campolongo et al. 2007)
    /// and sigma (sample standard deviation; 0 with one trajectory).
    /// </summary>
    public static MorrisIndex[] Morris(double[][] unit, double[] y, int[][] moved, int d)
    {
        var effects = Enumerable.Range(0, d).Select(_ => new List<double>()).ToArray();
        for (int t = 0; t < moved.Length; t++)
            for (int s = 0; s < d; s++)
            {
                int a = t * (d + 1) + s, b = a + 1, j = moved[t][s];
                double dx = unit[b][j] - unit[a][j];
                effects[j].Add((y[b] - y[a]) / dx);
            }
        return effects.Select((e, j) => new MorrisIndex(j, e.Average(), e.Select(Math.Abs).Average(),
            e.Count > 1 ? e.StandardDeviation() : 0, e.Count)).ToArray();
    }

    /// <summary>
    /// Sobol indices from a Saltelli sample laid out as in <see cref="Designs.Saltelli"/> (y per point). Estimators of
    /// Saltelli et al. (2010): S1_i = mean((f(B) - m) (f(AB_i) - f(A))) / V (centred by the sample mean m, as SALib does by standardising) and Jansen's ST_i = mean((f(A) - f(AB_i))^2) / (2 V),
    /// V the variance of f over A and B together. Intervals: percentile bootstrap over the N rows (seeded).
    /// </summary>
    public static SobolIndex[] Sobol(double[] y, int n, int d, int bootstrap, ulong seed)
    {
        var fa = new double[n]; var fb = new double[n]; var fab = new double[d][];
        for (int i = 0; i < d; i++) fab[i] = new double[n];
        for (int j = 0; j < n; j++)
        {
            fa[j] = y[j * (d + 2)]; fb[j] = y[j * (d + 2) + 1];
            for (int i = 0; i < d; i++) fab[i][j] = y[j * (d + 2) + 2 + i];
        }
        var rows = Enumerable.Range(0, n).ToArray();
        var (s1, st) = Estimate(fa, fb, fab, rows);
        var rng = new SeededUniform(seed, 0x424f4f54);
        var bs1 = Enumerable.Range(0, d).Select(_ => new double[bootstrap]).ToArray();
        var bst = Enumerable.Range(0, d).Select(_ => new double[bootstrap]).ToArray();
        var idx = new int[n];
        for (int b = 0; b < bootstrap; b++)
        {
            for (int j = 0; j < n; j++) idx[j] = rng.NextInt(n);
            var (x1, xt) = Estimate(fa, fb, fab, idx);
            for (int i = 0; i < d; i++) { bs1[i][b] = x1[i]; bst[i][b] = xt[i]; }
        }
        double Q(double[] v, double q) { var c = v.Where(double.IsFinite).ToArray(); return c.Length == 0 ? double.NaN : Statistics.QuantileCustom(c, q, QuantileDefinition.R7); }
        return Enumerable.Range(0, d).Select(i => new SobolIndex(i, s1[i], Q(bs1[i], 0.025), Q(bs1[i], 0.975), st[i], Q(bst[i], 0.025), Q(bst[i], 0.975))).ToArray();
    }

    private static (double[] S1, double[] ST) Estimate(double[] fa, double[] fb, double[][] fab, int[] rows)
    {
        int n = rows.Length, d = fab.Length;
        double mean = 0;
        foreach (int j in rows) mean += fa[j] + fb[j];
        mean /= 2 * n;
        double v = 0;
        foreach (int j in rows) v += (fa[j] - mean) * (fa[j] - mean) + (fb[j] - mean) * (fb[j] - mean);
        v /= 2 * n - 1;
        var s1 = new double[d]; var st = new double[d];
        for (int i = 0; i < d; i++)
        {
            double a = 0, t = 0;
            foreach (int j in rows)
            {
                a += (fb[j] - mean) * (fab[i][j] - fa[j]); // centred: same expectation, far less variance when the mean is large
                t += (fa[j] - fab[i][j]) * (fa[j] - fab[i][j]);
            }
            s1[i] = v > 0 ? a / n / v : double.NaN;
            st[i] = v > 0 ? t / (2.0 * n) / v : double.NaN;
        }
        return (s1, st);
    }

    /// <summary>Partial dependence: the mean output of the points whose factor j falls in each of <paramref name="bins"/>
    /// equal bins of [0, 1] (unit coordinates); returns per bin (count, mean).</summary>
    public static (int Count, double Mean)[] PartialDependence(double[][] unit, double[] y, int j, int bins)
    {
        var sum = new double[bins]; var cnt = new int[bins];
        for (int i = 0; i < unit.Length; i++)
        {
            int b = Math.Min(bins - 1, (int)Math.Floor(unit[i][j] * bins));
            sum[b] += y[i]; cnt[b]++;
        }
        return Enumerable.Range(0, bins).Select(b => (cnt[b], cnt[b] > 0 ? sum[b] / cnt[b] : double.NaN)).ToArray();
    }

    /// <summary>Distance between a simulated and a target series: root mean squared error, or mean absolute percentage
    /// error (in percent; target values of 0 are skipped).</summary>
    public static double Distance(IReadOnlyList<double> sim, IReadOnlyList<double> target, AbcDistance kind)
    {
        double s = 0; int n = 0;
        for (int i = 0; i < target.Count; i++)
        {
            if (kind == AbcDistance.Rmse) { s += (sim[i] - target[i]) * (sim[i] - target[i]); n++; }
            else if (target[i] != 0) { s += Math.Abs((sim[i] - target[i]) / target[i]); n++; }
        }
        if (n == 0) return double.NaN;
        return kind == AbcDistance.Rmse ? Math.Sqrt(s / n) : 100 * s / n;
    }

    /// <summary>ABC rejection: accepts the best ceil(quantile x draws) draws by distance (ties by draw index).</summary>
    public static AbcResult AbcReject(IReadOnlyList<double[]> simulated, IReadOnlyList<double> target, AbcDistance kind, double quantile)
    {
        var dist = simulated.Select(s => Distance(s, target, kind)).ToArray();
        int k = Math.Max(1, (int)Math.Ceiling(quantile * dist.Length - 1e-9));
        var order = Enumerable.Range(0, dist.Length).Where(i => double.IsFinite(dist[i]))
            .OrderBy(i => dist[i]).ThenBy(i => i).Take(k).ToArray();
        return new AbcResult(order, dist, order.Length > 0 ? dist[order[^1]] : double.NaN);
    }

    /// <summary>Mean, sample sd and the 2.5/50/97.5% quantiles (R7) of values.</summary>
    public static (double Mean, double Sd, double Q025, double Q50, double Q975) Summary(double[] v)
    {
        if (v.Length == 0) return (double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = v.OrderBy(x => x).ToArray();
        return (v.Mean(), v.Length > 1 ? v.StandardDeviation() : 0,
            SortedArrayStatistics.QuantileCustom(sorted, 0.025, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.975, QuantileDefinition.R7));
    }
}
