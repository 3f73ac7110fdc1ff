using DecapSim.Core.Factions;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 9b (v2): hostility per pair. Rivalry R_fg rises by <c>RivalryGrowth</c> for every contested cell two
/// unallied groups share this week and by <c>IncursionRivalry</c> when one moves soldiers into the other's
/// weakened plazas (a vacuum: turf wars over vacuums, Osorio 2015; Dell 2015); it falls with a half-life
/// <c>RivalryHalfLifeWeeks</c> in weeks of peace (no contested contact), and is capped at <c>MaxRivalry</c>.
/// Off in the well-mixed world, whose reference equations keep rivalry fixed.
/// </summary>
public sealed class RivalryProcess : IProcess
{
    private int[] _contact = Array.Empty<int>();
    private readonly List<int> _touched = new(1024);

    public string Name => "rivalry";

    public void Step(ModelState s)
    {
        if (s.P.MeanField) return;
        var p = s.P.Conflict;
        var F = s.Factions;
        var pres = s.Presence;
        var cells = s.Cells;
        int cap = F.Capacity;
        if (_contact.Length < cap * cap) _contact = new int[cap * cap];
        // contested contact: pairs of unallied groups present in the same contested cell
        for (int c = 0; c < cells.Count; c++)
        {
            if (!cells.Contested[c]) continue;
            int e0 = pres.CellEntryStart[c], e1 = pres.CellEntryStart[c + 1];
            for (int a = e0; a < e1; a++)
            {
                int f = pres.EntryFaction[a];
                if (!F.Active[f]) continue;
                for (int b = a + 1; b < e1; b++)
                {
                    int g = pres.EntryFaction[b];
                    if (!F.Active[g] || F.Alliance[f * cap + g] > 0) continue;
                    int i = Math.Min(f, g) * cap + Math.Max(f, g);
                    if (_contact[i]++ == 0) _touched.Add(i);
                }
            }
        }
        double decay = Math.Pow(0.5, 1.0 / p.RivalryHalfLifeWeeks);
        int n = F.Count;
        for (int f = 0; f < n; f++)
        {
            if (!F.Active[f]) continue;
            int row = f * cap;
            for (int g = f + 1; g < n; g++)
            {
                double r = F.Rivalry[row + g];
                int contact = _contact[row + g];
                if (contact > 0) r = Math.Min(p.MaxRivalry, r + p.RivalryGrowth * contact);
                else if (r != 0) r = r < 1e-3 ? 0 : r * decay;
                else continue;
                if (!F.Active[g]) r = 0;
                FactionTable.SetSym(F.Rivalry, cap, f, g, r);
            }
        }
        foreach (var (mover, holder) in s.Incursions)
        {
            if (!F.Active[mover] || !F.Active[holder] || mover == holder) continue;
            double r = F.Rivalry[mover * cap + holder];
            FactionTable.SetSym(F.Rivalry, cap, mover, holder, Math.Min(p.MaxRivalry, r + p.IncursionRivalry));
        }
        foreach (var i in _touched) _contact[i] = 0;
        _touched.Clear();
    }
}
