using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Random;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Processes;

/// <summary>
/// A lieutenant's removal: the unit's plazas become a vacuum for LieutenantVacuumWeeks (rivals are drawn to a
/// weakened plaza), and with probability DefectionBase x (1 - chi_f) the unit defects — to the fiercest rival or,
/// as often, as a splinter under a promoted soldier. Otherwise a soldier is promoted by the hierarchy staffing.
/// </summary>
internal sealed class LieutenantDefection
{
    /// <summary>Chance a defecting unit joins the fiercest rival rather than splitting off.</summary>
    /// <remarks>Even odds: nothing in the sources tells the two apart.</remarks>
    public const double JoinRivalShare = 0.5;
    /// <summary>Succession-war rivalry between a defecting splinter and its parent, relative to WarRivalry.</summary>
    /// <remarks>Half: a unit walking out is a smaller war than a contested succession.</remarks>
    public const double DefectionWarShare = 0.5;

    private readonly StreamRng _rng;

    public LieutenantDefection(StreamRng rng) => _rng = rng;

    public void LieutenantRemoved(ModelState s, Removal r, int region)
    {
        var F = s.Factions;
        var p = s.P.Succession;
        int f = r.Faction;
        s.Log(SimEventType.LieutenantRemoval, f, region, code: r.Mode == RemovalMode.Kill ? 1 : 2);
        int u = r.Unit;
        if (u < 0 || !s.Units.Active[u] || s.Units.Faction[u] != f || s.P.MeanField) return;
        if (p.LieutenantVacuumWeeks > 0)
        {
            var cells = s.Cells;
            int until = s.Week + p.LieutenantVacuumWeeks;
            for (int c = 0; c < cells.Count; c++)
                if (cells.HolderUnit[c] == u && cells.VacuumUntil[c] < until) cells.VacuumUntil[c] = until;
        }
        if (_rng.NextDouble() >= p.DefectionBase * (1 - F.Cohesion[f])) return;
        // the group defects: split off under a promoted soldier, or join the fiercest rival
        int newLeader = -1;
        var m = s.Members;
        // the lowest slot among the unit's active soldiers (the faction's members in ascending slot order, not a
        // pass over the member table)
        foreach (int i in Ops.MembersOf(s, f, imprisoned: false, unit: u))
            if (m.Rank[i] == (byte)Rank.Soldier) { newLeader = i; break; }
        if (newLeader < 0) return;
        int rival = FiercestRival(s, f);
        if (rival >= 0 && _rng.NextDouble() < JoinRivalShare)
        {
            int moved = Splinters.MoveUnit(s, u, f, rival);
            s.Log(SimEventType.Defection, f, region, other: rival, value: moved);
        }
        else
        {
            int g = Splinters.Found(s, f, u, newLeader, region);
            FactionTable.SetSym(F.War, F.Capacity, f, g, p.WarRivalry * DefectionWarShare);
            s.Log(SimEventType.Defection, f, region, other: g, value: 0);
        }
    }

    private static int FiercestRival(ModelState s, int f)
    {
        var F = s.Factions;
        int best = -1; double bestR = 0;
        for (int g = 0; g < F.Count; g++)
        {
            if (g == f || !F.Active[g]) continue;
            double r = F.Rivalry[F.Pair(f, g)] + F.War[F.Pair(f, g)];
            if (r > bestR) { bestR = r; best = g; }
        }
        return best;
    }
}
