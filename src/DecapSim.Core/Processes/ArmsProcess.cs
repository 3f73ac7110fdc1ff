namespace DecapSim.Core.Processes;

/// <summary>
/// Step 3: the southbound arms flow. Weekly supply = flow/52 x (1 - interdiction); factions buy in proportion
/// to their arms budget and border access, limited by what they can pay. Arsenals wear out; lethality
/// lambda_f = 1 + LethalityPerGun x min(1, guns per member).
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
            double perMember = members[f] > 0 ? F.Arsenal[f] / members[f] : 0;
            s.Lethality[f] = s.P.MeanField ? 1.0 : 1 + p.LethalityPerGun * Math.Min(1, perMember);
        }
    }
}
