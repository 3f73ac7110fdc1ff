namespace DecapSim.Core.Factions;

/// <summary>
/// Who is where: the active members grouped by presence entry (cell x faction), kept incrementally.
/// </summary>
/// <remarks>
/// <para>Every (cell, faction) pair that has ever held a member is a <em>stable entry</em> with its own member list
/// (a segment of one pooled array). A member's slot stays in its entry's list from week to week; the weekly
/// <see cref="Build"/> is one sequential pass over the member table that moves only the slots whose cell, faction or
/// status changed since the last snapshot (moves, splits, deaths, recruits, arrests, releases) — a few thousand a
/// week — with swap-removal, so nothing is re-sorted.</para>
/// <para>From the stable entries it then derives this week's <em>view</em>, the arrays the processes read: the
/// non-empty entries numbered 0..<see cref="EntryCountUsed"/> grouped by cell (<see cref="CellEntryStart"/>) and
/// listed by faction (<see cref="EntriesByFaction"/>), with their members concatenated in entry order
/// (<see cref="MembersByEntry"/>, which is also grouped by cell). This costs O(entries) plus one sequential copy of
/// the member lists. During the week the view is a snapshot: members removed, imprisoned or recruited since then are
/// told apart by <see cref="MemberTable.Entry"/> (-1), which <see cref="IsListed"/> checks.</para>
/// </remarks>
public sealed class PresenceIndex
{
    // ---- this week's view (indexed by view entry 0..EntryCountUsed) ----
    /// <summary>Members of entry e are MembersByEntry[EntryMemberStart[e]..EntryMemberStart[e+1]].</summary>
    public int[] EntryMemberStart = Array.Empty<int>();
    public int[] MembersByEntry = Array.Empty<int>();
    /// <summary>Members of cell c are MembersByCell[CellMemberStart[c]..CellMemberStart[c+1]] (the same array as
    /// <see cref="MembersByEntry"/>: entries are grouped by cell).</summary>
    public int[] CellMemberStart = Array.Empty<int>();
    public int[] MembersByCell => MembersByEntry;
    /// <summary>Entries of cell c are [CellEntryStart[c], CellEntryStart[c+1]).</summary>
    public int[] CellEntryStart = Array.Empty<int>();
    public int[] EntryCell = Array.Empty<int>();
    public int[] EntryFaction = Array.Empty<int>();
    public int[] EntryCount = Array.Empty<int>();
    /// <summary>The stable entry behind view entry e (what <see cref="MemberTable.Entry"/> holds).</summary>
    public int[] EntryStable = Array.Empty<int>();
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

    // ---- stable entries (persist across weeks) ----
    private int[] _sCell = new int[64], _sFaction = new int[64], _sCount = new int[64];
    /// <summary>Where each stable entry's members sit in the current <see cref="MembersByEntry"/> (length 0: nowhere).</summary>
    private int[] _sPrevStart = new int[64], _sPrevLen = new int[64];
    /// <summary>Some member left the entry since the last view (its old segment must be filtered, not copied).</summary>
    private bool[] _sDirty = new bool[64];
    private int[] _sView = new int[64];
    private int _stable;
    private long[] _keys = new long[128];
    private int[] _vals = new int[128];
    private int _mapCount;
    private int[] _cursor = Array.Empty<int>();
    private int[] _arrivals = new int[256], _arrivalSorted = new int[256], _arrivalStart = new int[65];
    private int _arrivalCount;
    private int[] _spare = Array.Empty<int>();

    /// <summary>Stable entries created so far (diagnostics and tests).</summary>
    public int StableEntries => _stable;
    /// <summary>Slots that joined, left or changed entry in the last <see cref="Build"/> (diagnostics and tests).</summary>
    public int LastChanges { get; private set; }

    /// <summary>True when member i was in view entry e at this week's snapshot and has not been removed, imprisoned
    /// or replaced since (recruits and released prisoners join the index at the next snapshot).</summary>
    public bool IsListed(MemberTable m, int i, int e) => m.Entry[i] == EntryStable[e] && m.Status[i] == (byte)MemberStatus.Active;

    /// <summary>This week's view entry of member i (-1 when not listed at the snapshot).</summary>
    public int ViewEntryOf(MemberTable m, int i) => m.Entry[i] < 0 ? -1 : _sView[m.Entry[i]];

