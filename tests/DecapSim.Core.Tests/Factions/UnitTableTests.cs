using DecapSim.Core.Factions;

namespace DecapSim.Core.Tests.Factions;

public class UnitTableTests
{
    [Fact]
    public void Live_lists_the_active_units_in_id_order_as_a_pass_would()
    {
        var units = new UnitTable(4);
        for (int u = 0; u < 40; u++) units.Add(u % 5, u);
        foreach (int u in new[] { 0, 3, 17, 39 }) units.Active[u] = false;
        Assert.Equal(Enumerable.Range(0, 40).Where(u => units.Active[u]), units.Live().ToArray());
        units.Add(2, -1);
        units.Active[5] = false;
        Assert.Equal(Enumerable.Range(0, 41).Where(u => units.Active[u]), units.Live().ToArray());
    }

    [Fact]
    public void Live_matches_a_pass_over_every_unit_every_week_of_a_busy_run()
    {
        var sim = new Simulation(TestModels.SmallGrid(members: 4000, factions: 14) with { Weeks = 80 }, 2);
        var U = sim.State.Units;
        int retired = 0, created = U.Count;
        for (int w = 0; w < 80; w++)
        {
            sim.Step();
            var pass = Enumerable.Range(0, U.Count).Where(u => U.Active[u]).ToArray();
            Assert.Equal(pass, U.Live().ToArray());
            retired = U.Count - pass.Length;
        }
        Assert.True(retired > 0 && U.Count > created, $"{U.Count - created} units created, {retired} retired: the test would prove little");
    }
}
