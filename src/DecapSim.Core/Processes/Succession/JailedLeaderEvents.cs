using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;

namespace DecapSim.Core.Processes;

/// <summary>
/// What happens to a faction's jailed ex-leader on the timeline (<see cref="ModelState.JailedLeaders"/>: the leaders
/// captured by any means, in capture order). Both events refer to the faction's most recently captured leader still
/// in prison.
/// <list type="bullet">
/// <item><b>Escape.</b> He leaves prison. If his faction is still active he takes the leadership back: the incumbent
/// becomes a lieutenant (heading a new unit of every other soldier of the faction in his own cell) and the heir; no
/// unit leaves the faction, and its cohesion rises by EscapeCohesionGain. If the faction has ended he rejoins the faction that
/// absorbed it, or else its largest active splinter, as a soldier (as a released prisoner does); with neither he
/// retires.</item>
/// <item><b>Extradition.</b> He leaves the model for good (counted as retired), and with him the arbitration a jailed
/// leader gives (CaptureHandover, CaptureWarFactor): if his faction is still active, a succession contest is queued
/// for the succession process (<see cref="LeaderSuccession.Extradited"/>).</item>
/// </list>
/// Either event is logged (<see cref="SimEventType.Escape"/>, <see cref="SimEventType.Extradition"/>) with its outcome in
/// <see cref="SimEvent.Code"/>; with nobody of that faction in prison it is logged with code 0 and does nothing.
/// </summary>
public static class JailedLeaderEvents
{
    /// <summary>Outcome codes of a logged escape or extradition.</summary>
    public const int NoEffect = 0, RetookLeadership = 1, RejoinedSuccessor = 2, Retired = 3, ContestQueued = 1, FactionGone = 2;

    /// <summary>Drops the entries whose member has left prison (released, escaped, extradited) since. Called once a week
    /// before the timeline's events, so an entry never outlives its stay into a recycled slot.</summary>
    public static void Sweep(ModelState s)
    {
        var list = s.JailedLeaders;
        var m = s.Members;
        int kept = 0;
        for (int i = 0; i < list.Count; i++)
        {
            var j = list[i];
            if (m.Status[j.Member] == (byte)MemberStatus.Imprisoned && m.ReleaseWeek[j.Member] == j.ReleaseWeek) list[kept++] = j;
        }
        if (kept < list.Count) list.RemoveRange(kept, list.Count - kept);
    }

