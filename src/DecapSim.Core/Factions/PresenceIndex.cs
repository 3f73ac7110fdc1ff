namespace DecapSim.Core.Factions;

/// <summary>
/// Who is where: the active members grouped by presence entry (cell x faction), kept incrementally.
/// </summary>
/// <remarks>
/// <para>The entries are kept sorted by (cell, faction), each with its members as one contiguous segment of
/// <see cref="MembersByEntry"/> (so members are also grouped by cell). A member remembers the (cell, faction) it was
/// listed under (<see cref="MemberTable.SnapCell"/>, <see cref="MemberTable.SnapFaction"/>). The weekly
/// <see cref="Build"/> is one sequential pass over the member table that finds the slots whose cell, faction or status
/// changed since the last snapshot (moves, splits, deaths, recruits, arrests, releases: a few thousand a week), then
/// one sequential merge of last week's entries with the sorted arrivals: unchanged entries copy their segment, entries
/// someone left filter theirs. Nothing is re-sorted and every pass reads memory in order, so the cost is close to a
/// bare pass over the members.</para>
/// <para>During the week the index is a snapshot: members removed, imprisoned or recruited since then have
/// <see cref="MemberTable.Entry"/> = -1, which <see cref="IsListed"/> checks.</para>
/// </remarks>
public sealed class PresenceIndex
{
    /// <summary>Members of entry e are MembersByEntry[EntryMemberStart[e]..EntryMemberStart[e+1]].</summary>
    public int[] EntryMemberStart = Array.Empty<int>();
    public int[] MembersByEntry = Array.Empty<int>();
    /// <summary>Members of cell c are MembersByCell[CellMemberStart[c]..CellMemberStart[c+1]] (the same array as
    /// <see cref="MembersByEntry"/>: entries are grouped by cell).</summary>
    public int[] CellMemberStart = Array.Empty<int>();
    public int[] MembersByCell => MembersByEntry;
    /// <summary>Entries of cell c are [CellEntryStart[c], CellEntryStart[c+1]), in ascending faction order.</summary>
    public int[] CellEntryStart = Array.Empty<int>();
    public int[] EntryCell = Array.Empty<int>();
    public int[] EntryFaction = Array.Empty<int>();
    public int[] EntryCount = Array.Empty<int>();
    /// <summary>Entries of faction f are EntriesByFaction[FactionEntryStart[f]..FactionEntryStart[f+1]].</summary>
    public int[] FactionEntryStart = Array.Empty<int>();
    public int[] EntriesByFaction = Array.Empty<int>();
    /// <summary>Active members of each faction at the snapshot (C_f).</summary>
    public int[] FactionMembers = Array.Empty<int>();
    /// <summary>Active members in total (T).</summary>
    public int Total;
    public int EntryCountUsed;

    /// <summary>Per faction: sum and maximum of the soldiers' exit age weights (when a weight table is given).</summary>
    public double[] FactionExitWeight = Array.Empty<double>();
    public double[] FactionMaxExitWeight = Array.Empty<double>();

    /// <summary>Sort key of each entry: (cell, faction).</summary>
    private long[] _key = Array.Empty<long>(), _keyNext = Array.Empty<long>();
    /// <summary>Members left per entry after this build's departures, and whether anyone left.</summary>
    private int[] _left = Array.Empty<int>();
    private bool[] _dirty = Array.Empty<bool>();
    /// <summary>One bit per member slot: set when the slot left the entry it is listed under in this build (the
    /// merge leaves it out of that entry's segment); cleared after the merge.</summary>
    private ulong[] _gone = Array.Empty<ulong>();
    private int[] _startNext = Array.Empty<int>(), _cellNext = Array.Empty<int>(), _factionNext = Array.Empty<int>(), _countNext = Array.Empty<int>();
    private int[] _spare = Array.Empty<int>();
    private Arrival[] _arrivals = new Arrival[256];
    private ulong[] _packed = new ulong[256];
    private int _arrivalCount;
    private int[] _cursor = Array.Empty<int>();
    private readonly ExitWeightTally _tally = new();

    /// <summary>Slots that joined, left or changed entry in the last <see cref="Build"/> (diagnostics and tests).</summary>
    public int LastChanges { get; private set; }

