using DecapSim.Core.Random;
using MathNet.Numerics.Distributions;

namespace DecapSim.Experiments.Research;

/// <summary>Settings of a population Monte Carlo ABC (ABC-SMC) calibration.</summary>
/// <param name="Particles">N: candidates of the first generation; the population keeps the best N_alpha = round(alpha N).</param>
/// <param name="Evaluations">Most candidate evaluations in all (the run budget divided by the replicates per candidate).</param>
/// <param name="Quantile">alpha in (0, 1): the share of each generation kept; the next tolerance is the alpha-quantile of the distances.</param>
/// <param name="MinAcceptance">Stop when fewer than this share of a generation's new candidates enter the population.</param>
public sealed record AbcSmcSettings(int Particles, int Evaluations, double Quantile, double MinAcceptance)
{
    /// <summary>Size of the kept population, N_alpha (at least 2 so that a variance exists).</summary>
    public int Kept => Math.Clamp((int)Math.Round(Quantile * Particles, MidpointRounding.AwayFromZero), 2, Particles - 1);
    /// <summary>New candidates per generation after the first: N - N_alpha.</summary>
    public int PerGeneration => Particles - Kept;
    /// <summary>Generations the budget allows if the acceptance rule never stops it (generation 0 included).</summary>
    public int MaxGenerations => Evaluations < Particles ? 0 : 1 + (Evaluations - Particles) / PerGeneration;
}

/// <summary>A candidate to evaluate: its unit coordinates in [0, 1]^d, the generation and index that name it, and its seed.</summary>
public sealed record AbcCandidate(int Generation, int Index, double[] Unit, ulong Seed);

/// <summary>An evaluated candidate with its importance weight (unnormalised) in the population that holds it.</summary>
public sealed record AbcParticle(AbcCandidate Candidate, double Distance, double Weight);

/// <summary>One generation: its tolerance (largest distance in the population after it), evaluations so far, and the
/// share of its new candidates that entered the population.</summary>
public sealed record AbcGeneration(int Index, int Proposed, int Entered, double Acceptance, double Tolerance, int EvaluationsSoFar, double EffectiveSampleSize);

/// <summary>The result: the final weighted population (best first), every generation, and every evaluated candidate.</summary>
public sealed record AbcSmcResult(AbcParticle[] Population, AbcGeneration[] Generations, IReadOnlyList<AbcParticle> Evaluated, double[] KernelSd);

/// <summary>
/// Adaptive population Monte Carlo ABC (Beaumont, Cornuet, Marin &amp; Robert 2009, with the quantile tolerance schedule and
/// fixed per-generation cost of Lenormand, Jabot &amp; Deffuant 2013, "Adaptive approximate Bayesian computation for complex
/// models", Comput. Stat. 28). The prior is uniform on the unit cube (each parameter uniform on its range).
/// </summary>
/// <remarks>
/// Generation 0 evaluates N prior draws and keeps the N_alpha closest (weights 1). Each later generation draws N - N_alpha
/// new candidates: a parent is picked from the population by weight and moved by a Gaussian kernel with, per parameter,
/// twice the population's weighted variance (Beaumont et al. 2009), truncated to the unit interval (drawn exactly by
/// inverse CDF, and its truncation mass enters the weight). A new particle's weight is prior / sum_j w_j K(theta | theta_j)
/// with normalised parent weights w_j. Old and new particles are pooled and the N_alpha closest kept: the tolerance is
/// the alpha-quantile of the pooled distances, so it never rises. It stops when the budget cannot pay for another
/// generation or when fewer than MinAcceptance of the new candidates were kept (the posterior no longer moves).
/// Everything random comes from counter-based streams keyed by the seed and the generation, and candidates are
/// evaluated as a batch whose results are used in index order: the result does not depend on how (or on how many
/// threads) <c>evaluate</c> computes the batch.
/// </remarks>
public static class AbcSmc
{
    private const ulong ProposalPurpose = 0x534d4350; // "SMCP"
    private const ulong SeedPurpose = 0x534d4353;     // "SMCS"