    /// <summary>Index in <see cref="ModelState.JailedLeaders"/> of faction f's most recently captured leader still in
    /// prison, or -1.</summary>
    public static int Find(ModelState s, int f)
    {
        var list = s.JailedLeaders;
        var m = s.Members;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            var j = list[i];
            if (j.Faction == f && m.Status[j.Member] == (byte)MemberStatus.Imprisoned && m.ReleaseWeek[j.Member] == j.ReleaseWeek) return i;
        }
        return -1;
    }

    /// <summary>Takes faction f's jailed ex-leader <paramref name="e"/> out of prison (and off the jailed-leader list),
    /// with the region of his cell; false, logged as having no effect, when there is none.</summary>
    private static bool TakeFromPrison(ModelState s, int f, SimEventType type, int label, out int e, out int region)
    {
        int k = f >= 0 ? Find(s, f) : -1;
        if (k < 0)
        {
            s.Log(type, f, f >= 0 ? s.Factions.HomeRegion[f] : -1, code: NoEffect, label: label);
            e = region = -1;
            return false;
        }
        e = s.JailedLeaders[k].Member;
        s.JailedLeaders.RemoveAt(k);
        region = s.World.Region[s.Members.Cell[e]];
        LeavePrison(s, e);
        return true;
    }

    /// <summary>Faction f's jailed ex-leader escapes (see the class summary); returns the outcome code.</summary>
    public static int Escape(ModelState s, int f, int label)
    {
        if (!TakeFromPrison(s, f, SimEventType.Escape, label, out int e, out int region)) return NoEffect;
        var m = s.Members;
        var F = s.Factions;
        s.Counters.Releases++;
        if (F.Active[f])
        {
            int incumbent = F.Leader[f];
            m.Status[e] = (byte)MemberStatus.Active;
            m.Faction[e] = f;
            m.Rank[e] = (byte)Rank.Leader;
            m.Unit[e] = -1;
            m.Touch(e);
            F.Leader[f] = e;
            if (incumbent >= 0 && incumbent != e && m.IsActive(incumbent) && m.Faction[incumbent] == f)
            {
                BecomeLieutenant(s, f, incumbent);
                F.Heir[f] = incumbent;
            }
            F.Cohesion[f] = Math.Min(1, F.Cohesion[f] + s.P.Succession.EscapeCohesionGain);
            s.RebuildUnitLists();
            s.Log(SimEventType.Escape, f, region, code: RetookLeadership, label: label);
            return RetookLeadership;
        }
        int g = Ops.Successor(s, f);
        if (g < 0) g = LargestSplinter(s, f);
        if (g < 0)
        {
            s.RemoveMember(e, dead: false);
            s.Log(SimEventType.Escape, f, region, code: Retired, label: label);
            return Retired;
        }
        m.Status[e] = (byte)MemberStatus.Active;
        m.Faction[e] = g;
        m.Rank[e] = (byte)Rank.Soldier;
        var units = s.UnitsOf(g);
        m.Unit[e] = units.Length > 0 ? units[0] : -1;
        m.Touch(e);
        s.Log(SimEventType.Escape, f, region, other: g, code: RejoinedSuccessor, label: label);
        return RejoinedSuccessor;
    }

    /// <summary>Faction f's jailed ex-leader is extradited (see the class summary); returns the outcome code.</summary>
    public static int Extradite(ModelState s, int f, int label)
    {
        if (!TakeFromPrison(s, f, SimEventType.Extradition, label, out int e, out int region)) return NoEffect;
        s.RemoveMember(e, dead: false);
        if (!s.Factions.Active[f])
        {
            s.Log(SimEventType.Extradition, f, region, code: FactionGone, label: label);
            return FactionGone;
        }
        s.Contests.Add(new SuccessionContest(f, region, label));
        s.Log(SimEventType.Extradition, f, region, code: ContestQueued, label: label);
        return ContestQueued;
    }

    /// <summary>Prison bookkeeping of a member leaving it (the prison list drops him at its next pass: his status is no
    /// longer imprisoned).</summary>
    private static void LeavePrison(ModelState s, int e)
    {
        s.ImprisonedCount--;
        s.Members.LeaveJail(e);
        s.Members.ReleaseWeek[e] = 0;
        s.Members.Entry[e] = -1;
    }

    /// <summary>The former leader becomes a lieutenant: a new unit of his, with every other active soldier of the faction
    /// in his cell (as a soldier promoted by the staffing takes half of his plaza).</summary>
    private static void BecomeLieutenant(ModelState s, int f, int member)
    {
        var m = s.Members;
        int u = s.Units.Add(f, member);
        m.Rank[member] = (byte)Rank.Lieutenant;
        m.Unit[member] = u;
        m.Touch(member);
        int cell = m.Cell[member];
        bool take = false;
        foreach (int i in Ops.MembersOf(s, f, imprisoned: false))
        {
            if (i == member || m.Cell[i] != cell || m.Rank[i] != (byte)Rank.Soldier) continue;
            if (take) m.Unit[i] = u;
            take = !take;
        }
    }

    /// <summary>The active faction founded from f with the most members, or -1.</summary>
    private static int LargestSplinter(ModelState s, int f)
    {
        var F = s.Factions;
        var fm = s.Presence.FactionMembers;
        int best = -1, bestSize = -1;
        for (int g = 0; g < F.Count; g++)
        {
            if (!F.Active[g] || F.Parent[g] != f) continue;
            int size = g < fm.Length ? fm[g] : 0;
            if (size > bestSize) { best = g; bestSize = size; }
        }
        return best;
    }
}
