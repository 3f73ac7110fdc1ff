using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Random;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 8: succession and fragmentation. A removed leader is followed by a free heir with probability chi_f;
/// otherwise the succession is contested: lieutenants whose loyal support exceeds SplitThreshold found
/// splinters (parent = the old faction, with probability 1 - chi_f each) taking their soldiers; the strongest
/// keeps the name. Splinters start a succession war (rivalry that decays with a half-life) and the old
/// faction's cells become a vacuum that pulls rivals. A killed (more than a captured) leader sets off a
/// retaliation wave. A removed lieutenant is replaced by a promoted soldier, or, with probability rising as
/// cohesion falls, the lieutenant's group defects (splits off or joins a rival). Keeps the hierarchy staffed.
/// </summary>
public sealed class SuccessionProcess : IProcess
{
    private StreamRng? _rng;
    private int[] _support = Array.Empty<int>();
    private int[] _need = Array.Empty<int>();
    private bool[] _needLeader = Array.Empty<bool>();
    private bool[] _unitSeen = Array.Empty<bool>();
    private readonly List<int> _war = new(16);
    private readonly List<(int Unit, int Support)> _candidates = new(16);

    public string Name => "succession";

    public void Step(ModelState s)
    {
        _rng ??= new StreamRng(s.StreamKey(Streams.Succession));
        DecayWar(s);
        for (int i = 0; i < s.Removals.Count; i++)
        {
            var r = s.Removals[i];
            if (!s.Factions.Active[r.Faction]) continue;
            int region = s.World.Region[s.Members.Cell[r.Member]];
            if (r.WasLeader) LeaderRemoved(s, r, region);
            else LieutenantRemoved(s, r, region);
        }
        foreach (var m in s.PendingFree) s.Members.Recycle(m);
        s.PendingFree.Clear();
        StaffHierarchy(s);
    }

