using DecapSim.Core.Factions;
using DecapSim.Core.Processes;
using DecapSim.Core.Random;

namespace DecapSim.Core.Tests.Processes;

public class HierarchyStaffingTests
{
    /// <summary>A grid run stepped a few weeks, and its largest faction with at least two units.</summary>
    private static (ModelState State, int Faction) Running()
    {
        var sim = new Simulation(TestModels.SmallGrid(members: 4000, factions: 6) with { Weeks = 20 }, 3);
        for (int w = 0; w < 8; w++) sim.Step();
        var s = sim.State;
        s.RebuildUnitLists();
        int best = -1;
        for (int f = 0; f < s.Factions.Count; f++)
            if (s.Factions.Active[f] && s.UnitsOf(f).Length >= 2 && (best < 0 || s.Presence.FactionMembers[f] > s.Presence.FactionMembers[best])) best = f;
        Assert.True(best >= 0, "no faction with two units: the test would prove nothing");
        return (s, best);
    }

    private static int SoldiersOf(ModelState s, int f, int u)
    {
        var m = s.Members;
        int n = 0;
        for (int i = 0; i < m.Count; i++)
            if (m.Status[i] == (byte)MemberStatus.Active && m.Faction[i] == f && m.Rank[i] == (byte)Rank.Soldier && m.Unit[i] == u) n++;
        return n;
    }

    [Fact]
    public void A_leaderless_faction_and_a_headless_unit_are_staffed_from_their_own_soldiers()
    {
        var (s, f) = Running();
        var m = s.Members;
        var U = s.Units;
        int u = -1;
        foreach (int x in s.UnitsOf(f)) if (SoldiersOf(s, f, x) >= 2) { u = x; break; }
        Assert.True(u >= 0, "no unit with soldiers");
        int oldLieutenant = U.Lieutenant[u], oldLeader = s.Factions.Leader[f];
        // the lieutenant and the leader leave (as if arrested): the unit is headless, the faction leaderless
        U.Lieutenant[u] = -1;
        if (oldLieutenant >= 0) m.Status[oldLieutenant] = (byte)MemberStatus.Imprisoned;
        m.Status[oldLeader] = (byte)MemberStatus.Imprisoned;

        new HierarchyStaffing(new StreamRng(11)).Staff(s);

        int leader = s.Factions.Leader[f];
        Assert.NotEqual(oldLeader, leader);
        Assert.True(m.IsActive(leader) && m.Faction[leader] == f && m.Rank[leader] == (byte)Rank.Leader && m.Unit[leader] == -1);
        int lt = U.Lieutenant[u];
        Assert.True(lt >= 0 && lt != oldLieutenant, "the headless unit got no lieutenant");
        Assert.True(m.IsActive(lt) && m.Faction[lt] == f && m.Rank[lt] == (byte)Rank.Lieutenant && m.Unit[lt] == u,
            "the new lieutenant is not one of the unit's own soldiers");
        Assert.True(U.Active[u]);
    }

    [Fact]
    public void A_headless_unit_with_no_soldier_left_is_retired_and_the_others_kept()
    {
        var (s, f) = Running();
        var U = s.Units;
        int empty = U.Add(f, -1); // headless, and nobody points to it
        s.RebuildUnitLists();
        var before = s.UnitsOf(f).ToArray();

        new HierarchyStaffing(new StreamRng(5)).Staff(s);

        Assert.False(U.Active[empty]);
        foreach (int u in before)
            if (u != empty) Assert.True(U.Active[u], $"unit {u} (lieutenant {U.Lieutenant[u]}) was retired");
    }

    [Fact]
    public void The_cache_hint_ignores_indices_outside_the_array_and_changes_nothing()
    {
        var a = new[] { 3, 1, 4, 1, 5 };
        foreach (int i in new[] { -1, 0, 4, 5, int.MaxValue, int.MinValue }) CachePrefetch.Element(a, i);
        CachePrefetch.Element(Array.Empty<byte>(), 0);
        Assert.Equal(new[] { 3, 1, 4, 1, 5 }, a);
    }
}
