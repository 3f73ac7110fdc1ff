using DecapSim.Core.Factions;
using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 2: trafficking revenue: each faction earns a cell's route value in proportion to its armed presence there
/// (contested cells pay less, and a share <c>RerouteShare</c> of what they lose moves to the uncontested routes:
/// Dell 2015), wages, bribes and the arms
/// budget. A faction that cannot pay its wages loses cohesion, its soldiers' loyalty falls and some desert.
/// </summary>
public sealed class EconomyProcess : IProcess
{
    public string Name => "economy";

    public void Step(ModelState s)
    {
        var p = s.P.Economy;
        var F = s.Factions;
        var cells = s.Cells;
        var rev = s.Revenue;
        Array.Clear(rev, 0, F.Count);
        double demand = s.Policy.Demand;
        // each faction earns the cell's route value in proportion to its armed presence there
        var pres = s.Presence;
        // rerouting: the value contested cells lose flows to the held, uncontested routes in proportion to theirs
        double lost = 0, open = 0;
        for (int c = 0; c < cells.Count; c++)
        {
            if (pres.CellEntryStart[c + 1] == pres.CellEntryStart[c]) continue;
            if (cells.Contested[c]) lost += cells.RouteValue[c] * (1 - p.ContestedRevenueShare);
            else open += cells.RouteValue[c];
        }
        double boost = open > 0 ? 1 + p.RerouteShare * lost / open : 1;
        for (int c = 0; c < cells.Count; c++)
        {
            int e0 = pres.CellEntryStart[c], e1 = pres.CellEntryStart[c + 1];
            if (e1 == e0) continue;
            double total = 0;
            for (int e = e0; e < e1; e++) total += ArmedPresence(s, e);
            if (total <= 0) continue;
            double v = cells.RouteValue[c] * demand * (cells.Contested[c] ? p.ContestedRevenueShare : boost);
            for (int e = e0; e < e1; e++)
            {
                int f = pres.EntryFaction[e];
                if (!F.Active[f]) continue;
                rev[f] += v * ArmedPresence(s, e) / total;
            }
            cells.Bribes[c] += v * p.BribeShare;
        }
        double wage = s.Policy.PoliceWage * p.CartelWageMultiplier * 12.0 / 52.0;
        bool anyUnpaid = false;
        var members = s.Presence.FactionMembers;
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            double r = rev[f];
            s.Counters.Revenue += r;
            double wages = members[f] * wage;
            double bribes = r * p.BribeShare;
            s.ArmsBudget[f] = r * p.ArmsBudgetShare + 0.01 * Math.Max(0, F.Treasury[f]);
            F.Treasury[f] += r - wages - bribes;
            if (F.Treasury[f] < 0 && !s.P.MeanField)
            {
                F.Treasury[f] = 0;
                F.Unpaid[f] = true;
                F.Cohesion[f] = Math.Max(0, F.Cohesion[f] - p.UnpaidCohesionLoss);
                anyUnpaid = true;
            }
            else
            {
                if (F.Treasury[f] < 0) F.Treasury[f] = 0;
                F.Unpaid[f] = false;
            }
        }
        if (anyUnpaid && p.DesertionRate > 0) Desert(s, p.DesertionRate);
    }

    /// <summary>Members of an entry weighted by their faction's guns per member.</summary>
    internal static double ArmedPresence(ModelState s, int e)
    {
        var pres = s.Presence;
        int f = pres.EntryFaction[e];
        int cf = Math.Max(1, pres.FactionMembers[f]);
        return pres.EntryCount[e] * (1 + Math.Min(1, s.Factions.Arsenal[f] / cf));
    }

    /// <summary>Unpaid soldiers lose loyalty; some desert (retire from the organisation).</summary>
    private static void Desert(ModelState s, double rate)
    {
        var m = s.Members;
        var F = s.Factions;
        ulong key = s.StreamKey(Streams.Economy);
        int n = m.Count;
        for (int i = 0; i < n; i++)
        {
            if (m.Status[i] != (byte)MemberStatus.Active || !F.Unpaid[m.Faction[i]]) continue;
            if (m.Rank[i] != (byte)Rank.Soldier) continue;
            m.Loyalty[i] = Math.Max(0f, m.Loyalty[i] - 0.05f);
            if (CounterRng.Uniform(key, (ulong)s.Week, (ulong)i) < rate * (1.5 - m.Loyalty[i]))
                s.RemoveMember(i, dead: false);
        }
    }
}
