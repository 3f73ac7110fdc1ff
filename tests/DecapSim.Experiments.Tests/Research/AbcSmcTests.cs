using DecapSim.Core.Random;
using DecapSim.Experiments.Research;
using DecapSim.Scenarios;
using MathNet.Numerics.Distributions;

namespace DecapSim.Experiments.Tests.Research;

public class AbcSmcTests
{
    // A cheap synthetic "growth" model: 10 yearly values y_t = 10 + 40 a + 30 b t / 9 + N(0, 1), a, b in [0, 1].
    private static readonly double[] Truth = { 0.3, 0.7 };

    private static double[] Model(double[] u, ulong seed)
    {
        var y = new double[10];
        for (int t = 0; t < 10; t++)
        {
            double z = Normal.InvCDF(0, 1, Math.Clamp(CounterRng.Uniform(seed, (ulong)t, 0), 1e-12, 1 - 1e-12));
            y[t] = 10 + 40 * u[0] + 30 * u[1] * t / 9.0 + z;
        }
        return y;
    }

    private static readonly double[] Observed = Model(Truth, 424242);

    private static Func<IReadOnlyList<AbcCandidate>, double[]> Evaluator(int threads) => batch =>
    {
        var d = new double[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = threads },
            i => d[i] = Analyses.Distance(Model(batch[i].Unit, batch[i].Seed), Observed, AbcDistance.Rmse));
        return d;
    };

    private static (double Mean, double Sd) Posterior(AbcSmcResult r, int j)
    {
        var s = AbcSmc.WeightedSummary(r.Population.Select(p => p.Candidate.Unit[j]).ToArray(), r.Population.Select(p => p.Weight).ToArray());
        return (s.Mean, s.Sd);
    }

    [Fact]
    public void SyntheticModel_RecoversKnownParameters_AndBeatsRejectionAtEqualBudget()
    {
        var settings = new AbcSmcSettings(Particles: 100, Evaluations: 600, Quantile: 0.5, MinAcceptance: 0);
        var smc = AbcSmc.Run(settings, 2, seed: 9, Evaluator(2));
        Assert.True(smc.Generations[^1].EvaluationsSoFar <= 600);
        Assert.Equal(600, smc.Generations[^1].EvaluationsSoFar); // 100 + 10 x 50

        // rejection with the same 600 runs, keeping as many particles (the best 50)
        var draws = Designs.Uniform(600, 2, 9);
        var sims = draws.Select((u, i) => Model(u, AbcSmc.CandidateSeed(9, 0, i))).ToArray();
        var rej = Analyses.AbcReject(sims, Observed, AbcDistance.Rmse, 50 / 600.0);

        // the exact posterior under the flat prior is centred on the least-squares fit of the observed series
        var ols = LeastSquares(Observed);
        for (int j = 0; j < 2; j++)
        {
            var (mean, sd) = Posterior(smc, j);
            var rv = rej.Accepted.Select(i => draws[i][j]).ToArray();
            double rmean = rv.Average(), rsd = Math.Sqrt(rv.Select(x => (x - rmean) * (x - rmean)).Sum() / (rv.Length - 1));
            Assert.True(Math.Abs(mean - Truth[j]) < 0.06, $"parameter {j}: SMC posterior mean {mean:F3}, truth {Truth[j]}");
            Assert.True(Math.Abs(mean - ols[j]) < 0.02, $"parameter {j}: SMC posterior mean {mean:F3}, exact posterior mean {ols[j]:F3}");
            Assert.True(sd < 0.6 * rsd, $"parameter {j}: SMC sd {sd:F4} should be well below rejection's {rsd:F4}");
        }
        Assert.True(smc.Generations[^1].Tolerance < 0.6 * rej.Threshold, $"tolerance {smc.Generations[^1].Tolerance} vs rejection threshold {rej.Threshold}");
    }

    /// <summary>(a, b) minimising the squared error of 10 + 40 a + 30 b t / 9 to y.</summary>
    private static double[] LeastSquares(double[] y)
    {
        // y - 10 = 40 a + (30 t / 9) b: two-column normal equations
        double s11 = 0, s12 = 0, s22 = 0, r1 = 0, r2 = 0;
        for (int t = 0; t < y.Length; t++)
        {
            double x1 = 40, x2 = 30 * t / 9.0, v = y[t] - 10;
            s11 += x1 * x1; s12 += x1 * x2; s22 += x2 * x2; r1 += x1 * v; r2 += x2 * v;
        }
        double det = s11 * s22 - s12 * s12;
        return new[] { (s22 * r1 - s12 * r2) / det, (s11 * r2 - s12 * r1) / det };
    }

    [Fact]
    public void ToleranceNeverRises_AndWeightsArePositive()
    {
        var r = AbcSmc.Run(new AbcSmcSettings(40, 300, 0.5, 0), 2, 3, Evaluator(1));
        Assert.True(r.Generations.Zip(r.Generations.Skip(1)).All(p => p.Second.Tolerance <= p.First.Tolerance));
        Assert.All(r.Population, p => Assert.True(p.Weight > 0 && double.IsFinite(p.Weight)));
        Assert.Equal(20, r.Population.Length);
        Assert.All(r.Evaluated, p => Assert.All(p.Candidate.Unit, x => Assert.InRange(x, 0, 1)));
    }

    [Fact]
    public void SameSeed_SameResult_WhateverTheThreads_OtherSeedDiffers()
    {
        var s = new AbcSmcSettings(30, 200, 0.5, 0.02);
        var a = AbcSmc.Run(s, 2, 77, Evaluator(1));
        var b = AbcSmc.Run(s, 2, 77, Evaluator(4));
        Assert.Equal(a.Evaluated.Count, b.Evaluated.Count);
        for (int i = 0; i < a.Evaluated.Count; i++)
        {
            Assert.Equal(a.Evaluated[i].Candidate.Unit, b.Evaluated[i].Candidate.Unit);
            Assert.Equal(a.Evaluated[i].Distance, b.Evaluated[i].Distance);
            Assert.Equal(a.Evaluated[i].Weight, b.Evaluated[i].Weight);
        }
        var c = AbcSmc.Run(s, 2, 78, Evaluator(1));
        Assert.NotEqual(a.Evaluated[0].Candidate.Unit, c.Evaluated[0].Candidate.Unit);
    }

    [Fact]
    public void StopsWhenAcceptanceFallsBelowTheMinimum()
    {
        // a model that ignores its parameters: new candidates rarely beat the kept ones, so the run stops early
        var r = AbcSmc.Run(new AbcSmcSettings(20, 2000, 0.5, 0.6), 1, 5, batch => batch.Select(c => CounterRng.Uniform(c.Seed, 0, 0)).ToArray());
        Assert.True(r.Generations[^1].EvaluationsSoFar < 2000);
        Assert.True(r.Generations[^1].Acceptance < 0.6);
    }

    [Fact]
    public void TruncatedNormal_StaysInTheUnitInterval_AndHasTheRightMedian()
    {
        Assert.Equal(0.5, AbcSmc.TruncatedNormal(0.5, 0.1, 0.5), 9);
        Assert.InRange(AbcSmc.TruncatedNormal(0.99, 0.5, 0.999999), 0, 1);
        Assert.InRange(AbcSmc.TruncatedNormal(0.01, 0.5, 0.0), 0, 1);
    }

    private const string SmcDesign = """{ "Type": "abc-smc", "Particles": 6, "Budget": 18, "Quantile": 0.5, "MinAcceptance": 0, "Distance": "mape", "Targets": [ { "File": "target.csv", "Metric": "recruits", "Fit": [10, 11], "Weight": 1 } ] }""";

    private static Experiment SmcExperiment(ResearchDir t, string design = SmcDesign, int replicates = 1)
    {
        t.Write("target.csv", "# made-up\nweek,value\n10,30\n11,31\n12,29\n");
        return ExperimentFile.Load(t.Experiment(design: design, replicates: replicates,
            parameters: """[ { "Key": "Recruitment.Rho", "Range": [0.001, 0.01] } ]"""));
    }

    private static readonly string[] SmcFiles = { "results.csv", "generations.csv", "posterior.csv", "posterior_summary.csv", "fit.csv", "fit_series.csv", "experiment.json", "charts/fit_recruits.svg" };

    private static void AssertSameFiles(string a, string b)
    {
        foreach (var f in SmcFiles) Assert.True(File.ReadAllBytes(Path.Combine(a, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))), $"{f} differs");
    }

    [Fact]
    public void Experiment_OnTheModel_WritesPosteriorAndFit_SameWhateverTheThreads_AndResumes()
    {
        using var t = new ResearchDir();
        var e = SmcExperiment(t);
        Assert.Equal(DesignType.AbcSmc, e.Design.Type);
        Assert.Equal(18, e.Design.Evaluations);
        Assert.Contains(e.Outputs, o => o.Text == "recruits@12..12");
        var one = ExperimentRunner.Run(e, t.Sub("one"), 0, 1, 1);
        Assert.Equal(18, one.Ran); // 6 + 4 x 3
        ExperimentReport.Write(e, t.Sub("one"));
        ExperimentRunner.Run(e, t.Sub("three"), 0, 1, 3);
        ExperimentReport.Write(e, t.Sub("three"));
        AssertSameFiles(t.Sub("one"), t.Sub("three"));

        // interrupted: delete some stored runs and the analysis, resume
        var stored = Directory.GetFiles(Path.Combine(t.Sub("three"), "store"), "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        foreach (var f in stored.Take(7)) File.Delete(f);
        var again = ExperimentRunner.Run(e, t.Sub("three"), 0, 1, 2);
        Assert.Equal((7, 11), (again.Ran, again.Skipped));
        ExperimentReport.Write(e, t.Sub("three"));
        AssertSameFiles(t.Sub("one"), t.Sub("three"));

        var fit = File.ReadAllLines(t.Sub("one/fit.csv"));
        Assert.Equal("metric,target,sample,rows,mape_percent,correlation", fit[0]);
        Assert.StartsWith("recruits,target.csv,in-sample,2,", fit[1]);
        Assert.StartsWith("recruits,target.csv,out-of-sample,1,", fit[2]);
        var post = File.ReadAllLines(t.Sub("one/posterior.csv"));
        Assert.Equal(1 + 3, post.Length); // header + round(0.5 x 6)
        Assert.StartsWith("rank,generation,index,weight,Recruitment.Rho,distance_mape,", post[0]);
        Assert.Equal(1 + 5, File.ReadAllLines(t.Sub("one/generations.csv")).Length);
    }

    [Fact]
    public void Experiment_ReportWithoutRuns_IsIncomplete_AndMergeIsRefused()
    {
        using var t = new ResearchDir();
        var e = SmcExperiment(t);
        Assert.Throws<IncompleteException>(() => ExperimentReport.Write(e, t.Sub("empty")));
        Assert.Throws<MergeException>(() => ExperimentRunner.Run(e, t.Sub("s"), 0, 2, 1));
        Assert.Equal(e.Id, ExperimentFile.FromCanonical(e.CanonicalJson, "manifest").Id);
    }

    [Theory]
    [InlineData("""{ "Type": "abc-smc", "Particles": 6, "Budget": 18 }""", "Design.Targets", "missing")]
    [InlineData("""{ "Type": "abc-smc", "Particles": 10, "Budget": 15, "Targets": [ { "File": "target.csv", "Metric": "recruits" } ] }""", "Design.Budget", "first generation")]
    [InlineData("""{ "Type": "abc-smc", "Quantile": 1, "Targets": [ { "File": "target.csv", "Metric": "recruits" } ] }""", "Design.Quantile", "alpha < 1")]
    [InlineData("""{ "Type": "abc-smc", "Targets": [ { "File": "target.csv", "Metric": "recruitz" } ] }""", "Design.Targets[0].Metric", "recruits")]
    [InlineData("""{ "Type": "abc-smc", "Targets": [ { "File": "target.csv", "Metric": "recruits", "Fit": [20, 30] } ] }""", "Design.Targets[0].Fit", "no row is fitted")]
    [InlineData("""{ "Type": "abc-smc", "Targets": [ { "File": "nope.csv", "Metric": "recruits" } ] }""", "Design.Targets[0].File", "not found")]
    [InlineData("""{ "Type": "abc-smc", "Targets": [ { "File": "target.csv", "Weigth": 2 } ] }""", "Design.Targets[0].Weigth", "Weight")]
    [InlineData("""{ "Type": "abc-smc", "Draws": 5, "Targets": [ { "File": "target.csv" } ] }""", "Design.Draws", "not a setting")]
    public void Load_BadSmcDesign_NamesKeyAndProblem(string design, string keyPath, string text)
    {
        using var t = new ResearchDir();
        t.Write("target.csv", "week,value\n10,30\n11,31\n");
        var path = t.Experiment(design: design, replicates: 2, parameters: """[ { "Key": "Recruitment.Rho", "Range": [0.001, 0.01] } ]""");
        var ex = Assert.Throws<ScenarioException>(() => ExperimentFile.Load(path));
        var err = Assert.Single(ex.Errors, x => x.KeyPath == keyPath);
        Assert.Equal(path, err.File);
        Assert.Contains(text, err.Message + " " + err.Allowed);
    }
}
