using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Random;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Processes;

/// <summary>
/// A leader's removal. A free heir succeeds with probability chi_f (after a capture: chi_f + CaptureHandover x
/// (1 - chi_f), the jailed leader keeps some authority); otherwise the succession is contested: lieutenants whose
/// loyal support exceeds SplitThreshold found splinters (each with probability 1 - chi_f, after a capture
/// (1 - chi_f)(1 - CaptureHandover)) taking their units and plazas; the strongest keeps the name. Splinters start
/// a succession war (WarRivalry, times CaptureWarFactor after a capture) and the old faction's plazas become a
/// vacuum. A killing sets off a full retaliation wave (a capture CaptureRetaliationFactor of it) and costs more
/// cohesion (CohesionShock vs CaptureCohesionShock). Kill and capture differ as Dickenson (2014) and Phillips
/// (2015) find: killings are followed by more violence.
/// </summary>
internal sealed class LeaderSuccession
{
    private readonly StreamRng _rng;
    private int[] _support = Array.Empty<int>();
    private readonly List<int> _war = new(16);
    private readonly List<(int Unit, int Support)> _candidates = new(16);

    public LeaderSuccession(StreamRng rng) => _rng = rng;

    public void LeaderRemoved(ModelState s, Removal r, int region)
    {
        var F = s.Factions;
        var p = s.P.Succession;
        int f = r.Faction;
        if (F.Leader[f] != r.Member) return;
        bool killed = r.Mode == RemovalMode.Kill;
        F.Leader[f] = -1;
        F.LastRemovalWeek[f] = s.Week;
        s.Log(SimEventType.Removal, f, region, code: killed ? 1 : 2, label: r.Label);
        Retaliation(s, f, region, killed);
        double chi = F.Cohesion[f];
        double handover = killed ? 0 : p.CaptureHandover;
        int heir = F.Heir[f];
        var m = s.Members;
        if (heir >= 0 && !r.HeirUnavailable && m.IsActive(heir) && m.Faction[heir] == f && _rng.NextDouble() < chi + handover * (1 - chi))
        {
            MakeLeader(s, f, heir);
            s.Log(SimEventType.Succession, f, region, other: -1, value: chi);
        }
        else
        {
            Contested(s, f, region, killed);
        }
        F.Cohesion[f] = Math.Max(0, F.Cohesion[f] - (killed ? p.CohesionShock : p.CaptureCohesionShock));
    }

    /// <summary>A retaliation wave sized by the faction's members (a capture: CaptureRetaliationFactor of a kill's).</summary>
    private static void Retaliation(ModelState s, int f, int region, bool killed)
    {
        var F = s.Factions;
        var p = s.P.Succession;
        double size = s.Presence.FactionMembers[f];
        double factor = killed ? 1 : p.CaptureRetaliationFactor;
        if (s.P.MeanField || factor <= 0 || size <= 0) return;
        F.RetaliationBlockades[f] += p.RetaliationBlockadesPer1000 * size / 1000 * factor;
        F.RetaliationStateKilled[f] += p.RetaliationStateKilledPer1000 * size / 1000 * factor;
        F.RetaliationMembersKilled[f] += p.RetaliationMembersKilledPer1000 * size / 1000 * factor;
        s.Log(SimEventType.RetaliationWave, f, region, value: F.RetaliationBlockades[f]);
    }

    /// <summary>Makes a member the faction's leader (leaving its unit headless) and names an heir if needed.</summary>
    internal void MakeLeader(ModelState s, int f, int member)
    {
        var m = s.Members;
        int u = m.Unit[member];
        if (m.Rank[member] == (byte)Rank.Lieutenant && u >= 0 && s.Units.Lieutenant[u] == member) s.Units.Lieutenant[u] = -1;
        m.Rank[member] = (byte)Rank.Leader;
        m.Unit[member] = -1;
        m.Touch(member);
        s.Factions.Leader[f] = member;
        if (s.Factions.Heir[f] == member || s.Factions.Heir[f] < 0) s.Factions.Heir[f] = PickHeir(s, f);
    }