    private readonly record struct Arrival(long Key, int Slot) : IComparable<Arrival>
    {
        public int CompareTo(Arrival o) => Key != o.Key ? Key.CompareTo(o.Key) : Slot.CompareTo(o.Slot);
    }

    private static long Key(int cell, int faction) => ((long)cell << 32) | (uint)faction;

    /// <summary>True when member i was listed in entry e at this week's snapshot and has not been removed,
    /// imprisoned or replaced since (recruits and released prisoners join the index at the next snapshot).</summary>
    public bool IsListed(MemberTable m, int i, int e) =>
        m.Entry[i] >= 0 && m.Status[i] == (byte)MemberStatus.Active && m.SnapCell[i] == EntryCell[e] && m.SnapFaction[i] == EntryFaction[e];

    /// <summary>This week's entry of member i (-1 when not listed at the snapshot); a binary search, for tests and
    /// diagnostics.</summary>
    public int EntryOf(MemberTable m, int i) => m.Entry[i] < 0 ? -1 : Find(Key(m.SnapCell[i], m.SnapFaction[i]));

    private int Find(long key)
    {
        int v = Array.BinarySearch(_key, 0, EntryCountUsed, key);
        return v >= 0 ? v : -1;
    }

    /// <summary>Brings the index up to date with a pass over the member table (set-up, spin-up, tests). With
    /// <paramref name="ageWeight"/> (indexed by <see cref="MemberTable.ExitBin"/>) it also sums each faction's
    /// soldiers' exit weights at <paramref name="week"/>.</summary>
    public void Build(MemberTable m, int cells, int factionCapacity, int week = 0, double[]? ageWeight = null)
    {
        int n = m.Count;
        int oldE = EntryCountUsed;
        Ensure(ref FactionMembers, factionCapacity);
        Ensure(ref FactionEntryStart, factionCapacity + 1);
        if (FactionExitWeight.Length < factionCapacity) { FactionExitWeight = new double[factionCapacity]; FactionMaxExitWeight = new double[factionCapacity]; }
        var fm = FactionMembers.AsSpan(0, factionCapacity);
        fm.Clear();
        var exitW = FactionExitWeight.AsSpan(0, factionCapacity);
        var exitMax = FactionMaxExitWeight.AsSpan(0, factionCapacity);
        exitW.Clear();
        exitMax.Clear();
        Ensure(ref _left, oldE);
        if (_dirty.Length < oldE) _dirty = new bool[Math.Max(oldE, _dirty.Length * 2)];
        EntryCount.AsSpan(0, oldE).CopyTo(_left);
        var status = m.Status; var cell = m.Cell; var faction = m.Faction; var entry = m.Entry;
        var snapCell = m.SnapCell; var snapFaction = m.SnapFaction;
        var ageWeeks = m.AgeWeeks0; var rank = m.Rank;
        int departures = 0;
        _arrivalCount = 0;
        EnsureGone(m.Capacity);
        int runF = -1, runN = 0;
        double runW = 0, runMax = 0;
        // one sequential pass: note the slots whose (cell, faction, status) changed, count the rest
        for (int i = 0; i < n; i++)
        {
            if (!NoteSlot(m, i, ref departures)) continue;
            int f = faction[i];
            // slots of one faction tend to be adjacent: sum runs in registers, not through memory
            if (f != runF)
            {
                if (runF >= 0) { fm[runF] += runN; exitW[runF] += runW; if (runMax > exitMax[runF]) exitMax[runF] = runMax; }
                runF = f; runN = 0; runW = 0; runMax = 0;
            }
            runN++;
            if (ageWeight != null && rank[i] == 0)
            {
                double w = ageWeight[Math.Clamp((ageWeeks[i] + week) / 13, 0, 400)];
                runW += w;
                if (w > runMax) runMax = w;
            }
        }
        if (runF >= 0) { fm[runF] += runN; exitW[runF] += runW; if (runMax > exitMax[runF]) exitMax[runF] = runMax; }
        int total = 0;
        for (int f = 0; f < factionCapacity; f++) total += fm[f];
        Total = total;
        LastChanges = departures + _arrivalCount;
        Merge(m, oldE, cells, factionCapacity);
        Array.Clear(_gone);
        m.ClearChanges();
        _tally.Invalidate();
    }

