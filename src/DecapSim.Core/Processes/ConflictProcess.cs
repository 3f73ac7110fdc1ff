using DecapSim.Core.Factions;
using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 5: armed conflict. For a member of f in cell c the weekly death hazard is
/// theta x scale x sum_g K_fg lambda_g (n_gc + w sum_{c' adj c} n_gc'), with K_fg = (R_fg + 1)/(A_f + 1).
/// In the well-mixed world (one cell) this is theta sum_g K_fg C_g: the reference model's term. In a spatial
/// world <c>scale</c> = SpatialScale x cells / (1 + w x mean degree), so a uniformly spread population
/// meets as often as in the mean-field model. Civilian victims follow cartel deaths.
/// </summary>
public sealed class ConflictProcess : IProcess
{
    private double[] _hazard = Array.Empty<double>();
    private bool[] _pairSeen = Array.Empty<bool>();
    private int[] _seenList = Array.Empty<int>();
    private StreamRng? _rng;

    public string Name => "conflict";

    public void Step(ModelState s)
    {
        _rng ??= new StreamRng(s.StreamKey(Streams.Conflict));
        var p = s.P.Conflict;
        var pres = s.Presence;
        var F = s.Factions;
        var world = s.World;
        int entries = pres.EntryCountUsed;
        if (_hazard.Length < entries) _hazard = new double[Math.Max(entries, _hazard.Length * 2)];
        int cap = F.Capacity;
        if (_pairSeen.Length < cap * cap) { _pairSeen = new bool[cap * cap]; _seenList = new int[1024]; }
        double w = p.AdjacentWeight;
        double scale = s.P.MeanField ? 1.0 : p.SpatialScale * world.CellCount / (1 + w * world.MeanDegree);
        double theta = p.Theta * scale;
        int seen = 0;
        var rivalry = F.Rivalry; var war = F.War; var invAlly = F.InvAlly; var leth = s.Lethality;
        for (int e = 0; e < entries; e++)
        {
            int c = pres.EntryCell[e];
            int f = pres.EntryFaction[e];
            int row = f * cap;
            double pressure = 0;
            // same cell
            for (int k = pres.CellEntryStart[c]; k < pres.CellEntryStart[c + 1]; k++)
            {
                int g = pres.EntryFaction[k];
                if (g == f) continue;
                double r = rivalry[row + g] + war[row + g];
                pressure += (r + 1) * leth[g] * pres.EntryCount[k];
                if (r > 0 && f < g) MarkPair(row + g, ref seen);
            }
            if (w > 0)
            {
                double adj = 0;
                int a0 = world.AdjacencyStart[c], a1 = world.AdjacencyStart[c + 1];
                for (int a = a0; a < a1; a++)
                {
                    int c2 = world.Adjacency[a];
                    for (int k = pres.CellEntryStart[c2]; k < pres.CellEntryStart[c2 + 1]; k++)
                    {
                        int g = pres.EntryFaction[k];
                        if (g == f) continue;
                        double r = rivalry[row + g] + war[row + g];
                        adj += (r + 1) * leth[g] * pres.EntryCount[k];
                        if (r > 0 && f < g) MarkPair(row + g, ref seen);
                    }
                }
                pressure += w * adj;
            }
            _hazard[e] = Math.Min(1.0, theta * invAlly[f] * pressure);
        }
        s.Counters.RivalPairsInContact = seen;
        for (int i = 0; i < seen; i++) _pairSeen[_seenList[i]] = false;

        // deaths, drawn member by member (counter-based: independent of visiting order)
        var m = s.Members;
        ulong key = s.StreamKey(Streams.Conflict);
        ulong week = (ulong)s.Week;
        int n = m.Count;
        var cellDeaths = s.Cells.CartelDeaths;
        for (int i = 0; i < n; i++)
        {
            int e = m.Entry[i];
            if (e < 0 || m.Status[i] != (byte)MemberStatus.Active) continue;
            double h = _hazard[e];
            if (h <= 0) continue;
            if (CounterRng.Uniform(key, week, (ulong)i) < h)
            {
                cellDeaths[m.Cell[i]]++;
                Ops.Kill(s, i);
            }
        }
        if (p.CiviliansPerCartelDeath > 0)
        {
            var civ = s.Cells.Civilians;
            for (int c = 0; c < cellDeaths.Length; c++)
                if (cellDeaths[c] > 0) civ[c] += _rng.Poisson(p.CiviliansPerCartelDeath * cellDeaths[c]);
        }
    }

    private void MarkPair(int index, ref int seen)
    {
        if (_pairSeen[index]) return;
        _pairSeen[index] = true;
        if (seen == _seenList.Length) Array.Resize(ref _seenList, seen * 2);
        _seenList[seen++] = index;
    }

    /// <summary>This week's death hazard of presence entry e (for tests).</summary>
    internal double HazardOf(int e) => _hazard[e];
}
