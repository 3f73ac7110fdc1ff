namespace DecapSim.Core.Factions;

/// <summary>
/// Each faction's soldiers counted by age, kept from the changed slots, so the sum and maximum of their exit weights
/// (<see cref="PresenceIndex.FactionExitWeight"/>) cost O(factions x age bins) a week instead of a pass over every
/// member.
/// </summary>
/// <remarks>
/// <para>The exit weight of a soldier is indexed by its age in whole quarter years,
/// <see cref="MemberTable.ExitBin"/> = (age in whole weeks at week 0 + week) / 13. Write the age in weeks
/// A = 13 q + r (0 &lt;= r &lt; 13) and the week w = 13 a + t (0 &lt;= t &lt; 13): the bin is q + a, plus one when
/// r + t &gt;= 13. So per faction it is enough to count soldiers by (q, r), kept as cumulative counts over r
/// (<c>Below[r][q]</c> = soldiers of quarter q with remainder below r): at week w, of quarter q's soldiers
/// Below[13 - t][q] are in bin q + a and the rest in bin q + a + 1. Nobody has to be aged week by week.</para>
/// <para>Everything here follows from the member table: a restored state can start with <see cref="Invalidate"/>.</para>
/// </remarks>
public sealed class ExitWeightTally
{
    /// <summary>Age bins of the weight table (quarter years 0..400).</summary>
    public const int Bins = 401;
    private const int R = 13;

    private int[]?[] _rows = Array.Empty<int[]?>();   // per faction: Below[1..13][q] as 13 x Bins, or null
    private int[] _soldiers = Array.Empty<int>();     // per faction: soldiers counted
    private const int Words = (Bins + 63) / 64;
    private ulong[] _quarters = Array.Empty<ulong>(); // per faction: Words words, bit q set when quarter q counts anyone
    private readonly Stack<int[]> _pool = new();
    private int[] _faction = Array.Empty<int>();      // per slot: faction counted under (-1: none)
    private int[] _age = Array.Empty<int>();          // per slot: age in weeks counted
    private bool _ready;
    private int _lo = Bins, _hi = -1;                 // quarters ever counted

    /// <summary>True when the tally follows the member table (after <see cref="Reset"/>).</summary>
    public bool Ready => _ready;

    /// <summary>Forgets everything: the next use recounts the table.</summary>
    public void Invalidate() => _ready = false;

    /// <summary>Counts every active soldier of the table.</summary>
    public void Reset(MemberTable m, int factionCap)
    {
        EnsureFactions(factionCap);
        for (int f = 0; f < _rows.Length; f++)
            if (_rows[f] is { } row) { Array.Clear(row); _pool.Push(row); _rows[f] = null; }
        Array.Clear(_soldiers);
        Array.Clear(_quarters);
        EnsureSlots(m.Capacity);
        Array.Fill(_faction, -1);
        for (int i = 0; i < m.Count; i++) Count(m, i);
        _ready = true;
    }

    /// <summary>Re-counts the slots that changed since the last call.</summary>
    public void Apply(MemberTable m, int factionCap, ReadOnlySpan<int> changed)
    {
        Prepare(m, factionCap);
        foreach (int i in changed) Recount(m, i);
    }

    /// <summary>Makes room for the table's slots and factions before <see cref="Recount"/> calls.</summary>
    public void Prepare(MemberTable m, int factionCap)
    {
        EnsureFactions(factionCap);
        EnsureSlots(m.Capacity);
    }

    /// <summary>Asks the fields <see cref="Recount"/> reads of slot i into cache (a hint; changes nothing).</summary>
    public void Prefetch(MemberTable m, int i)
    {
        CachePrefetch.Element(m.Rank, i);
        CachePrefetch.Element(m.AgeWeeks0, i);
        CachePrefetch.Element(_faction, i);
        CachePrefetch.Element(_age, i);
    }