    /// <summary>
    /// Brings the index up to date from the slots that changed since the last snapshot
    /// (<see cref="MemberTable.Changed"/>) instead of a pass over every member: the same entries, segments and
    /// counts as <see cref="Build"/> at a cost of O(changes + entries), and the soldiers' exit weights at
    /// <paramref name="week"/> from <see cref="ExitWeightTally"/> (which counts the table once after a
    /// <see cref="Build"/>).
    /// </summary>
    public void Update(MemberTable m, int cells, int factionCapacity, int week, double[] ageWeight)
    {
        int oldE = EntryCountUsed;
        Ensure(ref FactionMembers, factionCapacity);
        Ensure(ref FactionEntryStart, factionCapacity + 1);
        Ensure(ref _left, oldE);
        if (_dirty.Length < oldE) _dirty = new bool[Math.Max(oldE, _dirty.Length * 2)];
        EntryCount.AsSpan(0, oldE).CopyTo(_left);
        var status = m.Status; var cell = m.Cell; var faction = m.Faction; var entry = m.Entry;
        var snapCell = m.SnapCell; var snapFaction = m.SnapFaction;
        var changed = m.Changed.AsSpan(0, m.ChangedCount);
        int departures = 0;
        _arrivalCount = 0;
        EnsureGone(m.Capacity);
        // the exit-weight tally re-counts the same slots while they are in cache
        bool tally = _tally.Ready;
        if (tally) _tally.Prepare(m, factionCapacity);
        for (int k = 0; k < changed.Length; k++)
        {
            if (k + PrefetchDistance < changed.Length) PrefetchSlot(m, changed[k + PrefetchDistance], tally);
            int i = changed[k];
            NoteSlot(m, i, ref departures);
            if (tally) _tally.Recount(m, i);
        }
        Total += _arrivalCount - departures;
        LastChanges = departures + _arrivalCount;
        Merge(m, oldE, cells, factionCapacity);
        foreach (int i in changed) _gone[i >> 6] = 0;
        var fm = FactionMembers.AsSpan(0, factionCapacity);
        fm.Clear();
        for (int e = 0; e < EntryCountUsed; e++) fm[EntryFaction[e]] += EntryCount[e];
        if (FactionExitWeight.Length < factionCapacity) { FactionExitWeight = new double[factionCapacity]; FactionMaxExitWeight = new double[factionCapacity]; }
        if (!tally) _tally.Reset(m, factionCapacity);
        m.ClearChanges();
        _tally.Sums(ageWeight, week, FactionExitWeight.AsSpan(0, factionCapacity), FactionMaxExitWeight.AsSpan(0, factionCapacity));
    }

    /// <summary>Changed slots ahead of the pass whose fields are asked into cache (the slots are scattered over the
    /// member table and each reads about ten arrays).</summary>
    private const int PrefetchDistance = 4;

    private void PrefetchSlot(MemberTable m, int i, bool tally)
    {
        CachePrefetch.Element(m.Status, i);
        CachePrefetch.Element(m.SnapCell, i);
        CachePrefetch.Element(m.Cell, i);
        CachePrefetch.Element(m.Faction, i);
        CachePrefetch.Element(m.SnapFaction, i);
        CachePrefetch.Element(m.Entry, i);
        if (tally) _tally.Prefetch(m, i);
    }

    /// <summary>Compares slot i with what the index lists it under: a departure from its old entry when it left or
    /// moved, an arrival when it is active under a new (cell, faction). Returns whether the slot is active.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool NoteSlot(MemberTable m, int i, ref int departures)
    {
        var snapCell = m.SnapCell; var snapFaction = m.SnapFaction;
        int sc = snapCell[i];
        if (m.Status[i] != (byte)MemberStatus.Active)
        {
            if (sc >= 0) { Depart(sc, snapFaction[i], i); snapCell[i] = -1; departures++; }
            m.Entry[i] = -1;
            return false;
        }
        int c = m.Cell[i], f = m.Faction[i];
        if (sc != c || snapFaction[i] != f)
        {
            if (sc >= 0) { Depart(sc, snapFaction[i], i); departures++; }
            snapCell[i] = c; snapFaction[i] = f;
            if (_arrivalCount == _arrivals.Length) Array.Resize(ref _arrivals, _arrivalCount * 2);
            _arrivals[_arrivalCount++] = new Arrival(Key(c, f), i);
        }
        m.Entry[i] = 0;
        return true;
    }

