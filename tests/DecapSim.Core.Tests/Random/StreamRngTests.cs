using DecapSim.Core.Random;

namespace DecapSim.Core.Tests.Random;

public class StreamRngTests
{
    private static ulong[] Take(StreamRng r, int n) => Enumerable.Range(0, n).Select(_ => r.NextUInt64()).ToArray();

    [Fact]
    public void NextUInt64_SameKey_SameSequence()
    {
        Assert.Equal(Take(new StreamRng(17), 1000), Take(new StreamRng(17), 1000));
    }

    [Fact]
    public void NextUInt64_DifferentKeys_DifferentSequences()
    {
        var a = Take(new StreamRng(17), 1000);
        var b = Take(new StreamRng(18), 1000);
        Assert.True(a.Zip(b).Count(t => t.First == t.Second) == 0);
        Assert.Equal(1000, a.Distinct().Count());
    }

    [Fact]
    public void Reseed_AfterDraws_RestartsIdentically()
    {
        var r = new StreamRng(5);
        var first = Take(r, 100);
        r.Reseed(5);
        Assert.Equal(first, Take(r, 100));
        r.Reseed(6);
        Assert.Equal(Take(new StreamRng(6), 100), Take(r, 100));
        // key 0 still gives a working (non-constant) stream
        r.Reseed(0);
        Assert.True(Take(r, 10).Distinct().Count() == 10);
    }

    [Fact]
    public void NextDouble_ManyDraws_InUnitIntervalMeanHalf()
    {
        var r = new StreamRng(CounterRng.Key(1, 1));
        double sum = 0, sq = 0;
        for (int i = 0; i < 100_000; i++)
        {
            double u = r.NextDouble();
            Assert.True(u >= 0 && u < 1);
            sum += u; sq += u * u;
        }
        double mean = sum / 100_000, variance = sq / 100_000 - mean * mean;
        Assert.InRange(mean, 0.495, 0.505);
        Assert.InRange(variance, 1 / 12.0 - 0.002, 1 / 12.0 + 0.002);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(37)]
    public void Next_MaxValue_InRangeAndRoughlyUniform(int n)
    {
        var r = new StreamRng(CounterRng.Key(2, (ulong)n));
        int draws = 2000 * n;
        var bins = new int[n];
        for (int i = 0; i < draws; i++)
        {
            int k = r.Next(n);
            Assert.InRange(k, 0, n - 1);
            bins[k]++;
        }
        double expected = draws / (double)n;
        double chi2 = bins.Sum(b => (b - expected) * (b - expected) / expected);
        // chi-square with n-1 degrees of freedom: mean n-1, sd sqrt(2(n-1)); a loose bound
        Assert.True(chi2 < (n - 1) + 6 * Math.Sqrt(2 * (n - 1)) + 5, $"chi2 = {chi2:F1} for {n} bins");
    }

    [Fact]
    public void Next_NonPositiveMax_ReturnsZero()
    {
        var r = new StreamRng(3);
        Assert.Equal(0, r.Next(0));
        Assert.Equal(0, r.Next(-5));
    }

    [Fact]
    public void Next_MinMax_InRange()
    {
        var r = new StreamRng(4);
        var seen = new HashSet<int>();
        for (int i = 0; i < 10_000; i++)
        {
            int k = r.Next(-3, 4);
            Assert.InRange(k, -3, 3);
            seen.Add(k);
        }
        Assert.Equal(7, seen.Count);
        for (int i = 0; i < 1000; i++) Assert.True(r.Next() >= 0);
        for (int i = 0; i < 1000; i++) Assert.True(r.NextInt64() >= 0);
    }

    [Fact]
    public void Chance_Probability_FrequencyMatches()
    {
        var r = new StreamRng(8);
        int hits = Enumerable.Range(0, 100_000).Count(_ => r.Chance(0.3));
        Assert.InRange(hits, 29_300, 30_700);
        Assert.DoesNotContain(true, Enumerable.Range(0, 1000).Select(_ => r.Chance(0)));
        Assert.DoesNotContain(false, Enumerable.Range(0, 1000).Select(_ => r.Chance(1)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    public void Poisson_ZeroNegativeOrNaNMean_ReturnsZero(double mean)
    {
        var r = new StreamRng(9);
        for (int i = 0; i < 100; i++) Assert.Equal(0, r.Poisson(mean));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(4.5)]
    [InlineData(120.0)]
    public void Poisson_PositiveMean_SampleMeanAndVarianceMatch(double mean)
    {
        var r = new StreamRng(CounterRng.Key(10, 1));
        var x = Enumerable.Range(0, 20_000).Select(_ => (double)r.Poisson(mean)).ToArray();
        double m = x.Average(), v = x.Select(k => (k - m) * (k - m)).Average();
        double se = Math.Sqrt(mean / x.Length);
        Assert.InRange(m, mean - 5 * se, mean + 5 * se);
        Assert.InRange(v, mean * 0.9, mean * 1.1);
        Assert.All(x, k => Assert.True(k >= 0));
    }

    [Theory]
    [InlineData(10, 1.0, 10)]
    [InlineData(10, 1.5, 10)]
    [InlineData(10, 0.0, 0)]
    [InlineData(10, -0.5, 0)]
    [InlineData(0, 0.5, 0)]
    [InlineData(-3, 0.5, 0)]
    public void Binomial_EdgeProbabilities_Clamped(int n, double p, int expected)
    {
        var r = new StreamRng(11);
        for (int i = 0; i < 20; i++) Assert.Equal(expected, r.Binomial(n, p));
    }

    [Fact]
    public void Binomial_NaNProbability_ReturnsZero()
    {
        var r = new StreamRng(11);
        Assert.Equal(0, r.Binomial(10, double.NaN));
    }

    [Fact]
    public void Binomial_InteriorProbability_MeanNp()
    {
        var r = new StreamRng(12);
        var x = Enumerable.Range(0, 20_000).Select(_ => r.Binomial(50, 0.2)).ToArray();
        Assert.All(x, k => Assert.InRange(k, 0, 50));
        Assert.InRange(x.Average(), 10 - 0.1, 10 + 0.1);
    }

    [Fact]
    public void NextBytes_Buffer_FilledDeterministically()
    {
        var a = new byte[64]; var b = new byte[64];
        new StreamRng(13).NextBytes(a);
        new StreamRng(13).NextBytes(b);
        Assert.Equal(a, b);
        Assert.True(a.Distinct().Count() > 30);
    }
}
