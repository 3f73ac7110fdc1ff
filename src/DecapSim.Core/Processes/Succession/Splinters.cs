using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;

namespace DecapSim.Core.Processes;

/// <summary>
/// Founding a splinter: a unit leaves its faction with its members (active and imprisoned) and its plazas, under a
/// new leader. The splinter inherits the parent's rivalries, half its alliances and wars, and a share of its
/// treasury and arsenal in proportion to the members it takes. Because soldiers live in their unit's plazas, the
/// splinter's territory is a piece of the parent's, and the fighting that follows is at the frontiers.
/// </summary>
internal static class Splinters
{
    /// <summary>Share of the parent's alliances (and succession wars with third parties) a splinter inherits.</summary>
    /// <remarks>Half: a splinter keeps some of its parent's ties, and its own war with the parent weighs more.</remarks>
    public const double InheritedTieShare = 0.5;

    /// <summary>Founds a splinter of f from unit u, led by <paramref name="newLeader"/>; returns its id.</summary>
    public static int Found(ModelState s, int f, int u, int newLeader, int region)
    {
        var F = s.Factions;
        var m = s.Members;
        int children = 0;
        for (int g = 0; g < F.Count; g++) if (F.Parent[g] == f) children++;
        int homeRegion = s.World.Region[m.Cell[newLeader]];
        int gId = F.Add(s.Naming.Splinter(F.Name[f], children + 1), f, s.Week, homeRegion, s.P.Factions.CohesionMean);
        s.EnsureFactionArrays();
        s.Presence.EnsureFactionCapacity(F.Capacity);
        int cap = F.Capacity;
        for (int h = 0; h < F.Count; h++)
        {
            if (h == gId || h == f) continue;
            FactionTable.SetSym(F.Rivalry, cap, gId, h, F.Rivalry[F.Pair(f, h)]);
            FactionTable.SetSym(F.Alliance, cap, gId, h, InheritedTieShare * F.Alliance[F.Pair(f, h)]);
            FactionTable.SetSym(F.War, cap, gId, h, InheritedTieShare * F.War[F.Pair(f, h)]);
        }
        int moved = MoveUnit(s, u, f, gId);
        m.Rank[newLeader] = (byte)Rank.Leader;
        m.Unit[newLeader] = -1;
        m.Faction[newLeader] = gId;
        m.Touch(newLeader);
        if (s.Units.Lieutenant[u] == newLeader) s.Units.Lieutenant[u] = -1;
        F.Leader[gId] = newLeader;
        double before = Math.Max(1, s.Presence.FactionMembers[f]);
        double share = Math.Min(1, moved / before);
        F.Treasury[gId] = F.Treasury[f] * share; F.Treasury[f] -= F.Treasury[gId];
        F.Arsenal[gId] = F.Arsenal[f] * share; F.Arsenal[f] -= F.Arsenal[gId];
        F.Heavy[gId] = F.Heavy[f] * share; F.Heavy[f] -= F.Heavy[gId];
        F.PeakMembers[gId] = moved;
        s.Lethality[gId] = s.Lethality[f];
        s.FrontLethality[gId] = s.FrontLethality[f];
        RefreshAlliances(s, gId);
        s.Counters.NewSplinters++;
        s.Log(SimEventType.Split, f, region, other: gId, value: moved);
        return gId;
    }

    /// <summary>Moves every member of unit u (active or imprisoned) from faction f to g, and the plazas the unit
    /// holds; returns how many active members moved.</summary>
    public static int MoveUnit(ModelState s, int u, int f, int g)
    {
        var m = s.Members;
        int moved = 0;
        foreach (int i in Ops.MembersOf(s, f, imprisoned: true, unit: u))
        {
            m.Faction[i] = g;
            m.Touch(i);
            if (m.Status[i] == (byte)MemberStatus.Active) moved++;
        }
        s.PrisonersChangedFaction(f);
        s.Units.Faction[u] = g;
        var cells = s.Cells;
        for (int c = 0; c < cells.Count; c++)
            if (cells.HolderUnit[c] == u && cells.Controller[c] == f) cells.Controller[c] = g;
        return moved;
    }

    private static void RefreshAlliances(ModelState s, int g)
    {
        var F = s.Factions;
        F.RefreshAlliance(g);
        for (int h = 0; h < F.Count; h++) if (F.Active[h] && F.Alliance[F.Pair(g, h)] > 0) F.RefreshAlliance(h);
    }
}