    /// <summary>Slot i, listed under (c, f), left it: its entry is found among last week's entries of cell c (a few),
    /// and the slot is marked gone, so the merge leaves it out of that entry's segment (no search in the segment).</summary>
    private void Depart(int c, int f, int i)
    {
        int v = CellEntryStart[c], end = CellEntryStart[c + 1];
        while (v < end && EntryFaction[v] != f) v++;
        if (v == end) throw new InvalidOperationException($"slot {i} is listed under cell {c}, faction {f}, which has no entry");
        _left[v]--;
        _dirty[v] = true;
        _gone[i >> 6] |= 1UL << (i & 63);
    }

    private void EnsureGone(int slots)
    {
        int words = (slots + 63) / 64;
        if (_gone.Length < words) Array.Resize(ref _gone, Math.Max(words, _gone.Length * 2));
    }

    /// <summary>New entries and segments: last week's entries merged in key order with the sorted arrivals; entries
    /// nobody left copy their segment, the others keep the members still listed under them; empty entries drop out.</summary>
    private void Merge(MemberTable m, int oldE, int cells, int factionCapacity)
    {
        var arrivals = _arrivals.AsSpan(0, _arrivalCount);
        SortArrivals(arrivals);
        int cap = oldE + _arrivalCount;
        Ensure(ref _keyNext, cap); Ensure(ref _startNext, cap + 1); Ensure(ref _cellNext, cap); Ensure(ref _factionNext, cap); Ensure(ref _countNext, cap);
        Ensure(ref _spare, Total);
        var old = MembersByEntry; var dst = _spare;
        int i = 0, j = 0, e = 0, off = 0;
        while (i < oldE || j < arrivals.Length)
        {
            long k = i < oldE && (j >= arrivals.Length || _key[i] <= arrivals[j].Key) ? _key[i] : arrivals[j].Key;
            int start = off;
            int c = (int)(k >> 32), f = (int)(uint)k;
            if (i < oldE && _key[i] == k)
            {
                int a = EntryMemberStart[i], b = EntryMemberStart[i + 1];
                if (!_dirty[i])
                {
                    if (b - a > 16) { Array.Copy(old, a, dst, off, b - a); off += b - a; }
                    else for (int q = a; q < b; q++) dst[off++] = old[q];
                }
                else if (_left[i] > 0)
                {
                    // filter until every departure of the entry is passed, then copy the rest as it is
                    var gone = _gone;
                    int departed = b - a - _left[i], q = a;
                    for (; departed > 0 && q < b; q++)
                    {
                        int s = old[q];
                        if ((gone[s >> 6] & (1UL << (s & 63))) == 0) dst[off++] = s;
                        else departed--;
                    }
                    old.AsSpan(q, b - q).CopyTo(dst.AsSpan(off));
                    off += b - q;
                }
                _dirty[i] = false;
                i++;
            }
            while (j < arrivals.Length && arrivals[j].Key == k) dst[off++] = arrivals[j++].Slot;
            if (off == start) continue;
            _keyNext[e] = k; _cellNext[e] = c; _factionNext[e] = f; _countNext[e] = off - start; _startNext[e] = start;
            e++;
        }
        _startNext[e] = off;
        (MembersByEntry, _spare) = (dst, old);
        (_key, _keyNext) = (_keyNext, _key);
        (EntryMemberStart, _startNext) = (_startNext, EntryMemberStart);
        (EntryCell, _cellNext) = (_cellNext, EntryCell);
        (EntryFaction, _factionNext) = (_factionNext, EntryFaction);
        (EntryCount, _countNext) = (_countNext, EntryCount);
        EntryCountUsed = e;
        // entries and members by cell (entries are in cell order)
        Ensure(ref CellEntryStart, cells + 1);
        Ensure(ref CellMemberStart, cells + 1);
        int v = 0;
        for (int c = 0; c <= cells; c++)
        {
            while (v < e && EntryCell[v] < c) v++;
            CellEntryStart[c] = v;
            CellMemberStart[c] = EntryMemberStart[v];
        }
        // entries by faction (counting sort)
        Ensure(ref EntriesByFaction, e);
        Ensure(ref _cursor, factionCapacity);
        var fs = FactionEntryStart.AsSpan(0, factionCapacity + 1);
        fs.Clear();
        for (int s = 0; s < e; s++) fs[EntryFaction[s] + 1]++;
        for (int f = 0; f < factionCapacity; f++) fs[f + 1] += fs[f];
        fs[..factionCapacity].CopyTo(_cursor);
        for (int s = 0; s < e; s++) EntriesByFaction[_cursor[EntryFaction[s]]++] = s;
    }

