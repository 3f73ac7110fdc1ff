using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;

namespace DecapSim.Core.Tests.Factions;

public class TerritoryAllocationTests
{
    private static ModelState Built(ulong seed = 1)
    {
        var p = TestModels.SmallGrid(4000, 12) with { Territory = new TerritoryParameters { SpinUpWeeks = 0 } };
        return new Simulation(p, seed).State;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Build_Members_LiveInTheirFactionsPlazas(ulong seed)
    {
        var s = Built(seed);
        var m = s.Members;
        int active = 0, home = 0;
        for (int i = 0; i < m.Count; i++)
        {
            if (!m.IsActive(i)) continue;
            active++;
            if (s.Cells.Controller[m.Cell[i]] == m.Faction[i]) home++;
        }
        Assert.True(home > 0.85 * active, $"{home} of {active} members live in plazas their faction holds");
    }

    [Fact]
    public void Build_Soldiers_LiveInTheirUnitsPlazas()
    {
        var s = Built();
        var m = s.Members;
        int soldiers = 0, inOwn = 0;
        for (int i = 0; i < m.Count; i++)
        {
            if (!m.IsActive(i) || m.Rank[i] != (byte)Rank.Soldier || m.Unit[i] < 0) continue;
            if (s.Cells.Controller[m.Cell[i]] != m.Faction[i]) continue;
            soldiers++;
            if (s.Cells.HolderUnit[m.Cell[i]] == m.Unit[i]) inOwn++;
        }
        Assert.True(inOwn > 0.7 * soldiers, $"{inOwn} of {soldiers} soldiers live in their own unit's plazas");
        // units hold distinct plazas: each held cell has exactly one holder unit of its controller
        for (int c = 0; c < s.Cells.Count; c++)
        {
            int u = s.Cells.HolderUnit[c];
            if (u >= 0) Assert.Equal(s.Cells.Controller[c], s.Units.Faction[u]);
        }
    }

    [Fact]
    public void Build_RivalGroups_MeetAtFrontiersNotInsideEveryCell()
    {
        var s = Built();
        var pres = s.Presence;
        int occupied = 0, shared = 0;
        for (int c = 0; c < s.Cells.Count; c++)
        {
            int n = pres.CellEntryStart[c + 1] - pres.CellEntryStart[c];
            if (n == 0) continue;
            occupied++;
            if (n > 1) shared++;
        }
        Assert.True(shared < 0.35 * occupied, $"{shared} of {occupied} occupied cells hold more than one group");
    }
}