    /// <summary>Re-counts one changed slot (after <see cref="Prepare"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Recount(MemberTable m, int i)
    {
        // a soldier who only moved is counted where he was: nothing to change
        int f = m.Status[i] != (byte)MemberStatus.Active || m.Rank[i] != (byte)Rank.Soldier ? -1 : m.Faction[i];
        if (f == _faction[i] && (f < 0 || _age[i] == Math.Max(0, m.AgeWeeks0[i]))) return;
        Uncount(i);
        Count(m, i);
    }

    /// <summary>Sum and maximum of the exit weights of each faction's soldiers at <paramref name="week"/>.</summary>
    public void Sums(ReadOnlySpan<double> table, int week, Span<double> sum, Span<double> max)
    {
        int a = FloorDiv(week, R), t = week - a * R;
        int split = R - t; // remainders below this stay in quarter q + a
        for (int f = 0; f < sum.Length; f++)
        {
            var row = f < _rows.Length ? _rows[f] : null;
            if (row == null) { sum[f] = 0; max[f] = 0; continue; }
            var below = row.AsSpan((split - 1) * Bins, Bins);
            var all = row.AsSpan((R - 1) * Bins, Bins);
            double s = 0, mx = 0;
            // the quarters that count anyone, in increasing order (a small group's soldiers fill a few of them)
            var quarters = _quarters.AsSpan(f * Words, Words);
            for (int word = 0; word < Words; word++)
            for (ulong bits = quarters[word]; bits != 0; bits &= bits - 1)
            {
                int q = word * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits);
                int n = all[q];
                if (n == 0) continue;
                int low = below[q], high = n - low;
                if (low > 0)
                {
                    double w = table[Math.Clamp(q + a, 0, Bins - 1)];
                    s += low * w;
                    if (w > mx) mx = w;
                }
                if (high > 0)
                {
                    double w = table[Math.Clamp(q + a + 1, 0, Bins - 1)];
                    s += high * w;
                    if (w > mx) mx = w;
                }
            }
            sum[f] = s; max[f] = mx;
        }
    }

    private static int FloorDiv(int x, int d) => x >= 0 ? x / d : -((-x + d - 1) / d);

    private void Count(MemberTable m, int i)
    {
        if (m.Status[i] != (byte)MemberStatus.Active || m.Rank[i] != (byte)Rank.Soldier) { _faction[i] = -1; return; }
        int f = m.Faction[i], age = Math.Max(0, m.AgeWeeks0[i]);
        _faction[i] = f; _age[i] = age;
        Add(f, age, +1);
    }

    private void Uncount(int i)
    {
        int f = _faction[i];
        if (f < 0) return;
        Add(f, _age[i], -1);
        _faction[i] = -1;
    }

    private void Add(int f, int age, int d)
    {
        int q = age / R, r = age - q * R;
        if (q >= Bins) { q = Bins - 1; r = 0; } // at the top bin whatever the remainder
        var row = _rows[f];
        if (row == null) _rows[f] = row = _pool.Count > 0 ? _pool.Pop() : new int[R * Bins];
        // Below[k] counts remainders < k, k = 1..13 (row k - 1)
        for (int k = r + 1; k <= R; k++) row[(k - 1) * Bins + q] += d;
        int total = row[(R - 1) * Bins + q];
        if (d > 0 && total == d) _quarters[f * Words + (q >> 6)] |= 1UL << (q & 63);
        else if (d < 0 && total == 0) _quarters[f * Words + (q >> 6)] &= ~(1UL << (q & 63));
        if (q < _lo) _lo = q;
        if (q > _hi) _hi = q;
        if ((_soldiers[f] += d) == 0) { _pool.Push(row); _rows[f] = null; } // all zero again
    }

    private void EnsureFactions(int factionCap)
    {
        if (_rows.Length >= factionCap) return;
        Array.Resize(ref _rows, factionCap);
        Array.Resize(ref _soldiers, factionCap);
        Array.Resize(ref _quarters, factionCap * Words);
    }

    private void EnsureSlots(int n)
    {
        if (_faction.Length >= n) return;
        int old = _faction.Length;
        Array.Resize(ref _faction, n); Array.Resize(ref _age, n);
        Array.Fill(_faction, -1, old, n - old);
    }
}
