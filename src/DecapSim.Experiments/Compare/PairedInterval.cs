using DecapSim.Core.Random;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace DecapSim.Experiments.Compare;

/// <summary>A mean difference with a confidence interval.</summary>
/// <param name="Mean">Mean of the differences.</param>
/// <param name="Low">Lower bound (NaN when it cannot be computed, e.g. one replicate).</param>
/// <param name="High">Upper bound (NaN when it cannot be computed).</param>
/// <param name="N">Number of differences.</param>
public readonly record struct Interval(double Mean, double Low, double High, int N)
{
    /// <summary>True when the interval lies entirely above or below zero.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;
}

/// <summary>Confidence intervals for the mean of paired differences (scenario minus baseline, replicate by replicate
/// under common random numbers).</summary>
public static class PairedInterval
{
    /// <summary>Paired t interval: mean +- t_{n-1, (1+level)/2} * sd / sqrt(n) (MathNet <see cref="StudentT"/>).
    /// With zero spread the interval is the mean itself; with one value the bounds are NaN.</summary>
    public static Interval T(IReadOnlyList<double> differences, double level = 0.95)
    {
        int n = differences.Count;
        if (n == 0) return new Interval(double.NaN, double.NaN, double.NaN, 0);
        double mean = differences.Mean();
        if (n == 1) return new Interval(mean, double.NaN, double.NaN, 1);
        double sd = differences.StandardDeviation();
        if (sd == 0 || double.IsNaN(sd)) return new Interval(mean, mean, mean, n);
        double t = StudentT.InvCDF(0, 1, n - 1, 0.5 + level / 2);
        double half = t * sd / Math.Sqrt(n);
        return new Interval(mean, mean - half, mean + half, n);
    }

    /// <summary>Bootstrap percentile interval of the mean: <paramref name="resamples"/> resamples with replacement drawn
    /// from a counter-based stream keyed by <paramref name="seed"/> (so the interval is reproducible).</summary>
    public static Interval Bootstrap(IReadOnlyList<double> differences, ulong seed, int resamples = 2000, double level = 0.95)
    {
        int n = differences.Count;
        if (n == 0) return new Interval(double.NaN, double.NaN, double.NaN, 0);
        double mean = differences.Mean();
        if (n == 1) return new Interval(mean, double.NaN, double.NaN, 1);
        var rng = new StreamRng(CounterRng.Key(seed, 0xB0075u));
        var means = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += differences[rng.Next(n)];
            means[b] = sum / n;
        }
        Array.Sort(means);
        double alpha = (1 - level) / 2;
        return new Interval(mean,
            SortedArrayStatistics.QuantileCustom(means, alpha, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(means, 1 - alpha, QuantileDefinition.R7), n);
    }
}
