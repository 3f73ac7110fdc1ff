using DecapSim.Core.Factions;
using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 12: saturation and retirement. Faction f loses omega C_f^2 members a week in expectation (the
/// reference model's omega C_i^2 term); who leaves is weighted toward older members by exp(AgeSlope x age),
/// normalised within the faction so the expected total is unchanged. Everyone ages a week.
/// </summary>
public sealed class ExitsProcess : IProcess
{
    private double[] _weightSum = Array.Empty<double>();
    private double[] _factor = Array.Empty<double>();
    private readonly double[] _ageWeight = new double[401];
    private double _slope = double.NaN;

    public string Name => "exits";

    public void Step(ModelState s)
    {
        var p = s.P.Exits;
        if (_slope != p.AgeSlope)
        {
            _slope = p.AgeSlope;
            for (int k = 0; k < _ageWeight.Length; k++) _ageWeight[k] = Math.Exp(p.AgeSlope * (k / 4.0 - 30));
        }
        var F = s.Factions;
        if (_weightSum.Length < F.Capacity) { _weightSum = new double[F.Capacity]; _factor = new double[F.Capacity]; }
        Array.Clear(_weightSum, 0, F.Capacity);
        var m = s.Members;
        int n = m.Count;
        for (int i = 0; i < n; i++)
        {
            if (m.Entry[i] < 0 || m.Status[i] != (byte)MemberStatus.Active || m.Rank[i] != (byte)Rank.Soldier) continue;
            _weightSum[m.Faction[i]] += _ageWeight[AgeIndex(m.Age[i])];
        }
        var counts = s.Presence.FactionMembers;
        for (int f = 0; f < F.Count; f++)
        {
            double cf = f < counts.Length ? counts[f] : 0;
            _factor[f] = _weightSum[f] > 0 ? p.Omega * cf * cf / _weightSum[f] : 0;
        }
        ulong key = s.StreamKey(Streams.Exits);
        ulong week = (ulong)s.Week;
        const float aWeek = 1f / 52f;
        for (int i = 0; i < n; i++)
        {
            byte st = m.Status[i];
            if (st == (byte)MemberStatus.Free) continue;
            m.Age[i] += aWeek;
            if (st != (byte)MemberStatus.Active || m.Entry[i] < 0 || m.Rank[i] != (byte)Rank.Soldier) continue;
            double h = _factor[m.Faction[i]] * _ageWeight[AgeIndex(m.Age[i] - aWeek)];
            if (h > 0 && CounterRng.Uniform(key, week, (ulong)i) < h)
            {
                // keep the end-of-week count the observer reports (counted by consolidation, before exits) exact
                int f = m.Faction[i];
                if (f < s.LiveMembers.Length && s.LiveMembers[f] > 0) s.LiveMembers[f]--;
                s.RemoveMember(i, dead: false);
            }
        }
    }

    private static int AgeIndex(float age) => Math.Clamp((int)(age * 4), 0, 400);
}