    /// <summary>The seed of candidate (generation, index) under the experiment seed.</summary>
    public static ulong CandidateSeed(ulong seed, int generation, int index) =>
        CounterRng.Child(CounterRng.Key(seed, SeedPurpose), ((ulong)(uint)generation << 32) | (uint)index);

    /// <summary>Runs the calibration. <paramref name="evaluate"/> returns one distance per candidate of the batch, in
    /// order (NaN or infinity for a failed run: never kept).</summary>
    public static AbcSmcResult Run(AbcSmcSettings s, int d, ulong seed, Func<IReadOnlyList<AbcCandidate>, double[]> evaluate)
    {
        if (d < 1) throw new ArgumentOutOfRangeException(nameof(d), "at least one parameter");
        if (s.Particles < 3) throw new ArgumentOutOfRangeException(nameof(s), "at least 3 particles");
        if (s.Evaluations < s.Particles) throw new ArgumentOutOfRangeException(nameof(s), "the budget must pay for the first generation");
        var evaluated = new List<AbcParticle>();
        var generations = new List<AbcGeneration>();

        // generation 0: the prior
        var rng0 = new SeededUniform(seed, ProposalPurpose);
        var first = new AbcCandidate[s.Particles];
        for (int i = 0; i < s.Particles; i++)
        {
            var u = new double[d];
            for (int k = 0; k < d; k++) u[k] = rng0.Next();
            first[i] = new AbcCandidate(0, i, u, CandidateSeed(seed, 0, i));
        }
        var dist0 = Evaluate(evaluate, first);
        var pool = first.Select((c, i) => new AbcParticle(c, dist0[i], 1.0)).ToList();
        evaluated.AddRange(pool);
        var population = Best(pool, s.Kept);
        int used = s.Particles;
        generations.Add(new AbcGeneration(0, s.Particles, population.Length, (double)population.Length / s.Particles,
            population[^1].Distance, used, Ess(population)));
        var sd = KernelSd(population, d);

        for (int g = 1; used + s.PerGeneration <= s.Evaluations; g++)
        {
            sd = KernelSd(population, d);
            var rng = new SeededUniform(CounterRng.Child(seed, (ulong)g), ProposalPurpose);
            double wsum = population.Sum(p => p.Weight);
            var cum = new double[population.Length];
            double acc = 0;
            for (int j = 0; j < population.Length; j++) { acc += population[j].Weight / wsum; cum[j] = acc; }
            var batch = new AbcCandidate[s.PerGeneration];
            for (int i = 0; i < batch.Length; i++)
            {
                double r = rng.Next();
                int j = Array.BinarySearch(cum, r);
                j = j < 0 ? Math.Min(population.Length - 1, ~j) : j;
                var parent = population[j].Candidate.Unit;
                var u = new double[d];
                for (int k = 0; k < d; k++) u[k] = TruncatedNormal(parent[k], sd[k], rng.Next());
                batch[i] = new AbcCandidate(g, i, u, CandidateSeed(seed, g, i));
            }
            var dist = Evaluate(evaluate, batch);
            used += batch.Length;
            var fresh = new List<AbcParticle>(batch.Length);
            for (int i = 0; i < batch.Length; i++)
            {
                double w = 1.0 / KernelDensity(batch[i].Unit, population, wsum, sd);
                fresh.Add(new AbcParticle(batch[i], dist[i], double.IsFinite(w) ? w : 0));
            }
            evaluated.AddRange(fresh);
            var merged = Best(population.Concat(fresh).ToList(), s.Kept);
            int entered = merged.Count(p => p.Candidate.Generation == g);
            double acceptance = (double)entered / batch.Length;
            population = merged;
            generations.Add(new AbcGeneration(g, batch.Length, entered, acceptance, population[^1].Distance, used, Ess(population)));
            if (acceptance < s.MinAcceptance) break;
        }
        return new AbcSmcResult(population, generations.ToArray(), evaluated, KernelSd(population, d));
    }

    private static double[] Evaluate(Func<IReadOnlyList<AbcCandidate>, double[]> evaluate, AbcCandidate[] batch)
    {
        var d = evaluate(batch);
        if (d.Length != batch.Length) throw new InvalidOperationException($"evaluate returned {d.Length} distances for {batch.Length} candidates");
        return d.Select(x => double.IsNaN(x) ? double.PositiveInfinity : x).ToArray();
    }