    private int PickHeir(ModelState s, int f)
    {
        if (_rng.NextDouble() >= s.P.Factions.HeirShare) return -1;
        var units = s.UnitsOf(f);
        if (units.Length == 0) return -1;
        int start = _rng.Next(units.Length);
        for (int k = 0; k < units.Length; k++)
        {
            int u = units[(start + k) % units.Length];
            int lt = s.Units.Lieutenant[u];
            if (lt >= 0 && s.Members.IsActive(lt) && s.Units.Faction[u] == f) return lt;
        }
        return -1;
    }

    /// <summary>The contest an extradition sets off (<see cref="JailedLeaderEvents"/>): the jailed leader's arbitration
    /// is gone, so the lieutenants strong enough to split do so as after a killing with no heir, scaled by
    /// ExtraditionWarFactor x: each candidate splits with probability x (1 - chi_f), the succession war is
    /// WarRivalry x x, and the faction's plazas become a vacuum. The incumbent, in place since the capture, keeps the
    /// faction and its name (every candidate may split); without one the best-supported candidate leads.</summary>
    public void Extradited(ModelState s, SuccessionContest c)
    {
        var F = s.Factions;
        int f = c.Faction;
        if (!F.Active[f]) return;
        var p = s.P.Succession;
        double x = p.ExtraditionWarFactor;
        int incumbent = F.Leader[f];
        bool keep = incumbent >= 0 && s.Members.IsActive(incumbent) && s.Members.Faction[incumbent] == f;
        Contest(s, f, c.Region, stay: 1 - x * (1 - F.Cohesion[f]), war: p.WarRivalry * x, keepLeader: keep, label: c.Label);
    }

    /// <summary>Contested succession after a removal: count each lieutenant's loyal support; strong lieutenants split off.</summary>
    private void Contested(ModelState s, int f, int region, bool killed)
    {
        var p = s.P.Succession;
        double chi = s.Factions.Cohesion[f];
        double stay = killed ? chi : chi + p.CaptureHandover * (1 - chi);
        double war = p.WarRivalry * (killed ? 1 : p.CaptureWarFactor);
        Contest(s, f, region, stay, war, keepLeader: false, label: -1);
    }

    /// <summary>A contest: each lieutenant's loyal support is counted; those with at least SplitThreshold of it are
    /// candidates. Without <paramref name="keepLeader"/> the best-supported candidate (or, with none, the best-supported
    /// lieutenant) becomes leader and each other candidate founds a splinter unless a draw falls under
    /// <paramref name="stay"/>; with it the leader stays and every candidate may split. The faction and its splinters
    /// get succession-war rivalry <paramref name="war"/>; the faction's plazas become a vacuum.</summary>
    private void Contest(ModelState s, int f, int region, double stay, double war, bool keepLeader, int label)
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
        s.Log(SimEventType.ContestedSuccession, f, region, value: _candidates.Count, label: label);
        for (int c = s.Cells.Count - 1; c >= 0; c--)
            if (s.Cells.Controller[c] == f) s.Cells.VacuumUntil[c] = s.Week + p.VacuumWeeks;
        if (keepLeader && _candidates.Count == 0) return;
        if (_candidates.Count == 0)
        {
            // nobody strong enough: the best-supported lieutenant takes over
            int best = -1, bestSupport = -1;
            foreach (var u in units)
            {
                int lt = U.Lieutenant[u];
                if (lt >= 0 && m.IsActive(lt) && U.Faction[u] == f && _support[u] > bestSupport) { best = lt; bestSupport = _support[u]; }
            }
            if (best >= 0) MakeLeader(s, f, best);
            return;
        }
        if (!keepLeader) MakeLeader(s, f, U.Lieutenant[_candidates[0].Unit]);
        // mean-field mode: the reference model has a fixed set of cartels, so a contested succession never
        // fragments the faction (as lieutenant defections are off there too)
        if (s.P.MeanField) return;
        _war.Clear();
        _war.Add(f);
        for (int k = keepLeader ? 0 : 1; k < _candidates.Count; k++)
        {
            if (_rng.NextDouble() < stay) continue;
            int u = _candidates[k].Unit;
            int lt = U.Lieutenant[u];
            if (lt < 0 || !m.IsActive(lt)) continue;
            _war.Add(Splinters.Found(s, f, u, lt, region));
        }
        for (int a = 0; a < _war.Count; a++)
            for (int b = a + 1; b < _war.Count; b++)
                FactionTable.SetSym(F.War, F.Capacity, _war[a], _war[b], war);
    }
}
