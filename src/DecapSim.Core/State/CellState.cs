namespace DecapSim.Core.State;

/// <summary>Dynamic state of every cell, struct-of-arrays (indexed by cell).</summary>
public sealed class CellState
{
    /// <summary>Police capacity L_c in [0,1].</summary>
    public readonly double[] Police;
    /// <summary>Corruption k_c in [0,1].</summary>
    public readonly double[] Corruption;
    /// <summary>Federal troop presence F_c (troop units, >= 0).</summary>
    public readonly double[] Troops;
    /// <summary>Controlling faction, or -1.</summary>
    public readonly int[] Controller;
    /// <summary>The unit (lieutenant's group) of the controller that holds the cell as its plaza, or -1.</summary>
    public readonly int[] HolderUnit;
    /// <summary>True when the runner-up holds at least ContestRatio of the controller's presence.</summary>
    public readonly bool[] Contested;
    /// <summary>The contested flag as this week's fighting saw it (set at the start of the week, before the territory
    /// step updates <see cref="Contested"/>): where the week's homicides count as "in contested cells".</summary>
    public readonly bool[] WasContested;
    /// <summary>Week until which the cell is a vacuum (its controller was weakened by a removal).</summary>
    public readonly int[] VacuumUntil;
    /// <summary>Route value of the cell at full control and demand 1 (USD/week).</summary>
    public readonly double[] RouteValue;
    /// <summary>Bribes paid in the cell this week (USD).</summary>
    public readonly double[] Bribes;
    /// <summary>Members killed by rivals this week.</summary>
    public readonly int[] CartelDeaths;
    /// <summary>Members killed by rivals last week (drives state operations).</summary>
    public readonly int[] LastCartelDeaths;
    /// <summary>Members killed by the state this week.</summary>
    public readonly int[] StateKills;
    /// <summary>Civilian victims this week.</summary>
    public readonly int[] Civilians;
    /// <summary>State forces killed this week.</summary>
    public readonly int[] StateForcesKilled;
    /// <summary>Blockades this week.</summary>
    public readonly int[] Blockades;

    public CellState(int cells)
    {
        Police = new double[cells]; Corruption = new double[cells]; Troops = new double[cells];
        Controller = new int[cells]; HolderUnit = new int[cells]; Contested = new bool[cells]; WasContested = new bool[cells]; VacuumUntil = new int[cells];
        RouteValue = new double[cells]; Bribes = new double[cells];
        CartelDeaths = new int[cells]; LastCartelDeaths = new int[cells]; StateKills = new int[cells];
        Civilians = new int[cells]; StateForcesKilled = new int[cells]; Blockades = new int[cells];
        Array.Fill(Controller, -1);
        Array.Fill(HolderUnit, -1);
        Array.Fill(VacuumUntil, Factions.FactionTable.NoWeek);
    }

    /// <summary>Number of cells.</summary>
    public int Count => Police.Length;

    /// <summary>Moves this week's counters to "last week" and clears them; keeps the contested flags the week starts with.</summary>
    public void ResetWeeklyCounters()
    {
        Array.Copy(CartelDeaths, LastCartelDeaths, CartelDeaths.Length);
        Array.Copy(Contested, WasContested, Contested.Length);
        Array.Clear(CartelDeaths); Array.Clear(StateKills); Array.Clear(Civilians);
        Array.Clear(StateForcesKilled); Array.Clear(Blockades); Array.Clear(Bribes);
    }
}
