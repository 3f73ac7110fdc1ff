using DecapSim.Core.Factions;

namespace DecapSim.Core.Tests.Factions;

public class PresenceIndexTests
{
    private const int Cells = 4;
    private const int FactionCap = 3;

    /// <summary>
    /// 0: f0 c0 soldier age 20     1: f0 c0 soldier age 40     2: f1 c0 soldier age 25
    /// 3: f0 c2 soldier age 30     4: f1 c2 lieutenant age 33  5: f1 c2 imprisoned soldier
    /// 6: f2 c3 removed            7: f0 c3 leader age 50      8: f2 c1 soldier age 50
    /// </summary>
    private static MemberTable Table()
    {
        var m = new MemberTable(16);
        m.Add(0, -1, 0, 20, 0.5f);
        m.Add(0, -1, 0, 40, 0.5f);
        m.Add(1, -1, 0, 25, 0.5f);
        m.Add(0, -1, 2, 30, 0.5f);
        int lt = m.Add(1, -1, 2, 33, 0.5f); m.Rank[lt] = (byte)Rank.Lieutenant;
        int pr = m.Add(1, -1, 2, 28, 0.5f); m.Status[pr] = (byte)MemberStatus.Imprisoned; m.Entry[pr] = 3;
        int gone = m.Add(2, -1, 3, 35, 0.5f);
        int ld = m.Add(0, -1, 3, 50, 0.5f); m.Rank[ld] = (byte)Rank.Leader;
        m.Add(2, -1, 1, 50, 0.5f);
        m.Remove(gone); // removed after the others were added, so its slot stays free
        m.Entry[gone] = 4; // stale entry from an earlier week
        return m;
    }

    /// <summary>Entries as a set of (cell, faction, count), read through CellEntryStart.</summary>
    private static HashSet<(int Cell, int Faction, int Count)> EntriesByCell(PresenceIndex p, int cells)
    {
        var set = new HashSet<(int, int, int)>();
        for (int c = 0; c < cells; c++)
            for (int e = p.CellEntryStart[c]; e < p.CellEntryStart[c + 1]; e++)
            {
                Assert.Equal(c, p.EntryCell[e]);
                Assert.True(set.Add((c, p.EntryFaction[e], p.EntryCount[e])), "duplicate (cell, faction) entry");
            }
        return set;
    }

