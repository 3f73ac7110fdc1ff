using DecapSim.Core.Parameters;

namespace DecapSim.Core.Tests.Processes;

public class RecruitmentProcessTests
{
    private static ModelParameters Base(double rho, double prevention = 0) =>
        TestModels.WellMixed().NoConflict().NoEnforcement().NoExits() with
        {
            Recruitment = new RecruitmentParameters { Rho = rho, PreventionEffect = prevention },
        };

    [Fact]
    public void Step_FullPrevention_NoRecruits()
    {
        var sim = new Simulation(Base(0.01, prevention: 1), 1);
        var ms = TestModels.Run(sim, 30);
        Assert.All(ms, m => Assert.Equal(0, m.Recruits));
        Assert.Equal(0, sim.State.Ledger.Recruited);
    }

    [Fact]
    public void Step_HalvedRho_RoughlyHalfTheRecruits()
    {
        double full = TestModels.Run(new Simulation(Base(0.01), 1), 13).Sum(m => m.Recruits);
        double half = TestModels.Run(new Simulation(Base(0.005), 1), 13).Sum(m => m.Recruits);
        Assert.True(full > 200);
        Assert.InRange(half / full, 0.42, 0.58);
    }

    [Fact]
    public void Step_Recruitment_ExpectedRhoTimesMembers()
    {
        var sim = new Simulation(Base(0.01), 2);
        double expected = 0, got = 0;
        for (int w = 0; w < 10; w++)
        {
            var (active, _) = sim.State.CountMembers();
            expected += 0.01 * active;
            got += sim.Step().Recruits;
        }
        Assert.InRange(got, expected - 4 * Math.Sqrt(expected), expected + 4 * Math.Sqrt(expected));
    }

    [Fact]
    public void Step_HalvedPrevention_RoughlyHalfTheRecruits()
    {
        double full = TestModels.Run(new Simulation(Base(0.01), 1), 13).Sum(m => m.Recruits);
        double prevented = TestModels.Run(new Simulation(Base(0.01, prevention: 0.5), 1), 13).Sum(m => m.Recruits);
        Assert.InRange(prevented / full, 0.42, 0.58);
    }
}
