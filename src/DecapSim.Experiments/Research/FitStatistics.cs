namespace DecapSim.Experiments.Research;

/// <summary>How well a simulated series follows a target on a set of rows: mean absolute percentage error (percent),
/// Pearson correlation and the number of rows.</summary>
public sealed record FitScore(double MapePercent, double Correlation, int Rows);

/// <summary>Fit scores of a simulated series against a target, in and out of sample.</summary>
public static class FitStatistics
{
    /// <summary>MAPE (percent; rows with target 0 skipped) and Pearson correlation (NaN with fewer than 3 rows or a
    /// constant series) over the rows <paramref name="rows"/>.</summary>
    public static FitScore Score(IReadOnlyList<double> sim, IReadOnlyList<double> target, IReadOnlyList<int> rows)
    {
        if (rows.Count == 0) return new FitScore(double.NaN, double.NaN, 0);
        var a = rows.Select(i => sim[i]).ToArray();
        var b = rows.Select(i => target[i]).ToArray();
        double mape = Analyses.Distance(a, b, AbcDistance.Mape);
        return new FitScore(mape, Correlation(a, b), rows.Count);
    }

    /// <summary>Pearson correlation, NaN when undefined.</summary>
    public static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n = a.Count;
        if (n < 3) return double.NaN;
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb); }
        return saa > 0 && sbb > 0 ? sab / Math.Sqrt(saa * sbb) : double.NaN;
    }

    /// <summary>In-sample and out-of-sample scores of a fit target (rows inside / outside its fitted range).</summary>
    public static (FitScore In, FitScore Out) InAndOut(FitTarget t, IReadOnlyList<double> sim)
    {
        var keys = t.Series.Keys;
        var fit = Enumerable.Range(0, keys.Count).Where(i => t.InFit(keys[i])).ToArray();
        var held = Enumerable.Range(0, keys.Count).Where(i => !t.InFit(keys[i])).ToArray();
        return (Score(sim, t.Series.Values, fit), Score(sim, t.Series.Values, held));
    }
}
