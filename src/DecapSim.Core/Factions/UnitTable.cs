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
    /// <summary>False once the unit is retired or its faction ended; a unit never becomes active again.</summary>
    public bool[] Active;
    public int Count { get; private set; }
    /// <summary>Ids of the units active at the last <see cref="Live"/> call and of those added since, ascending (units
    /// are never reused, so most of [0, Count) is retired units after a few years: passes over the units that count
    /// only the active ones read this list instead).</summary>
    private int[] _live;
    private int _liveCount;

    public UnitTable(int capacity)
    {
        capacity = Math.Max(capacity, 16);
        Faction = new int[capacity]; Lieutenant = new int[capacity]; Active = new bool[capacity];
        _live = new int[capacity];
    }

    /// <summary>The active units, in ascending id order (the same units and order as a pass over [0, Count) that
    /// keeps the active ones). Valid until the next <see cref="Add"/> or <see cref="Live"/>.</summary>
    public ReadOnlySpan<int> Live()
    {
        int n = 0;
        for (int k = 0; k < _liveCount; k++)
        {
            int u = _live[k];
            if (Active[u]) _live[n++] = u;
        }
        _liveCount = n;
        return _live.AsSpan(0, n);
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
        if (_liveCount == _live.Length) Array.Resize(ref _live, _live.Length * 2);
        _live[_liveCount++] = u;
        return u;
    }
}