    /// <summary>Checks every structure of the index against a naive scan of the table.</summary>
    private static void AssertConsistent(PresenceIndex p, MemberTable m, int cells, int factionCap)
    {
        var expected = new Dictionary<(int, int), int>();
        var perFaction = new int[factionCap];
        int total = 0;
        for (int i = 0; i < m.Count; i++)
        {
            if (m.Status[i] != (byte)MemberStatus.Active) { Assert.Equal(-1, m.Entry[i]); continue; }
            expected[(m.Cell[i], m.Faction[i])] = expected.GetValueOrDefault((m.Cell[i], m.Faction[i])) + 1;
            perFaction[m.Faction[i]]++;
            total++;
        }
        Assert.Equal(total, p.Total);
        for (int f = 0; f < factionCap; f++) Assert.Equal(perFaction[f], p.FactionMembers[f]);
        var got = EntriesByCell(p, cells);
        Assert.Equal(expected.Count, p.EntryCountUsed);
        Assert.Equal(expected.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)).ToHashSet(), got);
        // members by cell
        for (int c = 0; c < cells; c++)
        {
            var inCell = Enumerable.Range(p.CellMemberStart[c], p.CellMemberStart[c + 1] - p.CellMemberStart[c]).Select(k => p.MembersByCell[k]).ToList();
            var want = Enumerable.Range(0, m.Count).Where(i => m.Status[i] == (byte)MemberStatus.Active && m.Cell[i] == c).ToList();
            Assert.Equal(want.OrderBy(x => x), inCell.OrderBy(x => x));
        }
        // members by entry: contiguous ranges that hold exactly the entry's members
        Assert.Equal(0, p.EntryMemberStart[0]);
        Assert.Equal(total, p.EntryMemberStart[p.EntryCountUsed]);
        for (int e = 0; e < p.EntryCountUsed; e++)
        {
            int a = p.EntryMemberStart[e], b = p.EntryMemberStart[e + 1];
            Assert.Equal(p.EntryCount[e], b - a);
            for (int k = a; k < b; k++)
            {
                int i = p.MembersByEntry[k];
                Assert.Equal(e, p.EntryOf(m, i));
                Assert.True(p.IsListed(m, i, e));
                Assert.Equal(p.EntryCell[e], m.Cell[i]);
                Assert.Equal(p.EntryFaction[e], m.Faction[i]);
            }
        }
        Assert.Equal(total, p.MembersByEntry.Take(total).Distinct().Count());
        // entries of each faction
        for (int f = 0; f < factionCap; f++)
        {
            var of = p.EntriesOf(f).ToArray();
            Assert.All(of, e => Assert.Equal(f, p.EntryFaction[e]));
            Assert.Equal(expected.Keys.Count(k => k.Item2 == f), of.Length);
            Assert.Equal(perFaction[f], of.Sum(e => p.EntryCount[e]));
        }
    }

    [Fact]
    public void Build_HandMadeTable_GivesPerCellEntries()
    {
        var m = Table();
        var p = new PresenceIndex();
        p.Build(m, Cells, FactionCap);

        Assert.Equal(6, p.EntryCountUsed);
        var expected = new HashSet<(int, int, int)> { (0, 0, 2), (0, 1, 1), (1, 2, 1), (2, 0, 1), (2, 1, 1), (3, 0, 1) };
        Assert.Equal(expected, EntriesByCell(p, Cells));
        Assert.Equal(new[] { 0, 2, 3, 5, 6 }, p.CellEntryStart.Take(Cells + 1));
    }

    [Fact]
    public void Build_HandMadeTable_CountsFactionMembersAndTotal()
    {
        var m = Table();
        var p = new PresenceIndex();
        p.Build(m, Cells, FactionCap);

        Assert.Equal(7, p.Total);
        Assert.Equal(new[] { 4, 2, 1 }, p.FactionMembers.Take(FactionCap));
        Assert.Equal(new[] { 0, 3, 4, 6, 7 }, p.CellMemberStart.Take(Cells + 1));
    }

    [Fact]
    public void Build_HandMadeTable_InactiveMembersExcludedWithEntryMinusOne()
    {
        var m = Table();
        var p = new PresenceIndex();
        p.Build(m, Cells, FactionCap);

        Assert.Equal(-1, m.Entry[5]); // imprisoned
        Assert.Equal(-1, m.Entry[6]); // removed
        Assert.DoesNotContain(5, p.MembersByCell.Take(p.Total));
        Assert.DoesNotContain(6, p.MembersByCell.Take(p.Total));
        Assert.DoesNotContain(5, p.MembersByEntry.Take(p.Total));
        Assert.DoesNotContain(6, p.MembersByEntry.Take(p.Total));
        // members 0 and 1 share an entry; 2 (other faction, same cell) does not
        Assert.Equal(p.EntryOf(m, 0), p.EntryOf(m, 1));
        Assert.NotEqual(p.EntryOf(m, 0), p.EntryOf(m, 2));
        Assert.Equal(2, p.EntryCount[p.EntryOf(m, 0)]);
    }

    [Fact]
    public void Build_HandMadeTable_MembersByEntryGroupedWithRanges()
    {
        var m = Table();
        var p = new PresenceIndex();
        p.Build(m, Cells, FactionCap);
        AssertConsistent(p, m, Cells, FactionCap);
        int e = p.EntryOf(m, 0);
        var members = p.MembersByEntry[p.EntryMemberStart[e]..p.EntryMemberStart[e + 1]];
        Assert.Equal(new[] { 0, 1 }, members.OrderBy(x => x));
    }

    [Fact]
    public void EntriesOf_HandMadeTable_ListsTheFactionsCells()
    {
        var m = Table();
        var p = new PresenceIndex();
        p.Build(m, Cells, FactionCap);

        Assert.Equal(new[] { 0, 2, 3 }, p.EntriesOf(0).ToArray().Select(e => p.EntryCell[e]).OrderBy(c => c));
        Assert.Equal(new[] { 0, 2 }, p.EntriesOf(1).ToArray().Select(e => p.EntryCell[e]).OrderBy(c => c));
        Assert.Equal(new[] { 1 }, p.EntriesOf(2).ToArray().Select(e => p.EntryCell[e]));
    }

    [Fact]
    public void Build_WithAgeWeights_SumsAndMaximaOfSoldiersOnly()
    {
        var m = Table();
        var p = new PresenceIndex();
        var table = Enumerable.Range(0, 401).Select(k => (double)k).ToArray(); // weight = age in quarter years
        p.Build(m, Cells, FactionCap, week: 52, ageWeight: table);

        // a year later: f0 soldiers 21, 41, 31 (the leader is excluded); f1 soldier 26 (lieutenant, prisoner excluded); f2 51
        Assert.Equal((21 + 41 + 31) * 4, p.FactionExitWeight[0], 6);
        Assert.Equal(41 * 4, p.FactionMaxExitWeight[0], 6);
        Assert.Equal(26 * 4, p.FactionExitWeight[1], 6);
        Assert.Equal(26 * 4, p.FactionMaxExitWeight[1], 6);
        Assert.Equal(51 * 4, p.FactionExitWeight[2], 6);
        Assert.Equal(51 * 4, p.FactionMaxExitWeight[2], 6);
    }

    [Fact]
    public void Build_WithoutAgeWeights_ExitWeightsAreZero()
    {
        var m = Table();
        var p = new PresenceIndex();
        p.Build(m, Cells, FactionCap, week: 0, ageWeight: Enumerable.Repeat(1.0, 401).ToArray());
        Assert.Equal(3, p.FactionExitWeight[0]);
        p.Build(m, Cells, FactionCap);
        Assert.All(p.FactionExitWeight.Take(FactionCap), w => Assert.Equal(0, w));
        Assert.All(p.FactionMaxExitWeight.Take(FactionCap), w => Assert.Equal(0, w));
    }

    [Fact]
    public void Build_AfterChanges_RebuildReflectsNewStateOnly()
    {
        var m = Table();
        var p = new PresenceIndex();
        p.Build(m, Cells, FactionCap);
        // member 0 moves to cell 3, member 1 goes to prison, member 2 dies, a recruit joins f2 in cell 0 (reuses slot 2 or 6)
        m.Cell[0] = 3;
        m.Status[1] = (byte)MemberStatus.Imprisoned;
        m.Remove(2);
        int r = m.Add(2, -1, 0, 18, 0.9f);
        Assert.True(r == 2 || r == 6, "a free slot is reused");
        p.Build(m, Cells, FactionCap);

        AssertConsistent(p, m, Cells, FactionCap);
        var expected = new HashSet<(int, int, int)> { (0, 2, 1), (1, 2, 1), (2, 0, 1), (2, 1, 1), (3, 0, 2) };
        Assert.Equal(expected, EntriesByCell(p, Cells));
        Assert.Equal(6, p.Total);
        Assert.Equal(new[] { 3, 1, 2 }, p.FactionMembers.Take(FactionCap));
    }

    [Theory]
    [InlineData(1, 50, 5)]
    [InlineData(2, 3000, 40)]
    [InlineData(3, 20000, 300)]
    public void Build_RandomTable_MatchesNaiveScan(int seed, int n, int factions)
    {
        var rng = new System.Random(seed);
        int cells = 25;
        var m = new MemberTable(16);
        for (int i = 0; i < n; i++)
        {
            int k = m.Add(rng.Next(factions), -1, rng.Next(cells), 15 + 40 * (float)rng.NextDouble(), 0.5f);
            double u = rng.NextDouble();
            if (u < 0.1) m.Status[k] = (byte)MemberStatus.Imprisoned;
            else if (u < 0.2) m.Remove(k);
        }
        var p = new PresenceIndex();
        p.Build(m, cells, factions);
        AssertConsistent(p, m, cells, factions);
        // rebuild with more cells and factions on the same (reused) buffers
        for (int i = 0; i < m.Count; i++) if (m.IsActive(i) && rng.NextDouble() < 0.5) m.Cell[i] = rng.Next(cells * 2);
        p.Build(m, cells * 2, factions + 3);
        AssertConsistent(p, m, cells * 2, factions + 3);
    }

    [Theory]
    [InlineData(11, 2000, 12)]
    [InlineData(12, 8000, 60)]
    public void Build_WeeksOfChurn_IncrementalIndexMatchesNaiveScanEveryWeek(int seed, int n, int factions)
    {
        // moves, faction changes, deaths with slot reuse, arrests and releases between snapshots, as in a run
        var rng = new System.Random(seed);
        int cells = 40;
        var m = new MemberTable(16);
        for (int i = 0; i < n; i++) m.Add(rng.Next(factions), -1, rng.Next(cells), 20, 0.5f);
        var p = new PresenceIndex();
        p.Build(m, cells, factions);
        AssertConsistent(p, m, cells, factions);
        for (int week = 1; week <= 30; week++)
        {
            for (int j = 0; j < n / 20; j++)
            {
                int i = rng.Next(m.Count);
                double u = rng.NextDouble();
                if (m.Status[i] == (byte)MemberStatus.Imprisoned) { if (u < 0.5) m.Status[i] = (byte)MemberStatus.Active; continue; }
                if (!m.IsActive(i)) continue;
                if (u < 0.4) m.Cell[i] = rng.Next(cells);
                else if (u < 0.5) m.Faction[i] = rng.Next(factions);
                else if (u < 0.7) { m.Remove(i); if (rng.NextDouble() < 0.7) m.Add(rng.Next(factions), -1, rng.Next(cells), 18, 0.5f); }
                else if (u < 0.8) m.Status[i] = (byte)MemberStatus.Imprisoned;
                else m.Add(rng.Next(factions), -1, rng.Next(cells), 18, 0.5f);
            }
            p.Build(m, cells, factions);
            AssertConsistent(p, m, cells, factions);
            Assert.True(p.LastChanges > 0);
        }
    }

    [Fact]
    public void Build_NothingChanged_SecondBuildMovesNoSlotAndKeepsTheView()
    {
        var rng = new System.Random(5);
        var m = new MemberTable(16);
        for (int i = 0; i < 500; i++) m.Add(rng.Next(7), -1, rng.Next(30), 20, 0.5f);
        var p = new PresenceIndex();
        p.Build(m, 30, 7);
        var members = p.MembersByEntry.Take(p.Total).ToArray();
        var cells = p.EntryCell.Take(p.EntryCountUsed).ToArray();
        p.Build(m, 30, 7);
        Assert.Equal(0, p.LastChanges);
        Assert.Equal(members, p.MembersByEntry.Take(p.Total));
        Assert.Equal(cells, p.EntryCell.Take(p.EntryCountUsed));
    }
}
