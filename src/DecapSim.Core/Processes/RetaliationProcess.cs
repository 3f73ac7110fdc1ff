using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Part of step 8: a retaliation wave after a leader's removal. While it lasts the faction blocks roads and
/// burns vehicles in the regions where it is present (blockades spread by its presence) and attacks state
/// forces where it is strongest, who return fire; the wave decays week by week and ends after RetaliationWeeks.
/// </summary>
public sealed class RetaliationProcess : IProcess
{
    private StreamRng? _rng;
    private double[] _regionWeight = Array.Empty<double>();
    private int[] _regionCell = Array.Empty<int>();
    private int[] _regionCellCount = Array.Empty<int>();

    public string Name => "retaliation";

    public void Step(ModelState s)
    {
        _rng ??= new StreamRng(s.StreamKey(Streams.Retaliation));
        var F = s.Factions;
        var p = s.P.Succession;
        var pres = s.Presence;
        int R = s.World.RegionCount;
        if (_regionWeight.Length < R) { _regionWeight = new double[R]; _regionCell = new int[R]; _regionCellCount = new int[R]; }
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f] || F.RetaliationBlockades[f] <= 0 && F.RetaliationStateKilled[f] <= 0 && F.RetaliationMembersKilled[f] <= 0) continue;
            if (s.Week - F.LastRemovalWeek[f] >= p.RetaliationWeeks)
            {
                F.RetaliationBlockades[f] = 0; F.RetaliationStateKilled[f] = 0; F.RetaliationMembersKilled[f] = 0;
                continue;
            }
            Array.Clear(_regionWeight, 0, R);
            Array.Fill(_regionCell, -1, 0, R);
            Array.Clear(_regionCellCount, 0, R);
            double total = 0;
            int strongest = -1, strongestCount = 0, strongestEntry = -1;
            foreach (var e in pres.EntriesOf(f))
            {
                int c = pres.EntryCell[e];
                int r = s.World.Region[c];
                int n = pres.EntryCount[e];
                _regionWeight[r] += n;
                total += n;
                if (n > _regionCellCount[r]) { _regionCellCount[r] = n; _regionCell[r] = c; }
                if (n > strongestCount) { strongestCount = n; strongest = c; strongestEntry = e; }
            }
            if (total <= 0) continue;
            int blockades = _rng.Poisson(F.RetaliationBlockades[f]);
            for (int b = 0; b < blockades; b++)
            {
                double u = _rng.NextDouble() * total;
                int r = 0;
                for (; r < R - 1; r++) { u -= _regionWeight[r]; if (u <= 0 && _regionWeight[r] > 0) break; }
                if (_regionCell[r] < 0) r = s.World.Region[strongest];
                s.Cells.Blockades[_regionCell[r] >= 0 ? _regionCell[r] : strongest]++;
            }
            s.Cells.StateForcesKilled[strongest] += _rng.Poisson(F.RetaliationStateKilled[f]);
            // state forces return fire where the faction is strongest
            int killed = _rng.Poisson(F.RetaliationMembersKilled[f]);
            for (int k = 0; k < killed; k++)
            {
                int i = EntryDraws.PickActive(s, _rng, strongestEntry);
                if (i < 0) break;
                if (s.Members.Rank[i] != (byte)Factions.Rank.Soldier) continue; // ranked removals are handled by succession
                s.Cells.StateKills[strongest]++;
                Ops.Kill(s, i);
            }
            F.RetaliationMembersKilled[f] *= 1 - p.RetaliationDecay;
            F.RetaliationBlockades[f] *= 1 - p.RetaliationDecay;
            F.RetaliationStateKilled[f] *= 1 - p.RetaliationDecay;
        }
    }
}