    /// <summary>Brings the index up to date with the member table and derives this week's view. With
    /// <paramref name="ageWeight"/> (indexed by age in quarter years, 0..400) it also sums each faction's soldiers'
    /// exit weights at <paramref name="week"/>.</summary>
    public void Build(MemberTable m, int cells, int factionCapacity, int week = 0, double[]? ageWeight = null)
    {
        int n = m.Count;
        Ensure(ref FactionMembers, factionCapacity);
        Ensure(ref FactionEntryStart, factionCapacity + 1);
        if (FactionExitWeight.Length < factionCapacity) { FactionExitWeight = new double[factionCapacity]; FactionMaxExitWeight = new double[factionCapacity]; }
        var fm = FactionMembers.AsSpan(0, factionCapacity);
        fm.Clear();
        var exitW = FactionExitWeight.AsSpan(0, factionCapacity);
        var exitMax = FactionMaxExitWeight.AsSpan(0, factionCapacity);
        exitW.Clear();
        exitMax.Clear();
        var status = m.Status; var cell = m.Cell; var faction = m.Faction; var entry = m.Entry; var listed = m.ListEntry;
        var age0 = m.AgeAtWeek0; var rank = m.Rank;
        float weekYears = week / 52f;
        int total = 0;
        _arrivalCount = 0;
        int left = 0;
        int runF = -1, runN = 0;
        double runW = 0, runMax = 0;
        // one sequential pass: note the slots whose (cell, faction, status) changed, count the rest
        for (int i = 0; i < n; i++)
        {
            int le = listed[i];
            if (status[i] != (byte)MemberStatus.Active)
            {
                if (le >= 0) { Leave(le); listed[i] = -1; left++; }
                entry[i] = -1;
                continue;
            }
            int c = cell[i], f = faction[i];
            if (le < 0 || _sCell[le] != c || _sFaction[le] != f)
            {
                if (le >= 0) { Leave(le); left++; }
                le = Find(c, f);
                _sCount[le]++;
                listed[i] = le;
                if (_arrivalCount == _arrivals.Length) Array.Resize(ref _arrivals, _arrivalCount * 2);
                _arrivals[_arrivalCount++] = i;
            }
            entry[i] = le;
            // slots of one faction tend to be adjacent: sum runs in registers, not through memory
            if (f != runF)
            {
                if (runF >= 0) { fm[runF] += runN; exitW[runF] += runW; if (runMax > exitMax[runF]) exitMax[runF] = runMax; }
                runF = f; runN = 0; runW = 0; runMax = 0;
            }
            runN++;
            if (ageWeight != null && rank[i] == 0)
            {
                double w = ageWeight[Math.Clamp((int)((age0[i] + weekYears) * 4), 0, 400)];
                runW += w;
                if (w > runMax) runMax = w;
            }
        }
        if (runF >= 0) { fm[runF] += runN; exitW[runF] += runW; if (runMax > exitMax[runF]) exitMax[runF] = runMax; }
        for (int f = 0; f < factionCapacity; f++) total += fm[f];
        Total = total;
        LastChanges = left + _arrivalCount;
        BuildView(m, cells, factionCapacity);
    }

    private void Leave(int p)
    {
        _sCount[p]--;
        _sDirty[p] = true;
    }

