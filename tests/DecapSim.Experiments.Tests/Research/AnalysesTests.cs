using DecapSim.Experiments.Research;
using MathNet.Numerics.Distributions;

namespace DecapSim.Experiments.Tests.Research;

public class AnalysesTests
{
    private static double Ishigami(double[] u)
    {
        double x1 = -Math.PI + 2 * Math.PI * u[0], x2 = -Math.PI + 2 * Math.PI * u[1], x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.Sin(x1) + 7 * Math.Sin(x2) * Math.Sin(x2) + 0.1 * Math.Pow(x3, 4) * Math.Sin(x1);
    }

    [Fact]
    public void Sobol_Ishigami_MatchesAnalyticIndices()
    {
        int n = 20_000, d = 3;
        var y = Designs.Saltelli(n, d, 11).Select(Ishigami).ToArray();
        var idx = Analyses.Sobol(y, n, d, bootstrap: 20, seed: 1);
        double[] s1 = { 0.314, 0.442, 0.0 }, st = { 0.558, 0.442, 0.244 };
        for (int i = 0; i < d; i++)
        {
            Assert.InRange(idx[i].S1, s1[i] - 0.05, s1[i] + 0.05);
            Assert.InRange(idx[i].ST, st[i] - 0.05, st[i] + 0.05);
            Assert.True(idx[i].S1Lo <= idx[i].S1 && idx[i].S1 <= idx[i].S1Hi);
            Assert.True(idx[i].STLo <= idx[i].ST && idx[i].ST <= idx[i].STHi);
        }
    }

    [Fact]
    public void Morris_LinearModel_MuStarIsTheSlopeAndSigmaZero()
    {
        int r = 6, d = 3;
        var pts = Designs.Morris(r, d, 4, 3, out var moved);
        var y = pts.Select(x => 2 * x[0] - 5 * x[1] + 0 * x[2]).ToArray();
        var m = Analyses.Morris(pts, y, moved, d);
        Assert.Equal(2, m[0].MuStar, 9); Assert.Equal(2, m[0].Mu, 9);
        Assert.Equal(5, m[1].MuStar, 9); Assert.Equal(-5, m[1].Mu, 9);
        Assert.Equal(0, m[2].MuStar, 9);
        Assert.All(m, x => Assert.Equal(0, x.Sigma, 9));
    }

    [Fact]
    public void Abc_PoissonRate_TrueValueInside95PercentInterval()
    {
        // observed: 10 "years" of Poisson counts with rate 12; prior U(0, 40); 4,000 draws, accept the best 2%
        const double trueRate = 12;
        var rng = new MathNet.Numerics.Random.MersenneTwister(99);
        double Pois(double rate) => rate <= 0 ? 0 : Poisson.Sample(rng, rate);
        var target = Enumerable.Range(0, 10).Select(_ => Pois(trueRate)).ToArray();
        var draws = Designs.Uniform(4000, 1, 5);
        var sim = draws.Select(u => Enumerable.Range(0, 10).Select(_ => Pois(40 * u[0])).ToArray()).ToArray();
        var abc = Analyses.AbcReject(sim, target, AbcDistance.Rmse, 0.02);
        Assert.Equal(80, abc.Accepted.Length);
        var post = abc.Accepted.Select(i => 40 * draws[i][0]).ToArray();
        var s = Analyses.Summary(post);
        Assert.InRange(trueRate, s.Q025, s.Q975);
        Assert.True(s.Q975 - s.Q025 < 12, $"posterior should be much narrower than the prior: [{s.Q025}, {s.Q975}]");
        Assert.True(abc.Accepted.Zip(abc.Accepted.Skip(1)).All(p => abc.Distances[p.First] <= abc.Distances[p.Second]));
    }

    [Fact]
    public void Distance_RmseAndMape()
    {
        Assert.Equal(Math.Sqrt((1 + 9) / 2.0), Analyses.Distance(new[] { 11.0, 17 }, new[] { 10.0, 20 }, AbcDistance.Rmse), 12);
        Assert.Equal(100 * (0.1 + 0.15) / 2, Analyses.Distance(new[] { 11.0, 17 }, new[] { 10.0, 20 }, AbcDistance.Mape), 12);
    }

    [Fact]
    public void PartialDependence_MeansPerBin()
    {
        var unit = new[] { new[] { 0.1 }, new[] { 0.2 }, new[] { 0.7 }, new[] { 0.9 } };
        var pd = Analyses.PartialDependence(unit, new[] { 1.0, 3, 10, 20 }, 0, 2);
        Assert.Equal((2, 2.0), pd[0]);
        Assert.Equal((2, 15.0), pd[1]);
    }
}
