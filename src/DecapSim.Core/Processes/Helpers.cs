using DecapSim.Core.Factions;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Processes;

/// <summary>Small operations several processes share.</summary>
internal static class Ops
{
    /// <summary>
    /// Queues the removal of a ranked member (leader or lieutenant) taken out by death or arrest in a member pass.
    /// Dead: the slot is kept (marked gone) until succession has read it. Arrested: the member stays imprisoned.
    /// </summary>
    public static void RemoveRanked(ModelState s, int m, RemovalMode mode, bool heirUnavailable = false, int label = -1)
    {
        var members = s.Members;
        int f = members.Faction[m];
        bool leader = members.Rank[m] == (byte)Rank.Leader;
        int unit = leader ? -1 : members.Unit[m];
        s.Removals.Add(new Removal(f, m, mode, leader, unit, heirUnavailable, label));
        if (!leader && unit >= 0 && s.Units.Lieutenant[unit] == m) s.Units.Lieutenant[unit] = -1;
        if (s.Factions.Heir[f] == m) s.Factions.Heir[f] = -1;
        members.Rank[m] = (byte)Rank.Soldier;
    }

    /// <summary>Kills an active member: ledger and rank bookkeeping (the caller counts the death where it belongs).</summary>
    public static void Kill(ModelState s, int m, bool heirUnavailable = false, int label = -1)
    {
        var members = s.Members;
        if (members.Rank[m] != (byte)Rank.Soldier)
        {
            RemoveRanked(s, m, RemovalMode.Kill, heirUnavailable, label);
            members.MarkGone(m);
            s.PendingFree.Add(m);
            s.Ledger.Dead++;
            s.LossesThisWeek[members.Faction[m]]++;
        }
        else s.RemoveMember(m, dead: true);
    }

    /// <summary>Imprisons an active member for a number of weeks.</summary>
    public static void Imprison(ModelState s, int m, int weeks, bool heirUnavailable = false, int label = -1)
    {
        var members = s.Members;
        if (members.Rank[m] != (byte)Rank.Soldier) RemoveRanked(s, m, RemovalMode.Capture, heirUnavailable, label);
        s.LossesThisWeek[members.Faction[m]]++;
        members.Status[m] = (byte)MemberStatus.Imprisoned;
        members.ReleaseWeek[m] = s.Week + Math.Max(1, weeks);
        members.Entry[m] = -1;
        s.Counters.Arrests++;
        s.ImprisonedCount++;
        s.AddPrisoner(m);
    }

    /// <summary>Follows absorptions to the faction that now holds a (possibly ended) faction's members, or -1.</summary>
    public static int Successor(ModelState s, int f)
    {
        int guard = 0;
        while (f >= 0 && !s.Factions.Active[f] && guard++ < 64) f = s.Factions.MergedInto[f];
        return f >= 0 && s.Factions.Active[f] ? f : -1;
    }
}
