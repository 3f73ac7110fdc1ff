using DecapSim.Core.Factions;
using DecapSim.Core.Processes;

namespace DecapSim.Core.Tests.Factions;

/// <summary>The weekly snapshot kept from the changed slots (<see cref="PresenceIndex.Update"/>) against the truth
/// read from the member table, week after week of a running model with every process on.</summary>
public class PresenceIndexUpdateTests
{
    private static Simulation Busy(ulong seed) =>
        new(TestModels.SmallGrid(members: 4000, factions: 14) with { Weeks = 60 }, seed);

    [Fact]
    public void Update_lists_exactly_the_active_members_by_cell_and_faction_every_week()
    {
        var sim = Busy(5);
        var s = sim.State;
        int changesSeen = 0;
        for (int w = 0; w < 60; w++)
        {
            sim.Step();
            changesSeen += s.Members.ChangedCount;
            // what the next week's snapshot will be, compared with a grouping made from scratch
            s.Presence.Update(s.Members, s.World.CellCount, s.Factions.Capacity, s.Week, s.AgeWeightTable);
            Assert.Equal(0, s.Members.ChangedCount);
            var truth = new Dictionary<(int, int), List<int>>();
            for (int i = 0; i < s.Members.Count; i++)
            {
                if (s.Members.Status[i] != (byte)MemberStatus.Active) { Assert.True(s.Members.Entry[i] < 0); continue; }
                Assert.Equal(0, s.Members.Entry[i]);
                var k = (s.Members.Cell[i], s.Members.Faction[i]);
                if (!truth.TryGetValue(k, out var l)) truth[k] = l = new List<int>();
                l.Add(i);
            }
            var p = s.Presence;
            Assert.Equal(truth.Count, p.EntryCountUsed);
            for (int e = 0; e < p.EntryCountUsed; e++)
            {
                var listed = p.MembersOf(e).ToArray();
                Array.Sort(listed);
                Assert.Equal(truth[(p.EntryCell[e], p.EntryFaction[e])], listed);
                Assert.Equal(listed.Length, p.EntryCount[e]);
            }
            for (int f = 0; f < s.Factions.Count; f++) Assert.Equal(TestModels.ActiveMembers(s, f), p.FactionMembers[f]);
            Assert.Equal(truth.Values.Sum(l => l.Count), p.Total);
        }
        Assert.True(changesSeen > 1000, $"the model barely changed ({changesSeen} changed slots): the test would prove nothing");
    }

    [Fact]
    public void Live_counts_and_faction_member_lists_match_a_scan_mid_week()
    {
        var sim = Busy(9);
        var s = sim.State;
        for (int w = 0; w < 40; w++)
        {
            sim.Step();
            var live = TestModels.Process<ConsolidationProcess>(sim).Live;
            for (int f = 0; f < s.Factions.Count; f++)
            {
                // consolidation's count (snapshot + changes, then its own absorptions), lowered by the exits that
                // follow it (LiveMembers aliases it), is the week's end count
                Assert.Equal(TestModels.ActiveMembers(s, f), live[f]);
                var expected = Enumerable.Range(0, s.Members.Count)
                    .Where(i => s.Members.Faction[i] == f && s.Members.Status[i] != (byte)MemberStatus.Free).ToList();
                Assert.Equal(expected, Ops.MembersOf(s, f, imprisoned: true));
                Assert.Equal(expected.Where(i => s.Members.Status[i] == (byte)MemberStatus.Active),
                    Ops.MembersOf(s, f, imprisoned: false));
                foreach (int u in s.UnitsOf(f).ToArray().Append(-1))
                    Assert.Equal(expected.Where(i => s.Members.Unit[i] == u), Ops.MembersOf(s, f, imprisoned: true, unit: u));
            }
        }
    }

    [Fact]
    public void Update_keeps_each_entrys_order_and_appends_its_arrivals_in_slot_order()
    {
        // the order inside an entry decides which members the per-entry draws pick, so it is part of the output
        var sim = Busy(11);
        var s = sim.State;
        int arrivalsSeen = 0;
        for (int w = 0; w < 40; w++)
        {
            sim.Step();
            var p = s.Presence;
            var before = new Dictionary<(int, int), int[]>();
            for (int e = 0; e < p.EntryCountUsed; e++) before[(p.EntryCell[e], p.EntryFaction[e])] = p.MembersOf(e).ToArray();
            s.Presence.Update(s.Members, s.World.CellCount, s.Factions.Capacity, s.Week, s.AgeWeightTable);
            var m = s.Members;
            for (int e = 0; e < p.EntryCountUsed; e++)
            {
                int c = p.EntryCell[e], f = p.EntryFaction[e];
                bool Here(int i) => m.Status[i] == (byte)MemberStatus.Active && m.Cell[i] == c && m.Faction[i] == f;
                var old = before.TryGetValue((c, f), out var o) ? o : Array.Empty<int>();
                var stayed = old.Where(Here).ToList();
                var arrived = p.MembersOf(e).ToArray().Except(old).ToList();
                Assert.Equal(arrived.OrderBy(i => i), arrived);
                Assert.Equal(stayed.Concat(arrived), p.MembersOf(e).ToArray());
                arrivalsSeen += arrived.Count;
            }
        }
        Assert.True(arrivalsSeen > 1000, $"only {arrivalsSeen} arrivals: the test would prove nothing");
    }
}