    /// <summary>The k closest particles (ties: earlier generation, then lower index), best first.</summary>
    private static AbcParticle[] Best(List<AbcParticle> pool, int k) =>
        pool.OrderBy(p => p.Distance).ThenBy(p => p.Candidate.Generation).ThenBy(p => p.Candidate.Index).Take(k).ToArray();

    /// <summary>Per parameter: sqrt(2 x weighted variance) of the population (Beaumont et al. 2009), at least 1e-4.</summary>
    public static double[] KernelSd(IReadOnlyList<AbcParticle> population, int d)
    {
        double wsum = population.Sum(p => p.Weight);
        var sd = new double[d];
        for (int k = 0; k < d; k++)
        {
            double mean = 0, v = 0;
            foreach (var p in population) mean += p.Weight / wsum * p.Candidate.Unit[k];
            foreach (var p in population) { double x = p.Candidate.Unit[k] - mean; v += p.Weight / wsum * x * x; }
            sd[k] = Math.Max(1e-4, Math.Sqrt(2 * v));
        }
        return sd;
    }

    /// <summary>A draw of N(mu, sd^2) truncated to [0, 1] from the uniform <paramref name="u"/> (inverse CDF).</summary>
    public static double TruncatedNormal(double mu, double sd, double u)
    {
        double a = Normal.CDF(0, 1, (0 - mu) / sd), b = Normal.CDF(0, 1, (1 - mu) / sd);
        double p = a + u * (b - a);
        if (!(b > a)) return Math.Clamp(mu, 0, 1);
        double x = mu + sd * Normal.InvCDF(0, 1, Math.Clamp(p, 1e-300, 1 - 1e-16));
        return Math.Clamp(x, 0, 1);
    }

    /// <summary>Mixture density sum_j (w_j / wsum) prod_k phi_trunc(x_k | theta_jk, sd_k) at x.</summary>
    private static double KernelDensity(double[] x, AbcParticle[] population, double wsum, double[] sd)
    {
        double total = 0;
        foreach (var p in population)
        {
            double dens = p.Weight / wsum;
            for (int k = 0; k < x.Length && dens > 0; k++)
            {
                double mu = p.Candidate.Unit[k];
                double z = Normal.CDF(0, 1, (1 - mu) / sd[k]) - Normal.CDF(0, 1, (0 - mu) / sd[k]);
                dens *= Normal.PDF(mu, sd[k], x[k]) / Math.Max(z, 1e-300);
            }
            total += dens;
        }
        return total;
    }

    /// <summary>Kish's effective sample size (sum w)^2 / sum w^2.</summary>
    public static double Ess(IReadOnlyList<AbcParticle> population)
    {
        double s = 0, s2 = 0;
        foreach (var p in population) { s += p.Weight; s2 += p.Weight * p.Weight; }
        return s2 > 0 ? s * s / s2 : 0;
    }

    /// <summary>Weighted mean, sd and the 2.5/50/97.5% quantiles of values (weights need not be normalised).</summary>
    public static (double Mean, double Sd, double Q025, double Q50, double Q975) WeightedSummary(double[] v, double[] w)
    {
        if (v.Length == 0) return (double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double ws = w.Sum();
        if (!(ws > 0)) { w = v.Select(_ => 1.0).ToArray(); ws = v.Length; }
        double mean = 0;
        for (int i = 0; i < v.Length; i++) mean += w[i] / ws * v[i];
        double var = 0;
        for (int i = 0; i < v.Length; i++) var += w[i] / ws * (v[i] - mean) * (v[i] - mean);
        var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ThenBy(i => i).ToArray();
        double Q(double q)
        {
            double c = 0;
            foreach (int i in order)
            {
                c += w[i] / ws;
                if (c >= q - 1e-12) return v[i];
            }
            return v[order[^1]];
        }
        return (mean, Math.Sqrt(var), Q(0.025), Q(0.5), Q(0.975));
    }
}
