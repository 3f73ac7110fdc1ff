using DecapSim.Core.Factions;
using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Draws events per presence entry (cell x faction) instead of per member: the number of events in an entry is
/// drawn from its own counter-based stream (keyed by process, week and entry, so the visiting order does not
/// matter), then that many distinct active members of the entry are picked. Costs O(entries + events) rather
/// than O(members).
/// </summary>
internal sealed class EntryDraws
{
    private readonly StreamRng _rng = new(0);

    /// <summary>Reseeds the per-entry stream for (key, week, entry).</summary>
    public StreamRng For(ulong key, int week, int entry)
    {
        _rng.Reseed(CounterRng.Mix(key ^ CounterRng.Mix(((ulong)(uint)week << 32) | (uint)entry)));
        return _rng;
    }

    /// <summary>
    /// The number of events in entry <paramref name="entry"/> among n members with per-member probability p, with
    /// the entry's stream reseeded only when there is at least one event (most entries have none in a week).
    /// </summary>
    /// <remarks>For means below 30 the count is drawn by inverting the Poisson distribution function with one
    /// counter-based uniform (exact, and ~10x cheaper than reseeding a stream for every entry, which dominated
    /// sparse worlds with about one member per entry); larger means use MathNet.Numerics.</remarks>
    public int CountAndSeed(ulong key, int week, int entry, int n, double p, out StreamRng rng)
    {
        rng = _rng;
        if (n <= 0 || p <= 0) return 0;
        double mean = n * Math.Min(1, p);
        int k;
        if (p >= 1) k = n;
        else if (mean < 30)
        {
            double u = CounterRng.Uniform(key, (ulong)(uint)week, (ulong)(uint)entry);
            // most entries have no event: exp(-mean) >= 1 - mean, so below that bound (with a margin far above
            // rounding) the count is 0 without evaluating the exponential
            if (u <= 1 - mean * 1.000001 - 1e-12) return 0;
            double prob = Math.Exp(-mean), cdf = prob;
            k = 0;
            while (u > cdf && k < n)
            {
                k++;
                prob *= mean / k;
                cdf += prob;
                if (prob < 1e-300) break;
            }
        }
        else k = Math.Min(n, For(key, week, entry).Poisson(mean));
        if (k > 0) For(key ^ 0x5851F42D4C957F2DUL, week, entry);
        return Math.Min(k, n);
    }

    /// <summary>A random member of entry e that is still active and still in the entry, or -1.</summary>
    public static int PickActive(ModelState s, StreamRng rng, int e)
    {
        var pres = s.Presence;
        var m = s.Members;
        int a = pres.EntryMemberStart[e], b = pres.EntryMemberStart[e + 1];
        int n = b - a;
        if (n <= 0) return -1;
        for (int t = 0; t < 16; t++)
        {
            int i = pres.MembersByEntry[a + rng.Next(n)];
            if (m.Entry[i] >= 0 && m.Status[i] == (byte)MemberStatus.Active) return i;
        }
        int start = rng.Next(n);
        for (int k = 0; k < n; k++)
        {
            int i = pres.MembersByEntry[a + (start + k) % n];
            if (m.Entry[i] >= 0 && m.Status[i] == (byte)MemberStatus.Active) return i;
        }
        return -1;
    }
}
