using DecapSim.Core.Factions;

namespace DecapSim.Core.Tests;

/// <summary>The prison list's bookkeeping (<see cref="ModelState.Prison"/>, <see cref="ModelState.PrisonFaction"/>).</summary>
public class ModelStateTests
{
    [Fact]
    public void The_newest_prison_entry_of_every_prisoner_carries_his_faction_through_splits_and_absorptions()
    {
        // small groups in a busy grid: arrests, splinters, defections and absorptions move prisoners between factions
        var p = TestModels.SmallGrid(members: 4000, factions: 14) with { Weeks = 120 };
        p = p with
        {
            Succession = p.Succession with { DefectionBase = 1 },
            Consolidation = p.Consolidation with { MinFactionSize = 200, AbsorbProbability = 0.3, DissolveProbability = 0 },
        };
        var sim = new Simulation(p, 7);
        var s = sim.State;
        var m = s.Members;
        int prisonersMoved = 0;
        var factionBefore = new Dictionary<int, int>();
        for (int w = 0; w < 120; w++)
        {
            factionBefore.Clear();
            for (int i = 0; i < m.Count; i++) if (m.Status[i] == (byte)MemberStatus.Imprisoned) factionBefore[i] = m.Faction[i];
            sim.Step();
            var newest = new Dictionary<int, int>();
            for (int j = 0; j < s.PrisonCount; j++) newest[s.Prison[j]] = j;
            for (int i = 0; i < m.Count; i++)
            {
                if (m.Status[i] != (byte)MemberStatus.Imprisoned) continue;
                Assert.True(newest.TryGetValue(i, out int j), $"week {w}: prisoner {i} is not on the prison list");
                Assert.Equal(m.Faction[i], s.PrisonFaction[j]);
                if (factionBefore.TryGetValue(i, out int f0) && f0 != m.Faction[i]) prisonersMoved++;
            }
        }
        Assert.True(prisonersMoved > 0, "no prisoner changed faction: the test would prove nothing");
    }

    [Fact]
    public void PrisonersChangedFaction_reads_the_moved_prisoners_faction_again()
    {
        var sim = new Simulation(TestModels.SmallGrid(members: 600, factions: 4) with { Weeks = 4 }, 3);
        var s = sim.State;
        var m = s.Members;
        int a = -1, b = -1;
        for (int i = 0; i < m.Count && b < 0; i++)
        {
            if (m.Status[i] != (byte)MemberStatus.Active || m.Rank[i] != (byte)Rank.Soldier) continue;
            if (a < 0) a = i;
            else if (m.Faction[i] == m.Faction[a]) b = i;
        }
        int f = m.Faction[a], g = (f + 1) % s.Factions.Count;
        foreach (int i in new[] { a, b })
        {
            m.Jail(i, s.Week + 10);
            s.AddPrisoner(i);
        }
        Assert.Equal(f, s.PrisonFaction[s.PrisonCount - 1]);
        m.Faction[b] = g;
        s.PrisonersChangedFaction(f);
        Assert.Equal(f, s.PrisonFaction[s.PrisonCount - 2]);
        Assert.Equal(g, s.PrisonFaction[s.PrisonCount - 1]);
    }
}
