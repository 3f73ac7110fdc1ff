using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Random;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 1: applies the timeline events due this week (forced removals, kingpin lists, policy changes and
/// ramps, campaigns, escapes and extraditions of jailed leaders: <see cref="JailedLeaderEvents"/>) and the ongoing
/// effects of running campaigns.
/// </summary>
public sealed class EventsProcess : IProcess
{
    private readonly List<(int Start, int End, int Count, double KillShare, int Label)> _kingpins = new();
    private readonly List<(int End, CampaignEvent Campaign, int[] Cells, int Label)> _campaigns = new();
    private StreamRng? _rng;

    public string Name => "events";

    public void Step(ModelState s)
    {
        _rng ??= new StreamRng(s.StreamKey(Streams.Events));
        var timeline = s.P.Timeline;
        JailedLeaderEvents.Sweep(s);
        for (int i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Week != s.Week) continue;
            int label = s.EventLabels.Count;
            s.EventLabels.Add(string.IsNullOrEmpty(e.Label) ? Describe(e) : e.Label);
            switch (e)
            {
                case RemoveLeaderEvent r: ApplyRemoval(s, r, label); break;
                case KingpinListEvent k: _kingpins.Add((s.Week, s.Week + Math.Max(1, k.OverWeeks), k.Count, k.KillShare, label)); s.Log(SimEventType.Policy, -1, -1, label: label); break;
                case SetPolicyEvent p:
                    s.Policy.StartRamp(p.Parameter, p.Value, s.Week, p.RampWeeks);
                    s.Log(SimEventType.Policy, -1, -1, code: (int)p.Parameter, value: p.Value, label: label);
                    break;
                case CampaignEvent c: StartCampaign(s, c, label); break;
                case RuptureEvent u: ApplyRupture(s, u, label); break;
                case EscapeEvent x: JailedLeaderEvents.Escape(s, FactionIndex(s, x.Faction), label); break;
                case ExtraditionEvent x: JailedLeaderEvents.Extradite(s, FactionIndex(s, x.Faction), label); break;
            }
        }
        s.Policy.Advance(s.Week);
        RunKingpins(s);
        RunCampaigns(s);
    }

    private static string Describe(TimelineEvent e) => e switch
    {
        RemoveLeaderEvent r => $"{r.Faction} {r.Rank.ToLowerInvariant()} {r.Mode switch { RemovalMode.Kill => "killed", RemovalMode.Capture => "captured", _ => "not removed" }}",
        KingpinListEvent k => $"kingpin list: {k.Count} leaders over {k.OverWeeks} weeks",
        SetPolicyEvent p => $"{p.Parameter} -> {p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        CampaignEvent c => $"{c.Kind} for {c.DurationWeeks} weeks",
        RuptureEvent u => $"{u.Faction} and {u.Other} at war",
        EscapeEvent x => $"{x.Faction}: jailed ex-leader escapes",
        ExtraditionEvent x => $"{x.Faction}: jailed ex-leader extradited",
        _ => e.GetType().Name,
    };

    /// <summary>Ends the pair's alliance and starts a war between them (their succession-war weight, which decays with
    /// <c>Succession.WarHalfLifeWeeks</c> like a succession war's, raised to the event's value); nothing when either group (or its successor) is gone
    /// or both are now one.</summary>
    private static void ApplyRupture(ModelState s, RuptureEvent u, int label)
    {
        int f = FindFaction(s, u.Faction), g = FindFaction(s, u.Other);
        if (f < 0 || g < 0 || f == g) return;
        var F = s.Factions;
        FactionTable.SetSym(F.Alliance, F.Capacity, f, g, 0);
        F.RefreshAlliance(f);
        F.RefreshAlliance(g);
        double war = u.Rivalry ?? s.P.Succession.WarRivalry;
        FactionTable.SetSym(F.War, F.Capacity, f, g, Math.Max(F.War[F.Pair(f, g)], war));
        s.Log(SimEventType.Rupture, f, -1, other: g, value: war, label: label);
    }

    private static void ApplyRemoval(ModelState s, RemoveLeaderEvent r, int label)
    {
        if (r.Mode == RemovalMode.None) return;
        int f = FindFaction(s, r.Faction);
        if (f < 0) return;
        int m;
        if (string.Equals(r.Rank, "Lieutenant", StringComparison.OrdinalIgnoreCase))
        {
            m = StrongestLieutenant(s, f);
        }
        else m = s.Factions.Leader[f];
        if (m < 0 || !s.Members.IsActive(m)) return;
        RemoveTarget(s, m, r.Mode, r.HeirUnavailable, label);
    }

    /// <summary>Removes an active ranked member by kill or capture (a forced removal); <paramref name="label"/> is the
    /// timeline event's label (kept on the logged removal so outputs can tell scheduled removals from the model's).</summary>
    internal static void RemoveTarget(ModelState s, int m, RemovalMode mode, bool heirUnavailable = false, int label = -1)
    {
        if (mode == RemovalMode.Kill)
        {
            s.Cells.StateKills[s.Members.Cell[m]]++;
            Ops.Kill(s, m, heirUnavailable, label);
        }
        else Ops.Imprison(s, m, (int)(s.P.Targeting.CapturedSentenceYears * 52), heirUnavailable, label);
    }

    /// <summary>The lieutenant whose unit has the most active members (ties: lowest unit id), or -1.</summary>
    private static int StrongestLieutenant(ModelState s, int f)
    {
        var U = s.Units;
        var m = s.Members;
        var size = new int[U.Count];
        for (int i = 0; i < m.Count; i++)
        {
            int u = m.Unit[i];
            if (u >= 0 && u < size.Length && m.Status[i] == (byte)MemberStatus.Active && m.Faction[i] == f) size[u]++;
        }
        int best = -1, bestSize = -1;
        for (int u = 0; u < U.Count; u++)
        {
            int lt = U.Lieutenant[u];
            if (!U.Active[u] || U.Faction[u] != f || lt < 0 || !m.IsActive(lt)) continue;
            if (size[u] > bestSize) { bestSize = size[u]; best = lt; }
        }
        return best;
    }

    /// <summary>Active faction with the given name (exact, then case/accent-insensitive), or its successor.</summary>
    public static int FindFaction(ModelState s, string name)
    {
        int f = FactionIndex(s, name);
        return f >= 0 ? Ops.Successor(s, f) : -1;
    }

    /// <summary>The faction with the given name (exact, then case/accent-insensitive), active or not, or -1.</summary>
    public static int FactionIndex(ModelState s, string name)
    {
        var F = s.Factions;
        for (int f = 0; f < F.Count; f++) if (F.Name[f] == name) return f;
        string k = World.World.Normalize(name);
        for (int f = 0; f < F.Count; f++) if (World.World.Normalize(F.Name[f]) == k) return f;
        return -1;
    }

    private void RunKingpins(ModelState s)
    {
        for (int i = _kingpins.Count - 1; i >= 0; i--)
        {
            var k = _kingpins[i];
            int span = k.End - k.Start;
            int t = s.Week - k.Start;
            int due = (int)((long)k.Count * (t + 1) / span) - (int)((long)k.Count * t / span);
            for (int j = 0; j < due; j++)
            {
                int f = LargestNotRecentlyHit(s);
                if (f < 0) break;
                int m = s.Factions.Leader[f];
                if (m < 0 || !s.Members.IsActive(m)) continue;
                s.Factions.LastRemovalWeek[f] = s.Week;
                RemoveTarget(s, m, _rng!.NextDouble() < k.KillShare ? RemovalMode.Kill : RemovalMode.Capture, label: k.Label);
            }
            if (s.Week + 1 >= k.End) _kingpins.RemoveAt(i);
        }
    }

    private static int LargestNotRecentlyHit(ModelState s)
    {
        int best = -1, bestSize = 0;
        var F = s.Factions;
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            if (s.Week - F.LastRemovalWeek[f] < 26) continue;
            int size = s.Presence.FactionMembers.Length > f ? s.Presence.FactionMembers[f] : 0;
            if (size > bestSize) { best = f; bestSize = size; }
        }
        return best;
    }

    private void StartCampaign(ModelState s, CampaignEvent c, int label)
    {
        var cells = new List<int>();
        if (c.Regions.Count == 0) cells.AddRange(Enumerable.Range(0, s.World.CellCount));
        else foreach (var name in c.Regions)
        {
            int r = s.World.FindRegion(name);
            if (r >= 0) cells.AddRange(s.World.RegionCells[r]);
        }
        var arr = cells.ToArray();
        if (c.Kind == CampaignKind.TroopSurge) foreach (var cell in arr) s.Cells.Troops[cell] += c.Intensity;
        _campaigns.Add((s.Week + Math.Max(1, c.DurationWeeks), c, arr, label));
        s.Log(SimEventType.Campaign, -1, -1, code: (int)c.Kind, value: c.Intensity, label: label);
    }

    private void RunCampaigns(ModelState s)
    {
        for (int i = _campaigns.Count - 1; i >= 0; i--)
        {
            var (end, c, cells, label) = _campaigns[i];
            if (s.Week >= end)
            {
                if (c.Kind == CampaignKind.TroopSurge) foreach (var cell in cells) s.Cells.Troops[cell] = Math.Max(0, s.Cells.Troops[cell] - c.Intensity);
                _campaigns.RemoveAt(i);
                continue;
            }
            if (c.Kind == CampaignKind.UsStrikes) UsStrikes(s, c, label);
        }
    }

    /// <summary>Unilateral US strikes: each strike kills a located leader or lieutenant (weighted by faction size),
    /// a few members around, civilians, and costs US trust.</summary>
    private void UsStrikes(ModelState s, CampaignEvent c, int label)
    {
        int strikes = _rng!.Poisson(c.Intensity);
        for (int k = 0; k < strikes; k++)
        {
            int f = RandomFactionBySize(s);
            if (f < 0) return;
            int target = s.Factions.Leader[f];
            var units = s.UnitsOf(f);
            if (units.Length > 0 && _rng.NextDouble() < 0.8)
            {
                int lt = s.Units.Lieutenant[units[_rng.Next(units.Length)]];
                if (lt >= 0) target = lt;
            }
            if (target < 0 || !s.Members.IsActive(target)) continue;
            int cell = s.Members.Cell[target];
            RemoveTarget(s, target, RemovalMode.Kill, label: label);
            s.Cells.Civilians[cell] += _rng.Poisson(s.P.State.UsStrikeCivilians);
            s.Policy.UsTrust = s.Policy.UsTrust - s.P.State.UsStrikeTrustPenalty;
        }
    }

    private int RandomFactionBySize(ModelState s)
    {
        var fm = s.Presence.FactionMembers;
        double total = s.Presence.Total;
        if (total <= 0) return -1;
        double u = _rng!.NextDouble() * total;
        for (int f = 0; f < s.Factions.Count; f++)
        {
            if (!s.Factions.Active[f]) continue;
            u -= fm[f];
            if (u <= 0) return f;
        }
        return -1;
    }
}
