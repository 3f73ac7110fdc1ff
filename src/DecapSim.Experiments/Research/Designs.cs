using DecapSim.Core.Random;

namespace DecapSim.Experiments.Research;

/// <summary>A seeded stream of uniforms in [0, 1) built on <see cref="CounterRng"/> (deterministic, platform-independent).</summary>
public sealed class SeededUniform
{
    private readonly ulong _key;
    private ulong _n;

    public SeededUniform(ulong seed, ulong purpose) => _key = CounterRng.Key(seed, purpose);

    public double Next() => CounterRng.Uniform(_key, _n++, 0);

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n) => Math.Min(n - 1, (int)(Next() * n));

    /// <summary>A random permutation of 0..n-1 (Fisher-Yates).</summary>
    public int[] Permutation(int n)
    {
        var p = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}

/// <summary>Design generators in the unit hypercube [0, 1]^d. All are pure functions of their arguments and seed.</summary>
public static class Designs
{
    // purposes of the seeded streams
    private const ulong LhsPurpose = 0x4c4853, MorrisPurpose = 0x4d4f52, SaltelliPurpose = 0x53414c, AbcPurpose = 0x414243;

    /// <summary>Full factorial: every combination of <paramref name="levels"/>[i] levels (k / (L - 1); 0.5 for one level),
    /// the last factor varying fastest.</summary>
    public static double[][] Factorial(IReadOnlyList<int> levels)
    {
        long total = 1;
        foreach (var l in levels) total *= l;
        var pts = new double[total][];
        for (long i = 0; i < total; i++)
        {
            var x = new double[levels.Count];
            long r = i;
            for (int d = levels.Count - 1; d >= 0; d--)
            {
                int k = (int)(r % levels[d]);
                r /= levels[d];
                x[d] = levels[d] == 1 ? 0.5 : (double)k / (levels[d] - 1);
            }
            pts[i] = x;
        }
        return pts;
    }

    /// <summary>Latin hypercube of <paramref name="n"/> points: in each dimension each of the n strata [k/n, (k+1)/n)
    /// holds exactly one point, placed uniformly inside it.</summary>
    public static double[][] LatinHypercube(int n, int d, ulong seed)
    {
        var rng = new SeededUniform(seed, LhsPurpose);
        var pts = new double[n][];
        for (int i = 0; i < n; i++) pts[i] = new double[d];
        for (int j = 0; j < d; j++)
        {
            var perm = rng.Permutation(n);
            for (int i = 0; i < n; i++) pts[i][j] = (perm[i] + rng.Next()) / n;
        }
        return pts;
    }

    /// <summary>Morris step on a p-level grid: Delta = p / (2 (p - 1)).</summary>
    public static double MorrisDelta(int p) => p / (2.0 * (p - 1));

    /// <summary>
    /// Morris (1991) elementary-effects design: <paramref name="r"/> trajectories of d + 1 points on the p-level grid
    /// {0, 1/(p-1), ..., 1}. Each trajectory starts at a random grid point and changes one factor at a time, in random
    /// order, by +Delta or -Delta (random direction), so every factor moves exactly once. Returned trajectory by
    /// trajectory: point t (d + 1) + s is step s of trajectory t; <paramref name="moved"/>[t][s] is the factor changed
    /// between steps s and s + 1.
    /// </summary>
    public static double[][] Morris(int r, int d, int p, ulong seed, out int[][] moved)
    {
        var rng = new SeededUniform(seed, MorrisPurpose);
        double delta = MorrisDelta(p);
        int baseLevels = p / 2; // base values {0, ..., (p/2 - 1)/(p - 1)} keep x + Delta <= 1
        var pts = new double[r * (d + 1)][];
        moved = new int[r][];
        for (int t = 0; t < r; t++)
        {
            var x = new double[d];
            var up = new bool[d];
            for (int j = 0; j < d; j++)
            {
                double b = (double)rng.NextInt(baseLevels) / (p - 1);
                up[j] = rng.Next() < 0.5;
                x[j] = up[j] ? b : b + delta; // a downward step starts Delta higher
            }
            var order = rng.Permutation(d);
            moved[t] = order;
            pts[t * (d + 1)] = (double[])x.Clone();
            for (int s = 0; s < d; s++)
            {
                int j = order[s];
                x[j] = up[j] ? x[j] + delta : x[j] - delta;
                x[j] = Math.Round(x[j] * (p - 1)) / (p - 1); // stay exactly on the grid
                pts[t * (d + 1) + s + 1] = (double[])x.Clone();
            }
        }
        return pts;
    }

