using DecapSim.Core.Random;

namespace DecapSim.Core.Factions;

/// <summary>
/// The initial plazas: every cell is held by at most one faction. Each faction first takes one plaza in its
/// home region (the largest factions choose first; in a region with more factions than cells, late comers share
/// a plaza). Every other cell of a region goes to a faction drawn in proportion to the members it places in
/// that region, so a group's territory is where its members are and the big groups hold most of their home
/// states. Factions' members then live in their own plazas (see <see cref="LandscapeBuilder"/>), so at the
/// start rival groups meet at frontiers, not inside every cell.
/// </summary>
internal sealed class TerritoryAllocation
{
    /// <summary>Fewest expected members for a faction to be given plazas in a region beyond its home.</summary>
    public const double MinExpectedMembers = 1.0;

    private readonly ModelState _s;
    private readonly StreamRng _rng;
    private readonly LandscapeBuilder _builder;

    public TerritoryAllocation(ModelState s, StreamRng rng, LandscapeBuilder builder)
    {
        _s = s; _rng = rng; _builder = builder;
    }

    /// <summary>Returns each faction's plazas and sets the cells' controllers.</summary>
    public List<int>[] Allocate(List<(string Name, int Size, int Home)> specs)
    {
        var world = _s.World;
        int n = specs.Count;
        var plazas = new List<int>[n];
        for (int f = 0; f < n; f++) plazas[f] = new List<int>();
        var holder = _s.Cells.Controller;
        Array.Fill(holder, -1);
        // home plazas, largest faction first
        var order = Enumerable.Range(0, n).OrderByDescending(f => specs[f].Size).ThenBy(f => f).ToArray();
        foreach (int f in order)
        {
            var cells = world.RegionCells[specs[f].Home];
            int c = Draw(cells, c2 => holder[c2] < 0 ? _builder.CellWeight(c2) : 0);
            if (c < 0) c = Draw(cells, c2 => _builder.CellWeight(c2));
            else holder[c] = f;
            plazas[f].Add(c);
        }
        // the rest of each region, in proportion to the members each faction places there
        var expected = new double[n];
        for (int r = 0; r < world.RegionCount; r++)
        {
            double total = 0;
            for (int f = 0; f < n; f++)
            {
                double e = specs[f].Size * _builder.Spread(f, specs[f].Home, r);
                expected[f] = e >= MinExpectedMembers ? e : 0;
                total += expected[f];
            }
            if (total <= 0) continue;
            foreach (int c in world.RegionCells[r])
            {
                if (holder[c] >= 0) continue;
                double u = _rng.NextDouble() * total;
                int pick = n - 1;
                for (int f = 0; f < n; f++) { u -= expected[f]; if (u <= 0 && expected[f] > 0) { pick = f; break; } }
                if (expected[pick] <= 0) continue;
                holder[c] = pick;
                plazas[pick].Add(c);
            }
        }
        return plazas;
    }

    /// <summary>A cell of the list drawn by weight, or -1 when all weights are 0.</summary>
    private int Draw(int[] cells, Func<int, double> weight)
    {
        double total = 0;
        foreach (int c in cells) total += weight(c);
        if (total <= 0) return -1;
        double u = _rng.NextDouble() * total;
        foreach (int c in cells) { u -= weight(c); if (u <= 0) return c; }
        return cells[^1];
    }
}
