using DecapSim.Core.Factions;

namespace DecapSim.Core.Metrics;

/// <summary>
/// Step 13: reads the state and the week's counters into <see cref="WeeklyMetrics"/> and per-region arrays.
/// Processes never write metrics; they only update state and counters.
/// </summary>
public sealed class Observer
{
    /// <summary>Per-region homicides this week.</summary>
    public readonly double[] RegionHomicides;
    /// <summary>Per-region blockades this week.</summary>
    public readonly double[] RegionBlockades;
    /// <summary>Per-region controller: the faction controlling most of its cells, or -1.</summary>
    public readonly int[] RegionController;
    private int[] _regionCellCount = Array.Empty<int>();
    private int[] _controlCount = Array.Empty<int>();

    public Observer(int regions)
    {
        RegionHomicides = new double[regions]; RegionBlockades = new double[regions]; RegionController = new int[regions];
    }

    /// <summary>Observes the state at the end of a week.</summary>
    public WeeklyMetrics Observe(ModelState s)
    {
        var cells = s.Cells;
        var world = s.World;
        var F = s.Factions;
        Array.Clear(RegionHomicides); Array.Clear(RegionBlockades);
        double cartel = 0, state = 0, civ = 0, sfk = 0, inContested = 0, blockades = 0, corruption = 0, police = 0;
        int contested = 0;
        if (_controlCount.Length < F.Capacity) _controlCount = new int[F.Capacity];
        Array.Clear(_controlCount, 0, F.Capacity);
        int controlled = 0;
        for (int c = 0; c < cells.Count; c++)
        {
            double h = cells.CartelDeaths[c] + cells.StateKills[c] + cells.Civilians[c] + cells.StateForcesKilled[c];
            cartel += cells.CartelDeaths[c]; state += cells.StateKills[c]; civ += cells.Civilians[c]; sfk += cells.StateForcesKilled[c];
            blockades += cells.Blockades[c];
            int r = world.Region[c];
            RegionHomicides[r] += h;
            if (cells.WasContested[c]) inContested += h;
            RegionBlockades[r] += cells.Blockades[c];
            corruption += cells.Corruption[c];
            police += cells.Police[c];
            if (cells.Contested[c]) contested++;
            int ctrl = cells.Controller[c];
            if (ctrl >= 0 && F.Active[ctrl]) { _controlCount[ctrl]++; controlled++; }
        }
        RegionControllers(s);
        double eff = 0;
        if (controlled > 0)
        {
            double sumSq = 0;
            for (int f = 0; f < F.Count; f++) { double sh = (double)_controlCount[f] / controlled; sumSq += sh * sh; }
            eff = sumSq > 0 ? 1 / sumSq : 0;
        }
        var (active, imprisoned) = Counts(s);
        int largest = 0;
        var live = s.LiveMembers;
        for (int f = 0; f < F.Count && f < live.Length; f++) if (F.Active[f] && live[f] > largest) largest = live[f];
        var k = s.Counters;
        return new WeeklyMetrics
        {
            Week = s.Week,
            Homicides = cartel + state + civ + sfk,
            HomicidesCartel = cartel,
            HomicidesState = state,
            HomicidesCivilian = civ,
            StateForcesKilled = sfk,
            HomicidesContested = inContested,
            Blockades = blockades,
            Arrests = k.Arrests,
            Releases = k.Releases,
            Recruits = k.Recruits,
            Members = active,
            Imprisoned = imprisoned,
            ActiveFactions = F.ActiveCount(),
            EffectiveFactions = eff,
            LargestShare = active > 0 ? (double)largest / active : 0,
            NewSplinters = k.NewSplinters,
            RivalPairsInContact = k.RivalPairsInContact,
            ContestedCells = contested,
            RevenueUsd = k.Revenue,
            ArmsAcquired = k.ArmsAcquired,
            ArmsInterdicted = k.ArmsInterdicted,
            MeanCorruption = cells.Count > 0 ? corruption / cells.Count : 0,
            MeanPoliceCapacity = cells.Count > 0 ? police / cells.Count : 0,
            UsTrust = s.Policy.UsTrust,
        };
    }

    private static (long Active, long Imprisoned) Counts(ModelState s)
    {
        long a = 0;
        var live = s.LiveMembers;
        for (int f = 0; f < s.Factions.Count && f < live.Length; f++) a += live[f];
        return (a, s.ImprisonedCount);
    }

    private void RegionControllers(ModelState s)
    {
        var world = s.World;
        if (_regionCellCount.Length < s.Factions.Capacity) _regionCellCount = new int[s.Factions.Capacity];
        for (int r = 0; r < world.RegionCount; r++)
        {
            int best = -1, bestN = 0;
            var cells = world.RegionCells[r];
            foreach (var c in cells)
            {
                int f = s.Cells.Controller[c];
                if (f < 0) continue;
                int n = ++_regionCellCount[f];
                if (n > bestN || (n == bestN && f < best)) { bestN = n; best = f; }
            }
            foreach (var c in cells) { int f = s.Cells.Controller[c]; if (f >= 0) _regionCellCount[f] = 0; }
            RegionController[r] = best;
        }
    }
}
