using DecapSim.Core.Parameters;

namespace DecapSim.Core.Tests.Processes;

public class ArmsProcessTests
{
    [Fact]
    public void Step_FullInterdiction_NothingAcquiredAllInterdicted()
    {
        var p = TestModels.SmallGrid() with { Arms = new ArmsParameters { Interdiction = 1, FlowPerYear = 52_000 } };
        var ms = TestModels.Run(new Simulation(p, 1), 20);
        Assert.All(ms, m =>
        {
            Assert.Equal(0, m.ArmsAcquired);
            Assert.Equal(1000, m.ArmsInterdicted, 9);
        });
    }

    [Fact]
    public void Step_NoInterdiction_FactionsAcquireArms()
    {
        var p = TestModels.SmallGrid() with { Arms = new ArmsParameters { Interdiction = 0, FlowPerYear = 52_000 } };
        var ms = TestModels.Run(new Simulation(p, 1), 10);
        Assert.All(ms, m => Assert.Equal(0, m.ArmsInterdicted));
        Assert.True(ms.Sum(m => m.ArmsAcquired) > 0);
        Assert.All(ms, m => Assert.True(m.ArmsAcquired <= 1000 + 1e-9));
    }

    [Fact]
    public void Step_NoSupplyAndDepreciation_ArsenalAndLethalityFall()
    {
        var p = TestModels.SmallGrid().NoConflict().NoEnforcement().NoRecruitment().NoExits().NoTargeting() with
        {
            Arms = new ArmsParameters { FlowPerYear = 0, Depreciation = 0.1 },
        };
        var sim = new Simulation(p, 2);
        var s = sim.State;
        sim.Step();
        int f = TestModels.Largest(s);
        double a0 = s.Factions.Arsenal[f], l0 = s.Lethality[f];
        Assert.True(l0 > 1);
        double prev = l0;
        for (int w = 0; w < 10; w++)
        {
            sim.Step();
            Assert.True(s.Lethality[f] < prev, $"week {w}: lethality {s.Lethality[f]} did not fall from {prev}");
            prev = s.Lethality[f];
        }
        Assert.Equal(a0 * Math.Pow(0.9, 10), s.Factions.Arsenal[f], 6);
        Assert.True(s.Lethality[f] >= 1);
    }
}
