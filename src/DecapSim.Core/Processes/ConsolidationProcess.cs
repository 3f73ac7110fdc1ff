using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 10: consolidation. Factions below MinFactionSize, and factions that hold no plaza (a side that lost its
/// war), are absorbed by an ally or the strongest neighbour, or dissolve (their members retire); factions with no
/// active member end. When a faction ends its rivalries, wars and alliances reset. Alliances decay with a
/// half-life and form slowly between enemies of a common rival.
/// </summary>
public sealed class ConsolidationProcess : IProcess
{
    private StreamRng? _rng;
    private int[] _live = Array.Empty<int>();
    private readonly List<int> _allied = new(16);
    private double[] _allySum = Array.Empty<double>();
    private bool[] _formed = Array.Empty<bool>();

    public string Name => "consolidation";

    /// <summary>Active members per faction counted now (after this week's deaths, splits and recruits).</summary>
    public ReadOnlySpan<int> Live => _live;

    public void Step(ModelState s)
    {
        _rng ??= new StreamRng(s.StreamKey(Streams.Consolidation));
        var F = s.Factions;
        var p = s.P.Consolidation;
        CountLive(s);
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            int live = _live[f];
            if (live == 0)
            {
                End(s, f, EndReason.Extinct, -1);
                s.Log(SimEventType.Extinction, f, s.World.Region[Math.Max(0, HomeCell(s, f))]);
                continue;
            }
            if (s.P.MeanField || s.Week - F.FoundedWeek[f] < GraceWeeks) continue;
            if (live >= p.MinFactionSize)
            {
                // a group that holds no plaza has lost its war: absorbed by the strongest group where it stands, or disbands
                if (s.ControlledCells[f] > 0 || p.PlazalessEndProbability <= 0 || _rng.NextDouble() >= p.PlazalessEndProbability) continue;
                int h = Absorber(s, f);
                if (h >= 0) Absorb(s, f, h); else Dissolve(s, f);
                continue;
            }
            double u = _rng.NextDouble();
            if (u < p.AbsorbProbability)
            {
                int g = Absorber(s, f);
                if (g >= 0) { Absorb(s, f, g); continue; }
            }
            if (u < p.AbsorbProbability + p.DissolveProbability) Dissolve(s, f);
        }
        if (!s.P.MeanField) Alliances(s);
    }

    /// <summary>Weeks after its founding during which a faction is not absorbed or dissolved (a new splinter
    /// needs a few weeks to take its plazas).</summary>
    public const int GraceWeeks = 4;

    /// <summary>Changed slots ahead of the count whose fields are asked into cache (scattered slots, four arrays).</summary>
    private const int HintAhead = 4;

    private void CountLive(ModelState s)
    {
        var F = s.Factions;
        if (_live.Length < F.Capacity) _live = new int[F.Capacity];
        Array.Clear(_live, 0, F.Capacity);
        var m = s.Members;
        // the snapshot's counts, corrected by the slots that changed since (no pass over the members)
        var listed = s.Presence.FactionMembers;
        listed.AsSpan(0, Math.Min(listed.Length, F.Capacity)).CopyTo(_live);
        var changed = m.Changed.AsSpan(0, m.ChangedCount);
        for (int k = 0; k < changed.Length; k++)
        {
            if (k + HintAhead < changed.Length)
            {
                int h = changed[k + HintAhead];
                CachePrefetch.Element(m.SnapCell, h); CachePrefetch.Element(m.SnapFaction, h);
                CachePrefetch.Element(m.Status, h); CachePrefetch.Element(m.Faction, h);
            }
            int i = changed[k];
            if (m.SnapCell[i] >= 0) _live[m.SnapFaction[i]]--;
            if (m.Status[i] == (byte)MemberStatus.Active) _live[m.Faction[i]]++;
        }
        for (int f = 0; f < F.Count; f++) if (_live[f] > F.PeakMembers[f]) F.PeakMembers[f] = _live[f];
        s.LiveMembers = _live;
    }

    private static int HomeCell(ModelState s, int f)
    {
        var cells = s.World.RegionCells[s.Factions.HomeRegion[f]];
        return cells.Length > 0 ? cells[0] : 0;
    }

    private int Absorber(ModelState s, int f)
    {
        var F = s.Factions;
        int best = -1; double bestA = 0;
        for (int g = 0; g < F.Count; g++)
        {
            if (g == f || !F.Active[g] || _live[g] == 0) continue;
            double a = F.Alliance[F.Pair(f, g)];
            if (a > bestA) { bestA = a; best = g; }
        }
        if (best >= 0) return best;
        // strongest neighbour: the biggest other faction present in f's cells
        var pres = s.Presence;
        int bestSize = 0;
        foreach (var e in pres.EntriesOf(f))
        {
            int c = pres.EntryCell[e];
            for (int k = pres.CellEntryStart[c]; k < pres.CellEntryStart[c + 1]; k++)
            {
                int g = pres.EntryFaction[k];
                if (g == f || !F.Active[g]) continue;
                if (_live[g] > bestSize) { bestSize = _live[g]; best = g; }
            }
        }
        return best;
    }

    private void Absorb(ModelState s, int f, int g)
    {
        var F = s.Factions;
        var m = s.Members;
        int moved = 0;
        foreach (int i in Ops.MembersOf(s, f, imprisoned: true))
        {
            m.Faction[i] = g;
            if (m.Rank[i] != (byte)Rank.Soldier) m.Rank[i] = (byte)Rank.Soldier;
            m.Touch(i);
            if (m.Status[i] == (byte)MemberStatus.Active) moved++;
        }
        s.PrisonersChangedFaction(f);
        foreach (int u in s.Units.Live())
            if (s.Units.Faction[u] == f) { s.Units.Faction[u] = g; s.Units.Lieutenant[u] = -1; }
        F.Treasury[g] += F.Treasury[f]; F.Arsenal[g] += F.Arsenal[f]; F.Heavy[g] += F.Heavy[f];
        F.Treasury[f] = F.Arsenal[f] = F.Heavy[f] = 0;
        _live[g] += moved; _live[f] = 0;
        F.MergedInto[f] = g;
        End(s, f, EndReason.Absorbed, g);
        s.Log(SimEventType.Absorption, f, s.World.Region[HomeCell(s, f)], other: g, value: moved);
    }

    private void Dissolve(ModelState s, int f)
    {
        var m = s.Members;
        int n = 0;
        // in slot order, as a pass would (the free list's order decides where recruits go)
        foreach (int i in Ops.MembersOf(s, f, imprisoned: false))
        {
            s.RemoveMember(i, dead: false);
            n++;
        }
        foreach (int u in s.Units.Live()) if (s.Units.Faction[u] == f) s.Units.Active[u] = false; // retired ones stay so
        _live[f] = 0;
        End(s, f, EndReason.Dissolved, -1);
        s.Log(SimEventType.Dissolution, f, s.World.Region[HomeCell(s, f)], value: n);
    }

    private void End(ModelState s, int f, EndReason reason, int heir)
    {
        var F = s.Factions;
        F.End(f, s.Week, reason);
        var cells = s.Cells;
        for (int c = 0; c < cells.Count; c++)
            if (cells.Controller[c] == f) { cells.Controller[c] = heir; if (heir < 0) cells.Contested[c] = false; }
        if (heir < 0) foreach (int u in s.Units.Live()) if (s.Units.Faction[u] == f) s.Units.Active[u] = false;
        // the war is over: rivalry, succession war and alliances with the ended faction reset
        int cap = F.Capacity;
        var allied = _allied;
        allied.Clear();
        for (int g = 0; g < F.Count; g++)
        {
            if (F.Alliance[F.Pair(f, g)] > 0) allied.Add(g);
            FactionTable.SetSym(F.Rivalry, cap, f, g, 0);
            FactionTable.SetSym(F.War, cap, f, g, 0);
            FactionTable.SetSym(F.Alliance, cap, f, g, 0);
        }
        foreach (var g in allied) if (F.Active[g]) F.RefreshAlliance(g);
    }

    private void Alliances(ModelState s)
    {
        var F = s.Factions;
        var p = s.P.Consolidation;
        int cap = F.Capacity;
        double k = Math.Pow(0.5, 1.0 / (p.AllianceHalfLifeYears * 52));
        if (_allySum.Length < cap) { _allySum = new double[cap]; _formed = new bool[cap]; }
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            // decay, and the row's sum over active allies as FactionTable.RefreshAlliance takes it (the same values in
            // the same order), so rows no alliance forms in below need no second pass
            var row = F.Alliance.AsSpan(f * cap, F.Count);
            double sum = 0;
            for (int g = row.IndexOfAnyExcept(0.0); g >= 0; g = SuccessionProcess.Next(row, g))
                if (row[g] != 0)
                {
                    row[g] *= k;
                    if (F.Active[g]) sum += row[g];
                }
            _allySum[f] = sum;
            _formed[f] = false;
        }
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f] || _rng!.NextDouble() >= p.AllianceFormationRate) continue;
            // a rival r of f, then a rival g of r that is not f's rival: the enemy of my enemy
            int r = RandomRelated(s, f, F.Rivalry);
            if (r < 0) continue;
            int g = RandomRelated(s, r, F.Rivalry);
            if (g < 0 || g == f || F.Rivalry[F.Pair(f, g)] > 0) continue;
            FactionTable.SetSym(F.Alliance, cap, f, g, F.Alliance[F.Pair(f, g)] + 1);
            _formed[f] = _formed[g] = true;
        }
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            if (_formed[f]) F.RefreshAlliance(f);
            else F.InvAlly[f] = 1 / (1 + _allySum[f]);
        }
    }

    private int RandomRelated(ModelState s, int f, double[] matrix)
    {
        var F = s.Factions;
        int n = 0, pick = -1;
        for (int g = 0; g < F.Count; g++)
        {
            if (g == f || !F.Active[g] || matrix[F.Pair(f, g)] <= 0) continue;
            n++;
            if (_rng!.Next(n) == 0) pick = g;
        }
        return pick;
    }
}
