using DecapSim.Experiments.Research;

namespace DecapSim.Experiments.Tests.Research;

public class DesignsTests
{
    [Fact]
    public void LatinHypercube_EachStratumHitOncePerDimension()
    {
        int n = 17, d = 4;
        var pts = Designs.LatinHypercube(n, d, 42);
        Assert.Equal(n, pts.Length);
        for (int j = 0; j < d; j++)
        {
            var strata = pts.Select(p => (int)Math.Floor(p[j] * n)).OrderBy(s => s).ToArray();
            Assert.Equal(Enumerable.Range(0, n), strata);
        }
    }

    [Fact]
    public void LatinHypercube_SameSeed_SamePoints_OtherSeed_Differs()
    {
        var a = Designs.LatinHypercube(8, 3, 1);
        var b = Designs.LatinHypercube(8, 3, 1);
        var c = Designs.LatinHypercube(8, 3, 2);
        Assert.Equal(a.SelectMany(x => x), b.SelectMany(x => x));
        Assert.NotEqual(a.SelectMany(x => x), c.SelectMany(x => x));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Morris_TrajectoriesChangeOneFactorAtATimeByDelta(int p)
    {
        int r = 12, d = 5;
        double delta = Designs.MorrisDelta(p);
        var pts = Designs.Morris(r, d, p, 7, out var moved);
        Assert.Equal(r * (d + 1), pts.Length);
        for (int t = 0; t < r; t++)
        {
            Assert.Equal(Enumerable.Range(0, d), moved[t].OrderBy(x => x)); // every factor moves exactly once
            for (int s = 0; s < d; s++)
            {
                var a = pts[t * (d + 1) + s]; var b = pts[t * (d + 1) + s + 1];
                var changed = Enumerable.Range(0, d).Where(j => a[j] != b[j]).ToArray();
                Assert.Equal(new[] { moved[t][s] }, changed);
                Assert.Equal(delta, Math.Abs(b[changed[0]] - a[changed[0]]), 12);
            }
            foreach (var x in pts.Skip(t * (d + 1)).Take(d + 1).SelectMany(v => v))
            {
                Assert.InRange(x, 0, 1);
                Assert.Equal(0, Math.Abs(x * (p - 1) - Math.Round(x * (p - 1))), 9); // on the grid
            }
        }
    }

    [Fact]
    public void Factorial_AllCombinations()
    {
        var pts = Designs.Factorial(new[] { 3, 2 });
        Assert.Equal(6, pts.Length);
        Assert.Equal(6, pts.Select(p => (p[0], p[1])).Distinct().Count());
        Assert.Equal(new[] { 0.0, 0.5, 1.0 }, pts.Select(p => p[0]).Distinct().OrderBy(x => x));
    }

    [Fact]
    public void Saltelli_AbRowsTakeOneColumnFromB()
    {
        int n = 5, d = 3;
        var pts = Designs.Saltelli(n, d, 9);
        Assert.Equal(n * (d + 2), pts.Length);
        for (int j = 0; j < n; j++)
            for (int i = 0; i < d; i++)
            {
                var a = pts[j * (d + 2)]; var b = pts[j * (d + 2) + 1]; var ab = pts[j * (d + 2) + 2 + i];
                for (int k = 0; k < d; k++) Assert.Equal(k == i ? b[k] : a[k], ab[k]);
            }
    }
}
