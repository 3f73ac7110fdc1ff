using DecapSim.Core.Factions;
using DecapSim.Core.Processes;

namespace DecapSim.Core.Tests;

/// <summary>Hand-built arrangements on small grids: put chosen factions' members in chosen cells, then rebuild the
/// week's snapshot and control, so a single process can be stepped on a known situation.</summary>
internal static class TestWorlds
{
    /// <summary>Moves every active member of each faction to the cell <paramref name="place"/> gives it (-1: leave it
    /// where it is), rebuilds the snapshot, unit lists and control.</summary>
    public static void Arrange(ModelState s, Func<int, int> place)
    {
        var m = s.Members;
        for (int i = 0; i < m.Count; i++)
        {
            if (!m.IsActive(i)) continue;
            int c = place(m.Faction[i]);
            if (c >= 0) m.Cell[i] = c;
        }
        Rebuild(s);
    }

    /// <summary>Rebuilds the week's snapshot, unit lists and control from the member table.</summary>
    public static void Rebuild(ModelState s)
    {
        s.EnsureFactionArrays();
        s.Presence.Build(s.Members, s.World.CellCount, s.Factions.Capacity);
        s.RebuildUnitLists();
        TerritoryProcess.UpdateControl(s);
    }

    /// <summary>Moves the first <paramref name="n"/> active soldiers of faction f to cell c.</summary>
    public static int MoveSoldiers(ModelState s, int f, int n, int c)
    {
        var m = s.Members;
        int moved = 0;
        for (int i = 0; i < m.Count && moved < n; i++)
            if (m.IsActive(i) && m.Faction[i] == f && m.Rank[i] == (byte)Rank.Soldier) { m.Cell[i] = c; moved++; }
        return moved;
    }

    /// <summary>Homicides (cartel, state, civilian) in a set of cells this week.</summary>
    public static double Homicides(ModelState s, IEnumerable<int> cells) =>
        cells.Sum(c => (double)s.Cells.CartelDeaths[c] + s.Cells.StateKills[c] + s.Cells.Civilians[c]);
}
