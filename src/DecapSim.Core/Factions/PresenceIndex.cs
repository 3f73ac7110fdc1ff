namespace DecapSim.Core.Factions;

/// <summary>
/// The week's snapshot of who is where: active members sorted by cell, and "entries" (cell, faction, count)
/// grouped by cell and by faction. Rebuilt at the start of every week in O(members + cells), with no
/// allocation once the buffers are large enough.
/// </summary>
public sealed class PresenceIndex
{
    /// <summary>Members of cell c are MembersByCell[CellMemberStart[c]..CellMemberStart[c+1]].</summary>
    public int[] CellMemberStart = Array.Empty<int>();
    public int[] MembersByCell = Array.Empty<int>();
    /// <summary>Members of entry e are MembersByEntry[EntryMemberStart[e]..EntryMemberStart[e+1]].</summary>
    public int[] EntryMemberStart = Array.Empty<int>();
    public int[] MembersByEntry = Array.Empty<int>();
    /// <summary>Entries of cell c are [CellEntryStart[c], CellEntryStart[c+1]).</summary>
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

    private int[] _slot = Array.Empty<int>();
    private int[] _touched = Array.Empty<int>();

    /// <summary>Per faction: sum and maximum of the soldiers' exit age weights (when a weight table is given).</summary>
    public double[] FactionExitWeight = Array.Empty<double>();
    public double[] FactionMaxExitWeight = Array.Empty<double>();

    /// <summary>Rebuilds the snapshot from the member table. With <paramref name="ageWeight"/> (indexed by age in
    /// quarter years, 0..400) it also sums each faction's soldiers' exit weights at <paramref name="week"/>.</summary>
    public void Build(MemberTable m, int cells, int factionCapacity, int week = 0, double[]? ageWeight = null)
    {
        int n = m.Count;
        Ensure(ref CellMemberStart, cells + 1);
        Ensure(ref CellEntryStart, cells + 1);
        Ensure(ref MembersByCell, n);
        Ensure(ref FactionMembers, factionCapacity);
        Ensure(ref FactionEntryStart, factionCapacity + 1);
        if (_slot.Length < factionCapacity) { _slot = new int[factionCapacity]; Array.Fill(_slot, -1); _touched = new int[factionCapacity]; }

        var start = CellMemberStart.AsSpan(0, cells + 1);
        start.Clear();
        var status = m.Status; var cell = m.Cell; var faction = m.Faction;
        var fm = FactionMembers.AsSpan(0, factionCapacity);
        fm.Clear();
        int total = 0;
        if (FactionExitWeight.Length < factionCapacity) { FactionExitWeight = new double[factionCapacity]; FactionMaxExitWeight = new double[factionCapacity]; }
        Array.Clear(FactionExitWeight, 0, factionCapacity);
        Array.Clear(FactionMaxExitWeight, 0, factionCapacity);
        float weekYears = week / 52f;
        var age0 = m.AgeAtWeek0; var rank = m.Rank;
        for (int i = 0; i < n; i++)
        {
            if (status[i] != (byte)MemberStatus.Active) { m.Entry[i] = -1; continue; }
            int f = faction[i];
            start[cell[i] + 1]++;
            fm[f]++;
            total++;
            if (ageWeight != null && rank[i] == 0)
            {
                double w = ageWeight[Math.Clamp((int)((age0[i] + weekYears) * 4), 0, 400)];
                FactionExitWeight[f] += w;
                if (w > FactionMaxExitWeight[f]) FactionMaxExitWeight[f] = w;
            }
        }
        Total = total;
        for (int c = 0; c < cells; c++) start[c + 1] += start[c];
        // place members (use CellEntryStart as a moving cursor temporarily)
        var cursor = CellEntryStart.AsSpan(0, cells + 1);
        start.CopyTo(cursor);
        for (int i = 0; i < n; i++)
        {
            if (status[i] != (byte)MemberStatus.Active) continue;
            MembersByCell[cursor[cell[i]]++] = i;
        }
        // entries per cell
        Ensure(ref EntryCell, Math.Max(16, Math.Min(total, cells * 8) + 16));
        EnsureEntryArrays();
        int e = 0;
        for (int c = 0; c < cells; c++)
        {
            CellEntryStart[c] = e;
            int touched = 0;
            for (int k = start[c]; k < start[c + 1]; k++)
            {
                int i = MembersByCell[k];
                int f = faction[i];
                int s = _slot[f];
                if (s < 0)
                {
                    if (e >= EntryCell.Length) GrowEntries();
                    s = e++;
                    _slot[f] = s;
                    _touched[touched++] = f;
                    EntryCell[s] = c; EntryFaction[s] = f; EntryCount[s] = 0;
                }
                EntryCount[s]++;
                m.Entry[i] = s;
            }
            for (int t = 0; t < touched; t++) _slot[_touched[t]] = -1;
        }
        CellEntryStart[cells] = e;
        EntryCountUsed = e;
        // members grouped by entry (entries are grouped by cell, so this is also grouped by cell)
        Ensure(ref EntryMemberStart, e + 1);
        Ensure(ref MembersByEntry, total);
        var ems = EntryMemberStart.AsSpan(0, e + 1);
        ems[0] = 0;
        for (int s0 = 0; s0 < e; s0++) ems[s0 + 1] = ems[s0] + EntryCount[s0];
        for (int c = 0; c < cells; c++)
            for (int k = start[c]; k < start[c + 1]; k++)
            {
                int i = MembersByCell[k];
                MembersByEntry[ems[m.Entry[i]]++] = i;
            }
        for (int s0 = e; s0 > 0; s0--) ems[s0] = ems[s0 - 1];
        ems[0] = 0;
        // entries by faction (counting sort)
        Ensure(ref EntriesByFaction, e);
        var fs = FactionEntryStart.AsSpan(0, factionCapacity + 1);
        fs.Clear();
        for (int s = 0; s < e; s++) fs[EntryFaction[s] + 1]++;
        for (int f = 0; f < factionCapacity; f++) fs[f + 1] += fs[f];
        var cur = _touched.AsSpan(0, factionCapacity);
        fs[..factionCapacity].CopyTo(cur);
        for (int s = 0; s < e; s++) EntriesByFaction[cur[EntryFaction[s]]++] = s;
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

    private void GrowEntries()
    {
        int n = EntryCell.Length * 2;
        Array.Resize(ref EntryCell, n); Array.Resize(ref EntryFaction, n); Array.Resize(ref EntryCount, n);
    }


    private void EnsureEntryArrays()
    {
        if (EntryFaction.Length < EntryCell.Length) { Array.Resize(ref EntryFaction, EntryCell.Length); Array.Resize(ref EntryCount, EntryCell.Length); }
    }

    private static void Ensure(ref int[] a, int n)
    {
        if (a.Length < n) a = new int[Math.Max(n, a.Length * 2)];
    }
}
