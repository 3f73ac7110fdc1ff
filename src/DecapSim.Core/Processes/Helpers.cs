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
        members.Touch(m);
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

    /// <summary>Imprisons an active member for a number of weeks (a leader is noted in <see cref="ModelState.JailedLeaders"/>).</summary>
    public static void Imprison(ModelState s, int m, int weeks, bool heirUnavailable = false, int label = -1)
    {
        var members = s.Members;
        bool leader = members.Rank[m] == (byte)Rank.Leader;
        if (members.Rank[m] != (byte)Rank.Soldier) RemoveRanked(s, m, RemovalMode.Capture, heirUnavailable, label);
        s.LossesThisWeek[members.Faction[m]]++;
        members.Jail(m, s.Week + Math.Max(1, weeks));
        if (leader) s.JailedLeaders.Add(new JailedLeader(members.Faction[m], m, s.Week, members.ReleaseWeek[m]));
        members.Entry[m] = -1;
        members.Touch(m);
        s.Counters.Arrests++;
        s.ImprisonedCount++;
        s.AddPrisoner(m);
    }

    [ThreadStatic] private static List<int>? _members;

    /// <summary>Members ahead of a pass over an entry whose fields are asked into cache.</summary>
    private const int HintAhead = 6;

    /// <summary>
    /// The slots of faction f that are active (and, with <paramref name="imprisoned"/>, imprisoned), in ascending
    /// order, without a pass over the member table: the members listed under f at this week's snapshot, the slots
    /// changed since (<see cref="Factions.MemberTable.Changed"/>) and f's entries of the prison list
    /// (<see cref="ModelState.PrisonFaction"/>), filtered by their state now.
    /// The list is scratch owned by this thread, valid until the next call. With <paramref name="unit"/> (default: any), only
    /// that unit's members.
    /// </summary>
    public static List<int> MembersOf(ModelState s, int f, bool imprisoned, int unit = int.MinValue)
    {
        var list = _members ??= new List<int>(1024);
        list.Clear();
        var m = s.Members;
        var pres = s.Presence;
        if (f + 1 < pres.FactionEntryStart.Length)
            foreach (int e in pres.EntriesOf(f))
            {
                var members = pres.MembersOf(e);
                for (int k = 0; k < members.Length; k++)
                {
                    if (k + HintAhead < members.Length)
                    {
                        int h = members[k + HintAhead];
                        CachePrefetch.Element(m.Faction, h); CachePrefetch.Element(m.Status, h);
                        if (unit != int.MinValue) CachePrefetch.Element(m.Unit, h);
                    }
                    int i = members[k];
                    if (m.Faction[i] == f && m.Status[i] == (byte)MemberStatus.Active && (unit == int.MinValue || m.Unit[i] == unit)) list.Add(i);
                }
            }
        var changed = m.Changed.AsSpan(0, m.ChangedCount);
        foreach (int i in changed)
            if (m.Faction[i] == f && m.Status[i] == (byte)MemberStatus.Active && (unit == int.MinValue || m.Unit[i] == unit)) list.Add(i);
        if (imprisoned)
        {
            // the newest prison entry of every imprisoned slot carries its faction: only f's entries are read
            var prisonFaction = s.PrisonFaction.AsSpan(0, s.PrisonCount);
            for (int j = prisonFaction.IndexOf(f); j >= 0; j = ModelState.NextIndexOf(prisonFaction, j, f))
            {
                int i = s.Prison[j];
                if (m.Faction[i] == f && m.Status[i] == (byte)MemberStatus.Imprisoned && (unit == int.MinValue || m.Unit[i] == unit)) list.Add(i);
            }
        }
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
        span.Sort();
        int n = 0;
        for (int k = 0; k < span.Length; k++) if (n == 0 || span[k] != span[n - 1]) span[n++] = span[k];
        list.RemoveRange(n, list.Count - n);
        return list;
    }

    /// <summary>Follows absorptions to the faction that now holds a (possibly ended) faction's members, or -1.</summary>
    public static int Successor(ModelState s, int f)
    {
        int guard = 0;
        while (f >= 0 && !s.Factions.Active[f] && guard++ < 64) f = s.Factions.MergedInto[f];
        return f >= 0 && s.Factions.Active[f] ? f : -1;
    }
}
