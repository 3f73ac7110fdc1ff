namespace DecapSim.Charts.Tests.Series;

public class QuantileBandsTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.25, 1.75)]
    [InlineData(1.0, 4.0)]
    public void Quantile_IsRType7(double level, double expected) =>
        Assert.Equal(expected, QuantileBands.Quantile(new double[] { 1, 2, 3, 4 }, level), 12);

    [Fact]
    public void Quantile_OfNothingIsNaN() => Assert.True(double.IsNaN(QuantileBands.Quantile(Array.Empty<double>(), 0.5)));

    [Fact]
    public void Compute_WorksWeekByWeekOverTheWeeksEveryReplicateHas()
    {
        var reps = new[] { new double[] { 1, 10, 7 }, new double[] { 3, 30 }, new double[] { 2, 20, 9 } };
        var q = QuantileBands.Compute(reps, 0.5, 1.0);
        Assert.Equal(new double[] { 2, 20 }, q[0]);
        Assert.Equal(new double[] { 3, 30 }, q[1]);
    }

    [Fact]
    public void Of_GivesOrderedBands()
    {
        var rng = new Random(4);
        var reps = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 20).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        var b = QuantileBands.Of(reps);
        Assert.Equal(30, b.Replicates);
        for (int w = 0; w < 20; w++)
            Assert.True(b.P05[w] <= b.P25[w] && b.P25[w] <= b.P50[w] && b.P50[w] <= b.P75[w] && b.P75[w] <= b.P95[w]);
    }

    [Fact]
    public void Rolling_And_Cumulative()
    {
        Assert.Equal(new double[] { 2, 3, 5, 7 }, QuantileBands.Rolling(new double[] { 2, 4, 6, 8 }, 2));
        Assert.Equal(new double[] { 2, 6, 12 }, QuantileBands.Cumulative(new double[] { 2, 4, 6 }));
    }
}