    private static void DecayWar(ModelState s)
    {
        var F = s.Factions;
        double k = Math.Pow(0.5, 1.0 / s.P.Succession.WarHalfLifeWeeks);
        int cap = F.Capacity;
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            int row = f * cap;
            for (int g = 0; g < F.Count; g++)
            {
                double w = F.War[row + g];
                if (w != 0) F.War[row + g] = w < 1e-3 ? 0 : w * k;
            }
        }
    }

    private void LeaderRemoved(ModelState s, Removal r, int region)
    {
        var F = s.Factions;
        var p = s.P.Succession;
        int f = r.Faction;
        if (F.Leader[f] != r.Member) return;
        F.Leader[f] = -1;
        F.LastRemovalWeek[f] = s.Week;
        s.Log(SimEventType.Removal, f, region, code: r.Mode == RemovalMode.Kill ? 1 : 2, label: r.Label);
        // retaliation wave
        double size = s.Presence.FactionMembers[f];
        double factor = r.Mode == RemovalMode.Kill ? 1 : p.CaptureRetaliationFactor;
        if (!s.P.MeanField && factor > 0 && size > 0)
        {
            F.RetaliationBlockades[f] += p.RetaliationBlockadesPer1000 * size / 1000 * factor;
            F.RetaliationStateKilled[f] += p.RetaliationStateKilledPer1000 * size / 1000 * factor;
            F.RetaliationMembersKilled[f] += p.RetaliationMembersKilledPer1000 * size / 1000 * factor;
            s.Log(SimEventType.RetaliationWave, f, region, value: F.RetaliationBlockades[f]);
        }
        double chi = F.Cohesion[f];
        int heir = F.Heir[f];
        var m = s.Members;
        if (heir >= 0 && !r.HeirUnavailable && m.IsActive(heir) && m.Faction[heir] == f && _rng!.NextDouble() < chi)
        {
            MakeLeader(s, f, heir);
            s.Log(SimEventType.Succession, f, region, other: -1, value: chi);
        }
        else
        {
            Contested(s, f, region);
        }
        F.Cohesion[f] = Math.Max(0, F.Cohesion[f] - p.CohesionShock);
    }

    private void MakeLeader(ModelState s, int f, int member)
    {
        var m = s.Members;
        int u = m.Unit[member];
        if (m.Rank[member] == (byte)Rank.Lieutenant && u >= 0 && s.Units.Lieutenant[u] == member) s.Units.Lieutenant[u] = -1;
        m.Rank[member] = (byte)Rank.Leader;
        m.Unit[member] = -1;
        s.Factions.Leader[f] = member;
        if (s.Factions.Heir[f] == member || s.Factions.Heir[f] < 0) s.Factions.Heir[f] = PickHeir(s, f);
    }

    private int PickHeir(ModelState s, int f)
    {
        if (_rng!.NextDouble() >= s.P.Factions.HeirShare) return -1;
        foreach (var u in s.UnitsOf(f))
        {
            int lt = s.Units.Lieutenant[u];
            if (lt >= 0 && s.Members.IsActive(lt) && s.Units.Faction[u] == f) return lt;
        }
        return -1;
    }

    /// <summary>Contested succession: count each lieutenant's loyal support; strong lieutenants split off.</summary>
    private void Contested(ModelState s, int f, int region)
    {
        var p = s.P.Succession;
        var F = s.Factions;
        var m = s.Members;
        var U = s.Units;
        if (_support.Length < U.Count) _support = new int[Math.Max(U.Count, _support.Length * 2)];
        var units = s.UnitsOf(f);
        foreach (var u in units) _support[u] = 0;
        int total = 0;
        float loyal = (float)p.LoyaltyThreshold;
        // the faction's members from this week's snapshot (no pass over every member of every faction)
        var pres = s.Presence;
        if (f < pres.FactionEntryStart.Length - 1)
            foreach (var e in pres.EntriesOf(f))
                for (int k = pres.EntryMemberStart[e]; k < pres.EntryMemberStart[e + 1]; k++)
                {
                    int i = pres.MembersByEntry[k];
                    if (m.Status[i] != (byte)MemberStatus.Active || m.Faction[i] != f || m.Rank[i] != (byte)Rank.Soldier) continue;
                    if (m.Loyalty[i] < loyal) continue;
                    total++;
                    int u = m.Unit[i];
                    if (u >= 0 && U.Faction[u] == f) _support[u]++;
                }
        _candidates.Clear();
        foreach (var u in units)
        {
            int lt = U.Lieutenant[u];
            if (lt < 0 || !m.IsActive(lt) || U.Faction[u] != f) continue;
            if (total > 0 && _support[u] >= p.SplitThreshold * total) _candidates.Add((u, _support[u]));
        }
        _candidates.Sort((a, b) => b.Support != a.Support ? b.Support.CompareTo(a.Support) : a.Unit.CompareTo(b.Unit));
        s.Log(SimEventType.ContestedSuccession, f, region, value: _candidates.Count);
        for (int c = s.Cells.Count - 1; c >= 0; c--)
            if (s.Cells.Controller[c] == f) s.Cells.VacuumUntil[c] = s.Week + p.VacuumWeeks;
        if (_candidates.Count == 0)
        {
            // nobody strong enough: the best-supported lieutenant (or any member) takes over
            int best = -1, bestSupport = -1;
            foreach (var u in units)
            {
                int lt = U.Lieutenant[u];
                if (lt >= 0 && m.IsActive(lt) && U.Faction[u] == f && _support[u] > bestSupport) { best = lt; bestSupport = _support[u]; }
            }
            if (best >= 0) MakeLeader(s, f, best);
            return;
        }
        MakeLeader(s, f, U.Lieutenant[_candidates[0].Unit]);
        // mean-field mode: the reference model has a fixed set of cartels, so a contested succession never
        // fragments the faction (as lieutenant defections are off there too)
        if (s.P.MeanField) return;
        _war.Clear();
        _war.Add(f);
        double chi = F.Cohesion[f];
        for (int k = 1; k < _candidates.Count; k++)
        {
            if (_rng!.NextDouble() < chi) continue;
            int u = _candidates[k].Unit;
            int lt = U.Lieutenant[u];
            if (lt < 0 || !m.IsActive(lt)) continue;
            int g = Splinter(s, f, u, lt, region);
            _war.Add(g);
        }
        for (int a = 0; a < _war.Count; a++)
            for (int b = a + 1; b < _war.Count; b++)
                FactionTable.SetSym(F.War, F.Capacity, _war[a], _war[b], p.WarRivalry);
    }

    /// <summary>Founds a splinter of f from unit u, led by <paramref name="newLeader"/>; returns its id.</summary>
    internal int Splinter(ModelState s, int f, int u, int newLeader, int region)
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
            FactionTable.SetSym(F.Alliance, cap, gId, h, 0.5 * F.Alliance[F.Pair(f, h)]);
            FactionTable.SetSym(F.War, cap, gId, h, 0.5 * F.War[F.Pair(f, h)]);
        }
        int moved = MoveUnit(s, u, f, gId);
        m.Rank[newLeader] = (byte)Rank.Leader;
        m.Unit[newLeader] = -1;
        m.Faction[newLeader] = gId;
        if (s.Units.Lieutenant[u] == newLeader) s.Units.Lieutenant[u] = -1;
        F.Leader[gId] = newLeader;
        double before = Math.Max(1, s.Presence.FactionMembers[f]);
        double share = Math.Min(1, moved / before);
        F.Treasury[gId] = F.Treasury[f] * share; F.Treasury[f] -= F.Treasury[gId];
        F.Arsenal[gId] = F.Arsenal[f] * share; F.Arsenal[f] -= F.Arsenal[gId];
        F.Heavy[gId] = F.Heavy[f] * share; F.Heavy[f] -= F.Heavy[gId];
        F.PeakMembers[gId] = moved;
        s.Lethality[gId] = s.Lethality[f];
        RefreshAlliances(s, gId);
        s.Counters.NewSplinters++;
        s.Log(SimEventType.Split, f, region, other: gId, value: moved);
        return gId;
    }

    /// <summary>Moves every member of unit u (active or imprisoned) from faction f to g; returns how many.</summary>
    private static int MoveUnit(ModelState s, int u, int f, int g)
    {
        var m = s.Members;
        int moved = 0;
        for (int i = 0; i < m.Count; i++)
        {
            if (m.Status[i] == (byte)MemberStatus.Free || m.Unit[i] != u || m.Faction[i] != f) continue;
            m.Faction[i] = g;
            if (m.Status[i] == (byte)MemberStatus.Active) moved++;
        }
        s.Units.Faction[u] = g;
        return moved;
    }

    private static void RefreshAlliances(ModelState s, int g)
    {
        var F = s.Factions;
        F.RefreshAlliance(g);
        for (int h = 0; h < F.Count; h++) if (F.Active[h] && F.Alliance[F.Pair(g, h)] > 0) F.RefreshAlliance(h);
    }

    private void LieutenantRemoved(ModelState s, Removal r, int region)
    {
        var F = s.Factions;
        var p = s.P.Succession;
        int f = r.Faction;
        s.Log(SimEventType.LieutenantRemoval, f, region, code: r.Mode == RemovalMode.Kill ? 1 : 2);
        int u = r.Unit;
        if (u < 0 || !s.Units.Active[u] || s.Units.Faction[u] != f || s.P.MeanField) return;
        if (_rng!.NextDouble() >= p.DefectionBase * (1 - F.Cohesion[f])) return;
        // the group defects: split off under a promoted soldier, or join the fiercest rival
        int newLeader = -1;
        var m = s.Members;
        for (int i = 0; i < m.Count; i++)
            if (m.Status[i] == (byte)MemberStatus.Active && m.Unit[i] == u && m.Faction[i] == f && m.Rank[i] == (byte)Rank.Soldier) { newLeader = i; break; }
        if (newLeader < 0) return;
        int rival = FiercestRival(s, f);
        if (rival >= 0 && _rng.NextDouble() < 0.5)
        {
            int moved = MoveUnit(s, u, f, rival);
            s.Log(SimEventType.Defection, f, region, other: rival, value: moved);
        }
        else
        {
            int g = Splinter(s, f, u, newLeader, region);
            FactionTable.SetSym(F.War, F.Capacity, f, g, p.WarRivalry * 0.5);
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

    /// <summary>Promotes soldiers where a faction lacks a leader or lieutenants (one pass, only when needed).</summary>
    private void StaffHierarchy(ModelState s)
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
            int desired = c >= 3 ? Math.Clamp((int)Math.Ceiling(c / p.SoldiersPerLieutenant), 1, p.MaxLieutenants) : 0;
            int have = 0; bool headless = false;
            foreach (var u in s.UnitsOf(f)) { have++; if (U.Lieutenant[u] < 0) headless = true; }
            if (have < desired) { _need[f] = desired - have; any = true; }
            if (headless) any = true;
        }
        if (!any) return;
        // promote from the faction's own members in this week's snapshot (no pass over all members)
        var m = s.Members;
        var pres = s.Presence;
        bool created = false, retired = false;
        if (_unitSeen.Length < U.Count) _unitSeen = new bool[Math.Max(U.Count, _unitSeen.Length * 2)];
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f] || f >= pres.FactionEntryStart.Length - 1) continue;
            bool headless = false;
            foreach (var u in s.UnitsOf(f)) if (U.Lieutenant[u] < 0) headless = true;
            if (!_needLeader[f] && _need[f] == 0 && !headless) continue;
            foreach (var e in pres.EntriesOf(f))
            {
                for (int k = pres.EntryMemberStart[e]; k < pres.EntryMemberStart[e + 1]; k++)
                {
                    int i = pres.MembersByEntry[k];
                    if (m.Status[i] != (byte)MemberStatus.Active || m.Faction[i] != f || m.Rank[i] != (byte)Rank.Soldier) continue;
                    int u = m.Unit[i];
                    if (u >= 0 && u < U.Count) _unitSeen[u] = true;
                    if (_needLeader[f])
                    {
                        _needLeader[f] = false;
                        m.Rank[i] = (byte)Rank.Leader; m.Unit[i] = -1; F.Leader[f] = i;
                        continue;
                    }
                    if (u >= 0 && U.Faction[u] == f && U.Lieutenant[u] < 0)
                    {
                        U.Lieutenant[u] = i; m.Rank[i] = (byte)Rank.Lieutenant;
                        continue;
                    }
                    if (_need[f] > 0)
                    {
                        _need[f]--;
                        int nu = U.Add(f, i);
                        m.Unit[i] = nu; m.Rank[i] = (byte)Rank.Lieutenant;
                        created = true;
                    }
                }
            }
            foreach (var u in s.UnitsOf(f))
            {
                if (U.Lieutenant[u] < 0 && !_unitSeen[u]) { U.Active[u] = false; retired = true; }
                _unitSeen[u] = false;
            }
        }
        if (created || retired) s.RebuildUnitLists();
    }
}
