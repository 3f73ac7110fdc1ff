using DecapSim.Core.Random;

namespace DecapSim.Core.Tests.Random;

public class CounterRngTests
{
    private const int N = 100_000;

    private static double[] Draws(ulong key, ulong counter, Func<int, ulong> index)
    {
        var x = new double[N];
        for (int i = 0; i < N; i++) x[i] = CounterRng.Uniform(key, counter, index(i));
        return x;
    }

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb); }
        return sab / Math.Sqrt(saa * sbb);
    }

    [Fact]
    public void Uniform_ManyDraws_InUnitIntervalWithUniformMoments()
    {
        var x = Draws(CounterRng.Key(42, 3), 7, i => (ulong)i);
        Assert.All(x, v => Assert.InRange(v, 0.0, Math.BitDecrement(1.0)));
        double mean = x.Average();
        double variance = x.Select(v => (v - mean) * (v - mean)).Average();
        // standard error of the mean: sqrt(1/12 / N) ~ 0.0009
        Assert.InRange(mean, 0.5 - 0.005, 0.5 + 0.005);
        Assert.InRange(variance, 1 / 12.0 - 0.002, 1 / 12.0 + 0.002);
        // deciles are evenly filled
        var bins = new int[10];
        foreach (var v in x) bins[(int)(v * 10)]++;
        Assert.All(bins, b => Assert.InRange(b, N / 10 * 0.95, N / 10 * 1.05));
    }

    [Fact]
    public void Uniform_SameInputs_SameOutput()
    {
        ulong key = CounterRng.Key(1, 2);
        for (ulong i = 0; i < 1000; i++)
            Assert.Equal(CounterRng.Uniform(key, 5, i), CounterRng.Uniform(key, 5, i));
        // order of evaluation does not matter
        var forward = Enumerable.Range(0, 100).Select(i => CounterRng.Uniform(key, 9, (ulong)i)).ToArray();
        var backward = Enumerable.Range(0, 100).Reverse().Select(i => CounterRng.Uniform(key, 9, (ulong)i)).Reverse().ToArray();
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Uniform_DifferentKeys_UncorrelatedStreams()
    {
        var a = Draws(CounterRng.Key(1, 1), 0, i => (ulong)i);
        var b = Draws(CounterRng.Key(1, 2), 0, i => (ulong)i);
        var c = Draws(CounterRng.Key(2, 1), 0, i => (ulong)i);
        Assert.InRange(Correlation(a, b), -0.015, 0.015);
        Assert.InRange(Correlation(a, c), -0.015, 0.015);
        Assert.True(a.Zip(b).Count(t => t.First == t.Second) < 5);
    }

    [Fact]
    public void Uniform_DifferentCounters_UncorrelatedStreams()
    {
        ulong key = CounterRng.Key(7, 7);
        var a = Draws(key, 0, i => (ulong)i);
        var b = Draws(key, 1, i => (ulong)i);
        var c = Draws(key, 52, i => (ulong)i);
        Assert.InRange(Correlation(a, b), -0.015, 0.015);
        Assert.InRange(Correlation(b, c), -0.015, 0.015);
    }

    [Fact]
    public void Uniform_NeighbouringIndices_Uncorrelated()
    {
        ulong key = CounterRng.Key(3, 4);
        var a = Draws(key, 0, i => (ulong)i);
        var b = Draws(key, 0, i => (ulong)i + 1);
        var c = Draws(key, 0, i => (ulong)i * 2);
        Assert.InRange(Correlation(a, b), -0.015, 0.015);
        Assert.InRange(Correlation(a, c), -0.015, 0.015);
    }

    [Fact]
    public void Uniform_SwappedCounterAndIndex_DifferentDraws()
    {
        ulong key = CounterRng.Key(5, 5);
        int same = 0;
        for (ulong i = 0; i < 1000; i++) for (ulong j = 0; j < 3; j++)
            if (i != j && CounterRng.Uniform(key, i, j) == CounterRng.Uniform(key, j, i)) same++;
        Assert.Equal(0, same);
    }

    [Fact]
    public void Child_DifferentIndices_DistinctSeeds()
    {
        var seen = new HashSet<ulong>();
        for (ulong k = 0; k < 10_000; k++) Assert.True(seen.Add(CounterRng.Child(123, k)), $"child {k} repeats");
        Assert.NotEqual(CounterRng.Child(1, 0), CounterRng.Child(2, 0));
        Assert.Equal(CounterRng.Child(99, 3), CounterRng.Child(99, 3));
        Assert.DoesNotContain(123UL, seen);
    }

    [Fact]
    public void Key_DifferentSeedsAndPurposes_DistinctKeys()
    {
        var seen = new HashSet<ulong>();
        for (ulong seed = 0; seed < 50; seed++) for (ulong purpose = 0; purpose < 20; purpose++)
            Assert.True(seen.Add(CounterRng.Key(seed, purpose)));
        Assert.NotEqual(CounterRng.Key(1, 2), CounterRng.Key(2, 1));
    }

    [Fact]
    public void Mix_ConsecutiveInputs_FlipAboutHalfTheBits()
    {
        double bits = 0;
        for (ulong z = 0; z < 10_000; z++) bits += System.Numerics.BitOperations.PopCount(CounterRng.Mix(z) ^ CounterRng.Mix(z + 1));
        Assert.InRange(bits / 10_000, 31, 33);
    }
}
