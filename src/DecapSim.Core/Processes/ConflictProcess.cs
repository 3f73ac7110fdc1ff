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
        BuildRivalLists(s);
        if (_near.Length < cap) { _near = new double[cap]; _touched = new int[cap]; }
        var leth = s.Lethality;
        var invAlly = F.InvAlly;
        int C = world.CellCount;
        for (int c = 0; c < C; c++)
        {
            int e0 = pres.CellEntryStart[c], e1 = pres.CellEntryStart[c + 1];
            if (e0 == e1) continue;
            // armed presence near c, by faction: same cell weight 1, adjacent cells weight w
            int touched = 0;
            double total = 0;
            for (int k = e0; k < e1; k++) Touch(pres.EntryFaction[k], leth[pres.EntryFaction[k]] * pres.EntryCount[k], ref touched, ref total);
            if (w > 0)
            {
                int a0 = world.AdjacencyStart[c], a1 = world.AdjacencyStart[c + 1];
                for (int a = a0; a < a1; a++)
                {
                    int c2 = world.Adjacency[a];
                    for (int k = pres.CellEntryStart[c2]; k < pres.CellEntryStart[c2 + 1]; k++)
                        Touch(pres.EntryFaction[k], w * leth[pres.EntryFaction[k]] * pres.EntryCount[k], ref touched, ref total);
                }
            }
            // pressure on f = sum over g != f of (R_fg + War_fg + 1) x near_g = (total - near_f) + sum over f's rivals of (R + War) x near_g
            for (int e = e0; e < e1; e++)
            {
                int f = pres.EntryFaction[e];
                double pressure = total - _near[f];
                int r0 = _rivalStart[f], r1 = _rivalStart[f + 1];
                if (r1 - r0 <= touched)
                {
                    for (int k = r0; k < r1; k++)
                    {
                        int g = _rivalTarget[k];
                        double ng = _near[g];
                        if (ng <= 0) continue;
                        pressure += _rivalWeight[k] * ng;
                        if (f < g) MarkPair(f * cap + g, ref seen);
                    }
                }
                else
                {
                    // fewer factions nearby than rivals: look the nearby ones up in the dense matrices
                    int row = f * cap;
                    for (int t = 0; t < touched; t++)
                    {
                        int g = _touched[t];
                        double r = F.Rivalry[row + g] + F.War[row + g];
                        if (r <= 0 || g == f) continue;
                        pressure += r * _near[g];
                        if (f < g) MarkPair(row + g, ref seen);
                    }
                }
                _hazard[e] = Math.Min(1.0, theta * invAlly[f] * pressure);
            }
            for (int t = 0; t < touched; t++) _near[_touched[t]] = 0;
        }
        s.Counters.RivalPairsInContact = seen;
        for (int i = 0; i < seen; i++) _pairSeen[_seenList[i]] = false;

        // deaths: a count per entry from the entry's own stream, then that many of its members
        ulong key = s.StreamKey(Streams.Conflict);
        var cellDeaths = s.Cells.CartelDeaths;
        for (int e = 0; e < entries; e++)
        {
            double h = _hazard[e];
            if (h <= 0) continue;
            int k = _draws.CountAndSeed(key, s.Week, e, pres.EntryCount[e], h, out var rng);
            for (int j = 0; j < k; j++)
            {
                int i = EntryDraws.PickActive(s, rng, e);
                if (i < 0) break;
                cellDeaths[s.Members.Cell[i]]++;
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

    private readonly EntryDraws _draws = new();
    private double[] _near = Array.Empty<double>();
    private int[] _touched = Array.Empty<int>();
    private int[] _rivalStart = Array.Empty<int>();
    private int[] _rivalTarget = Array.Empty<int>();
    private double[] _rivalWeight = Array.Empty<double>();

    private void Touch(int g, double v, ref int touched, ref double total)
    {
        if (_near[g] == 0) _touched[touched++] = g;
        _near[g] += v;
        total += v;
    }

    /// <summary>Sparse lists of each active faction's rivals with weight R_fg + War_fg (rebuilt weekly, O(F^2)).</summary>
    private void BuildRivalLists(ModelState s)
    {
        var F = s.Factions;
        int n = F.Count, cap = F.Capacity;
        if (_rivalStart.Length < cap + 1) _rivalStart = new int[cap + 1];
        int k = 0;
        for (int f = 0; f < n; f++)
        {
            _rivalStart[f] = k;
            if (!F.Active[f]) continue;
            int row = f * cap;
            for (int g = 0; g < n; g++)
            {
                double r = F.Rivalry[row + g] + F.War[row + g];
                if (r <= 0 || g == f) continue;
                if (k == _rivalTarget.Length) { Array.Resize(ref _rivalTarget, Math.Max(256, k * 2)); Array.Resize(ref _rivalWeight, Math.Max(256, k * 2)); }
                _rivalTarget[k] = g; _rivalWeight[k] = r; k++;
            }
        }
        for (int f = n; f <= cap; f++) _rivalStart[f] = k;
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
