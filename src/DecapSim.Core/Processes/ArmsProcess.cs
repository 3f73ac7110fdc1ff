using DecapSim.Core.Parameters;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 3: the southbound arms flow. Weekly supply = flow/52 x (1 - interdiction); factions buy in proportion
/// to their arms budget and border access, limited by what they can pay. Arsenals wear out. Lethality is concave
/// and unsaturated, lambda = 1 + L (1 - exp(-g / g0)) for g guns per member, and arms are held where the fighting
/// is: a share <c>FrontlineArmsShare</c> of the arsenal goes to the members in contested cells, so interdiction
/// bites most at the front (Dube, Dube &amp; Garcia-Ponce 2013).
/// </summary>
public sealed class ArmsProcess : IProcess
{
    public string Name => "arms";

    public void Step(ModelState s)
    {
        var p = s.P.Arms;
        var F = s.Factions;
        double flow = s.Policy.ArmsFlowPerYear / 52.0;
        double interdiction = Math.Clamp(s.Policy.Interdiction, 0, 1);
        double interdicted = flow * interdiction;
        double available = flow - interdicted;
        s.Counters.ArmsInterdicted += interdicted;
        double wsum = 0;
        var w = s.ArmsBudget;
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) { w[f] = 0; continue; }
            double borderShare = s.ControlledCells[f] > 0 ? (double)s.BorderCells[f] / s.ControlledCells[f] : 0;
            w[f] = Math.Max(0, w[f]) * (1 + p.BorderAccessBonus * borderShare);
            wsum += w[f];
        }
        var members = s.Presence.FactionMembers;
        var pres = s.Presence;
        if (_front.Length < F.Capacity) _front = new int[F.Capacity];
        Array.Clear(_front, 0, F.Capacity);
        for (int e = 0; e < pres.EntryCountUsed; e++)
            if (s.Cells.Contested[pres.EntryCell[e]]) _front[pres.EntryFaction[e]] += pres.EntryCount[e];
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            F.Arsenal[f] *= 1 - p.Depreciation;
            F.Heavy[f] *= 1 - p.Depreciation;
            if (wsum > 0 && available > 0)
            {
                double want = available * w[f] / wsum;
                double afford = p.PricePerGun > 0 ? Math.Max(0, F.Treasury[f]) / p.PricePerGun : want;
                double guns = Math.Min(want, afford);
                F.Arsenal[f] += guns;
                F.Heavy[f] += guns * p.HeavyShare;
                F.Treasury[f] -= guns * p.PricePerGun;
                s.Counters.ArmsAcquired += guns;
            }
            if (s.P.MeanField) { s.Lethality[f] = s.FrontLethality[f] = 1.0; continue; }
            int n = members[f], front = Math.Min(_front[f], n), rear = n - front;
            double a = Math.Max(0, F.Arsenal[f]);
            double frontGuns = front == 0 ? 0 : rear == 0 ? a : p.FrontlineArmsShare * a;
            s.FrontLethality[f] = Lethality(p, front > 0 ? frontGuns / front : (n > 0 ? a / n : 0));
            s.Lethality[f] = Lethality(p, rear > 0 ? (a - frontGuns) / rear : (n > 0 ? a / n : 0));
        }
    }

    private int[] _front = Array.Empty<int>();

    /// <summary>lambda = 1 + L (1 - exp(-g / g0)) for g guns per member.</summary>
    public static double Lethality(ArmsParameters p, double gunsPerMember) =>
        1 + p.LethalityPerGun * (1 - Math.Exp(-Math.Max(0, gunsPerMember) / p.LethalityScale));
}
