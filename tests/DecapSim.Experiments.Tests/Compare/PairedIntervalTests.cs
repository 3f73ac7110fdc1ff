using DecapSim.Core.Random;
using DecapSim.Experiments.Compare;
using MathNet.Numerics.Distributions;

namespace DecapSim.Experiments.Tests.Compare;

/// <summary>The paired intervals: hand-computed values and coverage on synthetic differences with a known mean.</summary>
public sealed class PairedIntervalTests
{
    [Fact]
    public void T_FourValues_MatchesHandComputation()
    {
        // mean 2.5, sd sqrt(5/3) = 1.290994, t(3, 0.975) = 3.182446 -> half width 2.054260
        var ci = PairedInterval.T(new double[] { 1, 2, 3, 4 });
        Assert.Equal(2.5, ci.Mean, 12);
        Assert.Equal(2.5 - 2.054260, ci.Low, 4);
        Assert.Equal(2.5 + 2.054260, ci.High, 4);
        Assert.Equal(4, ci.N);
    }

    [Fact]
    public void T_ZeroSpread_IntervalIsTheMean()
    {
        var ci = PairedInterval.T(new double[] { 0, 0, 0 });
        Assert.Equal((0.0, 0.0, 0.0), (ci.Mean, ci.Low, ci.High));
        Assert.False(ci.ExcludesZero);
    }

    [Fact]
    public void T_OneValue_BoundsAreNaN()
    {
        var ci = PairedInterval.T(new double[] { 3 });
        Assert.Equal(3, ci.Mean);
        Assert.True(double.IsNaN(ci.Low) && double.IsNaN(ci.High));
    }

    /// <summary>200 synthetic experiments, each with 20 paired differences drawn from N(0, 2^2): the 95% interval
    /// must contain the true mean 0 in about 95% of them (binomial sd ~1.5 points, so 90-99% is a wide margin).</summary>
    [Fact]
    public void T_MeanZeroDifferences_CoversZeroInAbout95Percent()
    {
        var rng = new StreamRng(CounterRng.Key(20261121, 1));
        int covered = 0;
        for (int rep = 0; rep < 200; rep++)
        {
            var d = new double[20];
            for (int i = 0; i < d.Length; i++) d[i] = Normal.Sample(rng, 0, 2);
            var ci = PairedInterval.T(d);
            if (ci.Low <= 0 && 0 <= ci.High) covered++;
        }
        Assert.InRange(covered / 200.0, 0.90, 0.99);
    }

    /// <summary>The same check for the bootstrap percentile interval on skewed differences (exponential minus its
    /// mean); percentile intervals run a little narrow at small n, so 30 differences per experiment.</summary>
    [Fact]
    public void Bootstrap_MeanZeroSkewedDifferences_CoversZeroInAbout95Percent()
    {
        var rng = new StreamRng(CounterRng.Key(20261121, 2));
        int covered = 0;
        for (int rep = 0; rep < 200; rep++)
        {
            var d = new double[30];
            for (int i = 0; i < d.Length; i++) d[i] = Exponential.Sample(rng, 1) - 1;
            var ci = PairedInterval.Bootstrap(d, (ulong)rep, 1000);
            if (ci.Low <= 0 && 0 <= ci.High) covered++;
        }
        Assert.InRange(covered / 200.0, 0.88, 0.99);
    }

    [Fact]
    public void Bootstrap_SameSeed_SameInterval()
    {
        var d = new double[] { 1, -2, 3.5, 0.25, 7, -1 };
        Assert.Equal(PairedInterval.Bootstrap(d, 42), PairedInterval.Bootstrap(d, 42));
    }
}
