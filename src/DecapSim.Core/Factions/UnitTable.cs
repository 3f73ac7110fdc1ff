namespace DecapSim.Core.Factions;

/// <summary>
/// Lieutenants' groups ("units"): soldiers point to a unit, a unit to its faction and lieutenant, so that
/// replacing a lieutenant is O(1) and a group can defect or split as a whole.
/// </summary>
public sealed class UnitTable
{
    public int[] Faction;
    /// <summary>The lieutenant heading the unit, or -1 (headless: a soldier will be promoted).</summary>
    public int[] Lieutenant;
    public bool[] Active;
    public int Count { get; private set; }

    public UnitTable(int capacity)
    {
        capacity = Math.Max(capacity, 16);
        Faction = new int[capacity]; Lieutenant = new int[capacity]; Active = new bool[capacity];
    }

    /// <summary>Creates a unit of a faction headed by a lieutenant (or -1).</summary>
    public int Add(int faction, int lieutenant)
    {
        if (Count == Faction.Length)
        {
            int n = Count * 2;
            Array.Resize(ref Faction, n); Array.Resize(ref Lieutenant, n); Array.Resize(ref Active, n);
        }
        int u = Count++;
        Faction[u] = faction; Lieutenant[u] = lieutenant; Active[u] = true;
        return u;
    }
}