    /// <summary>This week's view: non-empty stable entries grouped by cell (ascending stable id within a cell), their
    /// members (last week's segment, filtered only where someone left, then the arrivals in slot order), and entries
    /// by faction.</summary>
    private void BuildView(MemberTable m, int cells, int factionCapacity)
    {
        Ensure(ref CellEntryStart, cells + 1);
        Ensure(ref CellMemberStart, cells + 1);
        var ces = CellEntryStart.AsSpan(0, cells + 1);
        ces.Clear();
        int e = 0;
        for (int p = 0; p < _stable; p++)
        {
            if (_sCount[p] > 0) { ces[_sCell[p] + 1]++; e++; }
            else { _sPrevLen[p] = 0; _sDirty[p] = false; _sView[p] = -1; }
        }
        for (int c = 0; c < cells; c++) ces[c + 1] += ces[c];
        Ensure(ref EntryCell, e); Ensure(ref EntryFaction, e); Ensure(ref EntryCount, e); Ensure(ref EntryStable, e);
        Ensure(ref _cursor, Math.Max(cells, factionCapacity));
        ces[..cells].CopyTo(_cursor);
        for (int p = 0; p < _stable; p++)
        {
            if (_sCount[p] == 0) continue;
            int v = _cursor[_sCell[p]]++;
            _sView[p] = v;
            EntryStable[v] = p; EntryCell[v] = _sCell[p]; EntryFaction[v] = _sFaction[p]; EntryCount[v] = _sCount[p];
        }
        EntryCountUsed = e;
        // arrivals grouped by entry (counting sort keeps them in slot order)
        if (_arrivalStart.Length < _stable + 1) _arrivalStart = new int[Math.Max(_stable + 1, _arrivalStart.Length * 2)];
        var ast = _arrivalStart.AsSpan(0, _stable + 1);
        ast.Clear();
        var listed = m.ListEntry;
        for (int j = 0; j < _arrivalCount; j++) ast[listed[_arrivals[j]] + 1]++;
        for (int p = 0; p < _stable; p++) ast[p + 1] += ast[p];
        if (_arrivalSorted.Length < _arrivalCount) _arrivalSorted = new int[_arrivals.Length];
        for (int j = 0; j < _arrivalCount; j++) _arrivalSorted[ast[listed[_arrivals[j]]]++] = _arrivals[j];
        // ast[p] is now the end of p's arrivals; its start is ast[p - 1] (0 for p = 0)
        // members in view order: last week's segments (sequential reads), filtered where someone left, plus arrivals
        Ensure(ref EntryMemberStart, e + 1);
        Ensure(ref _spare, Total);
        var old = MembersByEntry; var dst = _spare;
        int off = 0;
        for (int v = 0; v < e; v++)
        {
            EntryMemberStart[v] = off;
            int p = EntryStable[v];
            int a = _sPrevStart[p], len = _sPrevLen[p];
            if (!_sDirty[p])
            {
                if (len > 16) { Array.Copy(old, a, dst, off, len); off += len; }
                else for (int j = 0; j < len; j++) dst[off++] = old[a + j];
            }
            else
                for (int j = 0; j < len; j++)
                {
                    int i = old[a + j];
                    if (listed[i] == p) dst[off++] = i;
                }
            for (int j = p == 0 ? 0 : ast[p - 1]; j < ast[p]; j++) dst[off++] = _arrivalSorted[j];
            _sPrevStart[p] = EntryMemberStart[v];
            _sPrevLen[p] = off - EntryMemberStart[v];
            _sDirty[p] = false;
        }
        EntryMemberStart[e] = off;
        (MembersByEntry, _spare) = (dst, old);
        for (int c = 0; c <= cells; c++) CellMemberStart[c] = EntryMemberStart[ces[c]];
        // entries by faction (counting sort)
        Ensure(ref EntriesByFaction, e);
        var fs = FactionEntryStart.AsSpan(0, factionCapacity + 1);
        fs.Clear();
        for (int s = 0; s < e; s++) fs[EntryFaction[s] + 1]++;
        for (int f = 0; f < factionCapacity; f++) fs[f + 1] += fs[f];
        fs[..factionCapacity].CopyTo(_cursor);
        for (int s = 0; s < e; s++) EntriesByFaction[_cursor[EntryFaction[s]]++] = s;
    }

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

    /// <summary>Members of view entry e at this week's snapshot.</summary>
    public ReadOnlySpan<int> MembersOf(int e) => MembersByEntry.AsSpan(EntryMemberStart[e], EntryMemberStart[e + 1] - EntryMemberStart[e]);

    /// <summary>The stable entry of (cell, faction), created when new.</summary>
    private int Find(int c, int f)
    {
        long key = ((long)c << 32) | (uint)f;
        int mask = _keys.Length - 1;
        int h = (int)(Mix(key) & (ulong)mask);
        while (true)
        {
            int v = _vals[h];
            if (v == 0) break;
            if (_keys[h] == key) return v - 1;
            h = (h + 1) & mask;
        }
        if (_stable == _sCell.Length)
        {
            int n2 = _stable * 2;
            Array.Resize(ref _sCell, n2); Array.Resize(ref _sFaction, n2); Array.Resize(ref _sCount, n2);
            Array.Resize(ref _sPrevStart, n2); Array.Resize(ref _sPrevLen, n2); Array.Resize(ref _sDirty, n2); Array.Resize(ref _sView, n2);
        }
        int p = _stable++;
        _sCell[p] = c; _sFaction[p] = f; _sCount[p] = 0; _sPrevStart[p] = 0; _sPrevLen[p] = 0; _sDirty[p] = false; _sView[p] = -1;
        _keys[h] = key; _vals[h] = p + 1;
        if (++_mapCount * 2 > _keys.Length) GrowMap();
        return p;
    }

    private void GrowMap()
    {
        var keys = _keys; var vals = _vals;
        _keys = new long[keys.Length * 2];
        _vals = new int[keys.Length * 2];
        int mask = _keys.Length - 1;
        for (int j = 0; j < keys.Length; j++)
        {
            if (vals[j] == 0) continue;
            int h = (int)(Mix(keys[j]) & (ulong)mask);
            while (_vals[h] != 0) h = (h + 1) & mask;
            _keys[h] = keys[j]; _vals[h] = vals[j];
        }
    }

    private static ulong Mix(long key) => Random.CounterRng.Mix((ulong)key);

    private static void Ensure(ref int[] a, int n)
    {
        if (a.Length < n) a = new int[Math.Max(n, a.Length * 2)];
    }
}
