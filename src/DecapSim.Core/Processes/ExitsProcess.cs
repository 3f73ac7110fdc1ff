using DecapSim.Core.Factions;
using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 12: saturation and retirement. Faction f loses omega C_f^2 members a week in expectation (the
/// reference model's omega C_i^2 term); who leaves is weighted toward older members by exp(AgeSlope x (age - 30)),
/// normalised within the faction so the expected total is unchanged. Drawn per presence entry by thinning:
/// Poisson(n x factor_f x wmax_f) candidates, each leaving with probability w_i / wmax_f.
/// </summary>
public sealed class ExitsProcess : IProcess
{
    private double[] _factor = Array.Empty<double>();
    private readonly EntryDraws _draws = new();

    public string Name => "exits";

    /// <summary>The age-weight table for a slope: index = age in quarter years (0..400).</summary>
    public static double[] AgeWeights(double slope)
    {
        var t = new double[401];
        for (int k = 0; k < t.Length; k++) t[k] = Math.Exp(slope * (k / 4.0 - 30));
        return t;
    }

    public void Step(ModelState s)
    {
        var p = s.P.Exits;
        var F = s.Factions;
        var pres = s.Presence;
        if (_factor.Length < F.Capacity) _factor = new double[F.Capacity];
        var counts = pres.FactionMembers;
        for (int f = 0; f < F.Count; f++)
        {
            double cf = f < counts.Length ? counts[f] : 0;
            double sw = f < pres.FactionExitWeight.Length ? pres.FactionExitWeight[f] : 0;
            _factor[f] = sw > 0 ? p.Omega * cf * cf / sw : 0;
        }
        if (p.Omega <= 0) return;
        var m = s.Members;
        var table = s.AgeWeightTable;
        ulong key = s.StreamKey(Streams.Exits);
        for (int e = 0; e < pres.EntryCountUsed; e++)
        {
            int f = pres.EntryFaction[e];
            double wmax = pres.FactionMaxExitWeight[f];
            double rate = _factor[f] * wmax;
            if (rate <= 0) continue;
            int n = pres.EntryCount[e];
            int k = _draws.CountAndSeed(key, s.Week, e, n, Math.Min(1, rate), out var rng);
            for (int j = 0; j < k; j++)
            {
                int i = EntryDraws.PickActive(s, rng, e);
                if (i < 0) break;
                double accept = m.Rank[i] == (byte)Rank.Soldier ? table[m.ExitBin(i, s.Week)] / wmax : 0;
                if (rng.NextDouble() >= accept) continue;
                if (f < s.LiveMembers.Length && s.LiveMembers[f] > 0) s.LiveMembers[f]--;
                s.RemoveMember(i, dead: false);
            }
        }
    }
}
