using DecapSim.Core.Factions;
using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Keeps every faction's hierarchy staffed: a leaderless faction promotes a soldier, a headless unit promotes one
/// of its own soldiers, and a faction with fewer units than ceil(C_f / SoldiersPerLieutenant) (at most
/// MaxLieutenants) creates one: the promoted soldier takes charge of half of his old unit's soldiers in his plaza.
/// The search starts at a random place in the faction's members, so promotions are not biased toward low cell
/// (region) indices.
/// </summary>
internal sealed class HierarchyStaffing
{
    /// <summary>Smallest faction that has lieutenants (below it the leader commands the soldiers directly).</summary>
    public const int MinMembersForUnits = 3;

    private readonly StreamRng _rng;
    private int[] _need = Array.Empty<int>();
    private bool[] _needLeader = Array.Empty<bool>();
    private bool[] _unitSeen = Array.Empty<bool>();

    public HierarchyStaffing(StreamRng rng) => _rng = rng;

    /// <summary>Promotes soldiers where a faction lacks a leader or lieutenants (one pass, only when needed).</summary>
    public void Staff(ModelState s)
    {
        var F = s.Factions;
        var U = s.Units;
        var p = s.P.Succession;
        s.RebuildUnitLists();
        if (_need.Length < F.Capacity) { _need = new int[F.Capacity]; _needLeader = new bool[F.Capacity]; }
        bool any = false;
        var counts = s.Presence.FactionMembers;
        for (int f = 0; f < F.Count; f++)
        {
            _need[f] = 0; _needLeader[f] = false;
            if (!F.Active[f]) continue;
            int c = counts[f];
            if (F.Leader[f] < 0 || !s.Members.IsActive(F.Leader[f])) { _needLeader[f] = true; any = true; }
            int desired = c >= MinMembersForUnits ? Math.Clamp((int)Math.Ceiling(c / p.SoldiersPerLieutenant), 1, p.MaxLieutenants) : 0;
            int have = 0; bool headless = false;
            foreach (var u in s.UnitsOf(f)) { have++; if (U.Lieutenant[u] < 0) headless = true; }
            if (have < desired) { _need[f] = desired - have; any = true; }
            if (headless) any = true;
        }
        if (!any) return;
        // promote from the faction's own members in this week's snapshot (no pass over all members)
        var pres = s.Presence;
        bool created = false, retired = false;
        if (_unitSeen.Length < U.Count) _unitSeen = new bool[Math.Max(U.Count, _unitSeen.Length * 2)];
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f] || f >= pres.FactionEntryStart.Length - 1) continue;
            bool headless = false;
            foreach (var u in s.UnitsOf(f)) if (U.Lieutenant[u] < 0) headless = true;
            if (!_needLeader[f] && _need[f] == 0 && !headless) continue;
            var entries = pres.EntriesOf(f);
            int start = entries.Length > 0 ? _rng.Next(entries.Length) : 0;
            for (int j = 0, x = start; j < entries.Length; j++, x = x + 1 == entries.Length ? 0 : x + 1)
                created |= StaffFromEntry(s, f, entries[x]);
            foreach (var u in s.UnitsOf(f))
            {
                if (U.Lieutenant[u] < 0 && !_unitSeen[u]) { U.Active[u] = false; retired = true; }
                _unitSeen[u] = false;
            }
        }
        if (created || retired) s.RebuildUnitLists();
    }

    /// <summary>Promotes soldiers of entry e (faction f) where needed; returns whether a unit was created.</summary>
    private bool StaffFromEntry(ModelState s, int f, int e)
    {
        var m = s.Members;
        var U = s.Units;
        var F = s.Factions;
        var pres = s.Presence;
        int a = pres.EntryMemberStart[e], b = pres.EntryMemberStart[e + 1];
        int n = b - a;
        if (n == 0) return false;
        bool created = false;
        int offset = _rng.Next(n);
        var members = pres.MembersByEntry;
        // the segment from a random offset, wrapping around once (a running index instead of a division per member)
        int q = a + offset;
        int pq = q;
        for (int t = 0; t < n && t < PrefetchDistance; t++, pq = pq + 1 == b ? a : pq + 1) Prefetch(m, members[pq]);
        for (int t = 0; t < n; t++, q = q + 1 == b ? a : q + 1)
        {
            if (t + PrefetchDistance < n) { Prefetch(m, members[pq]); pq = pq + 1 == b ? a : pq + 1; }
            int i = members[q];
            if (m.Status[i] != (byte)MemberStatus.Active || m.Faction[i] != f || m.Rank[i] != (byte)Rank.Soldier) continue;
            int u = m.Unit[i];
            if (u >= 0 && u < U.Count) _unitSeen[u] = true;
            if (_needLeader[f])
            {
                _needLeader[f] = false;
                m.Rank[i] = (byte)Rank.Leader; m.Unit[i] = -1; F.Leader[f] = i; m.Touch(i);
                continue;
            }
            if (u >= 0 && U.Faction[u] == f && U.Lieutenant[u] < 0)
            {
                U.Lieutenant[u] = i; m.Rank[i] = (byte)Rank.Lieutenant; m.Touch(i);
                continue;
            }
            if (_need[f] > 0)
            {
                _need[f]--;
                int nu = U.Add(f, i);
                if (_unitSeen.Length < U.Count) Array.Resize(ref _unitSeen, U.Count * 2);
                m.Unit[i] = nu; m.Rank[i] = (byte)Rank.Lieutenant; m.Touch(i);
                TakeHalfOfPlaza(s, f, a, b, u, nu);
                created = true;
            }
        }
        return created;
    }

    /// <summary>Members ahead of the walk whose fields are asked into cache (the walk reads four arrays at each
    /// member's scattered slot; with the hints those loads overlap: the walk took about half the time).</summary>
    private const int PrefetchDistance = 12;

    private static void Prefetch(MemberTable m, int i)
    {
        CachePrefetch.Element(m.Status, i);
        CachePrefetch.Element(m.Faction, i);
        CachePrefetch.Element(m.Rank, i);
        CachePrefetch.Element(m.Unit, i);
    }

    /// <summary>A new unit takes every other soldier of the old unit in the same plaza (entry members [a, b)).</summary>
    private static void TakeHalfOfPlaza(ModelState s, int f, int a, int b, int oldUnit, int newUnit)
    {
        if (oldUnit < 0) return;
        var m = s.Members;
        var pres = s.Presence;
        bool take = false;
        for (int k = a; k < b; k++)
        {
            int i = pres.MembersByEntry[k];
            if (m.Status[i] != (byte)MemberStatus.Active || m.Faction[i] != f || m.Rank[i] != (byte)Rank.Soldier || m.Unit[i] != oldUnit) continue;
            if (take) m.Unit[i] = newUnit;
            take = !take;
        }
    }
}
