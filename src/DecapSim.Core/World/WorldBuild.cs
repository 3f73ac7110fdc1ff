using DecapSim.Core.Random;
using MathNet.Numerics.Distributions;

namespace DecapSim.Core.World;

/// <summary>Helpers shared by the world builders: population splits and CSR adjacency.</summary>
internal static class WorldBuild
{
    /// <summary>Lognormal weights with median 1 (MathNet.Numerics draws from <paramref name="rng"/>).</summary>
    public static double[] LogNormalWeights(StreamRng rng, int count, double sigma)
    {
        var w = new double[count];
        if (count > 0) LogNormal.Samples(rng, w, 0.0, sigma);
        return w;
    }

    /// <summary>
    /// Splits <paramref name="total"/> people over cells in proportion to <paramref name="weights"/>,
    /// every cell at least one person, the parts summing exactly to the total (largest remainders).
    /// </summary>
    public static void SplitPopulation(long total, ReadOnlySpan<double> weights, Span<int> result)
    {
        int n = weights.Length;
        if (n == 0) return;
        if (total < n) throw new ArgumentException($"cannot split {total} people over {n} cells with at least one each");
        double sum = 0;
        foreach (var w in weights) sum += w;
        long rest = total - n;
        long assigned = 0;
        var frac = new double[n];
        for (int i = 0; i < n; i++)
        {
            double share = rest * (weights[i] / sum);
            long whole = (long)Math.Floor(share);
            result[i] = checked((int)(1 + whole));
            frac[i] = share - whole;
            assigned += 1 + whole;
        }
        long left = total - assigned;
        if (left > 0)
        {
            // Largest fractional parts first; ties by index so the split is deterministic.
            var order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Array.Sort(order, (a, b) => frac[b] != frac[a] ? frac[b].CompareTo(frac[a]) : a.CompareTo(b));
            for (int k = 0; k < left; k++) result[order[k % n]]++;
        }
    }

    /// <summary>Builds symmetric CSR adjacency from undirected edges (duplicates and self-loops dropped), neighbours sorted.</summary>
    public static (int[] Start, int[] Adjacency) Csr(int n, IReadOnlyCollection<(int A, int B)> edges)
    {
        var set = new HashSet<long>();
        var degree = new int[n];
        foreach (var (a, b) in edges)
        {
            if (a == b) continue;
            int lo = Math.Min(a, b), hi = Math.Max(a, b);
            if (set.Add(((long)lo << 32) | (uint)hi)) { degree[lo]++; degree[hi]++; }
        }
        var start = new int[n + 1];
        for (int c = 0; c < n; c++) start[c + 1] = start[c] + degree[c];
        var adj = new int[start[n]];
        var fill = new int[n];
        Array.Copy(start, fill, n);
        foreach (long key in set)
        {
            int lo = (int)(key >> 32), hi = (int)(key & 0xFFFFFFFF);
            adj[fill[lo]++] = hi;
            adj[fill[hi]++] = lo;
        }
        for (int c = 0; c < n; c++) Array.Sort(adj, start[c], start[c + 1] - start[c]);
        return (start, adj);
    }

    /// <summary>Scales weights in place to sum to one (all zero stays zero).</summary>
    public static void Normalize(double[] w)
    {
        double sum = 0;
        foreach (var x in w) sum += x;
        if (sum <= 0) return;
        for (int i = 0; i < w.Length; i++) w[i] /= sum;
    }
}