    /// <summary>
    /// Saltelli (2010) sample for Sobol indices: two independent N x d uniform matrices A and B and, for each factor i,
    /// AB_i = A with column i taken from B. Returned row by row: for row j, point j (d + 2) is A_j, + 1 is B_j and
    /// + 2 + i is AB_i,j (so every shard gets whole blocks in turn). Runs: N (d + 2).
    /// </summary>
    public static double[][] Saltelli(int n, int d, ulong seed)
    {
        var rng = new SeededUniform(seed, SaltelliPurpose);
        var pts = new double[n * (d + 2)][];
        for (int j = 0; j < n; j++)
        {
            var a = new double[d]; var b = new double[d];
            for (int i = 0; i < d; i++) a[i] = rng.Next();
            for (int i = 0; i < d; i++) b[i] = rng.Next();
            pts[j * (d + 2)] = a;
            pts[j * (d + 2) + 1] = b;
            for (int i = 0; i < d; i++)
            {
                var ab = (double[])a.Clone();
                ab[i] = b[i];
                pts[j * (d + 2) + 2 + i] = ab;
            }
        }
        return pts;
    }

    /// <summary>Independent uniform prior draws for ABC rejection.</summary>
    public static double[][] Uniform(int n, int d, ulong seed)
    {
        var rng = new SeededUniform(seed, AbcPurpose);
        var pts = new double[n][];
        for (int i = 0; i < n; i++)
        {
            pts[i] = new double[d];
            for (int j = 0; j < d; j++) pts[i][j] = rng.Next();
        }
        return pts;
    }
}

/// <summary>The design points of an experiment (unit coordinates, resolved values) and what each point is in its design.</summary>
public sealed class DesignPlan
{
    /// <summary>Unit coordinates per point.</summary>
    public required double[][] Unit { get; init; }
    /// <summary>Per point: a label of its role (e.g. "t3.s2" for Morris, "A"/"B"/"AB2" for Saltelli).</summary>
    public required string[] Role { get; init; }
    /// <summary>Morris: factor moved at each step of each trajectory.</summary>
    public int[][]? Moved { get; init; }
    /// <summary>Factorial: levels per parameter.</summary>
    public int[]? Levels { get; init; }
    public int Count => Unit.Length;

    /// <summary>Number of points a design makes, without building it.</summary>
    public static long PointCount(DesignSettings s, IReadOnlyList<VariedParameter> ps)
    {
        int d = ps.Count;
        return s.Type switch
        {
            DesignType.Factorial => ps.Aggregate(1L, (acc, p) => Math.Min(long.MaxValue / 1000, acc * (p.Values?.Count ?? s.Levels))),
            DesignType.Lhs => s.Samples,
            DesignType.Morris => (long)s.Trajectories * (d + 1),
            DesignType.Saltelli => (long)s.N * (d + 2),
            DesignType.AbcSmc => s.Evaluations,
            _ => s.Draws,
        };
    }

    /// <summary>Builds the design of an experiment (seeded by its seed).</summary>
    public static DesignPlan For(Experiment e)
    {
        var s = e.Design;
        int d = e.Parameters.Count;
        switch (s.Type)
        {
            case DesignType.Factorial:
            {
                var levels = e.Parameters.Select(p => p.Values?.Count ?? s.Levels).ToArray();
                var u = Designs.Factorial(levels);
                return new DesignPlan { Unit = u, Role = u.Select((_, i) => "f" + i).ToArray(), Levels = levels };
            }
            case DesignType.Lhs:
            {
                var u = Designs.LatinHypercube(s.Samples, d, e.Seed);
                return new DesignPlan { Unit = u, Role = u.Select((_, i) => "lhs" + i).ToArray() };
            }
            case DesignType.Morris:
            {
                var u = Designs.Morris(s.Trajectories, d, s.Levels, e.Seed, out var moved);
                return new DesignPlan { Unit = u, Role = u.Select((_, i) => $"t{i / (d + 1)}.s{i % (d + 1)}").ToArray(), Moved = moved };
            }
            case DesignType.Saltelli:
            {
                var u = Designs.Saltelli(s.N, d, e.Seed);
                return new DesignPlan { Unit = u, Role = u.Select((_, i) => (i % (d + 2)) switch { 0 => "A", 1 => "B", int k => "AB" + (k - 2) }).ToArray() };
            }
            default:
            {
                var u = Designs.Uniform(s.Draws, d, e.Seed);
                return new DesignPlan { Unit = u, Role = u.Select((_, i) => "draw" + i).ToArray() };
            }
        }
    }

    /// <summary>The parameter values (scenario text) of point i, in parameter order.</summary>
    public KeyValuePair<string, string>[] Values(Experiment e, int i) =>
        e.Parameters.Select((p, j) => new KeyValuePair<string, string>(p.Key, p.TextAt(Unit[i][j]))).ToArray();
}