    /// <summary>Sorts the arrivals by (cell, faction, slot). When the three fit in 64 bits (they do unless the world,
    /// the faction table and the member table are all huge) they are sorted as packed integers, several times faster
    /// than sorting the records through their comparer; the order is the same (the triples are distinct).</summary>
    private void SortArrivals(Span<Arrival> arrivals)
    {
        int maxCell = 0, maxFaction = 0, maxSlot = 0;
        foreach (var a in arrivals)
        {
            maxCell = Math.Max(maxCell, (int)(a.Key >> 32));
            maxFaction = Math.Max(maxFaction, (int)(uint)a.Key);
            maxSlot = Math.Max(maxSlot, a.Slot);
        }
        int slotBits = BitsFor(maxSlot), factionBits = BitsFor(maxFaction);
        if (BitsFor(maxCell) + factionBits + slotBits > 64) { arrivals.Sort(); return; }
        if (_packed.Length < arrivals.Length) _packed = new ulong[Math.Max(arrivals.Length, _packed.Length * 2)];
        var packed = _packed.AsSpan(0, arrivals.Length);
        for (int j = 0; j < arrivals.Length; j++)
        {
            var a = arrivals[j];
            ulong cell = (ulong)(a.Key >> 32), faction = (uint)a.Key;
            packed[j] = (cell << (factionBits + slotBits)) | (faction << slotBits) | (uint)a.Slot;
        }
        packed.Sort();
        ulong slotMask = (1UL << slotBits) - 1, factionMask = (1UL << factionBits) - 1;
        for (int j = 0; j < packed.Length; j++)
        {
            ulong v = packed[j];
            int cell = (int)(v >> (factionBits + slotBits)), faction = (int)((v >> slotBits) & factionMask);
            arrivals[j] = new Arrival(Key(cell, faction), (int)(v & slotMask));
        }
    }

    /// <summary>Bits needed to write the values 0..max (at least one).</summary>
    private static int BitsFor(int max) => max <= 1 ? 1 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)max);

    /// <summary>Makes per-faction arrays cover a grown faction table (new factions count zero this week).</summary>
    public void EnsureFactionCapacity(int factionCapacity)
    {
        if (FactionMembers.Length < factionCapacity) Array.Resize(ref FactionMembers, factionCapacity);
        if (FactionEntryStart.Length < factionCapacity + 1)
        {
            int old = FactionEntryStart.Length;
            Array.Resize(ref FactionEntryStart, factionCapacity + 1);
            int last = old > 0 ? FactionEntryStart[old - 1] : 0;
            for (int i = old; i < FactionEntryStart.Length; i++) FactionEntryStart[i] = last;
        }
    }

    /// <summary>Entries (cell x faction) of a faction.</summary>
    public ReadOnlySpan<int> EntriesOf(int faction) =>
        EntriesByFaction.AsSpan(FactionEntryStart[faction], FactionEntryStart[faction + 1] - FactionEntryStart[faction]);

    /// <summary>Members of entry e at this week's snapshot.</summary>
    public ReadOnlySpan<int> MembersOf(int e) => MembersByEntry.AsSpan(EntryMemberStart[e], EntryMemberStart[e + 1] - EntryMemberStart[e]);

    private static void Ensure(ref int[] a, int n)
    {
        if (a.Length < n) a = new int[Math.Max(n, a.Length * 2)];
    }

    private static void Ensure(ref long[] a, int n)
    {
        if (a.Length < n) a = new long[Math.Max(n, a.Length * 2)];
    }
}
