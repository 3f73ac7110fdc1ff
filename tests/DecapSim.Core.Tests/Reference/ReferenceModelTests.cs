using DecapSim.Core.Reference;

namespace DecapSim.Core.Tests.Reference;

public class ReferenceModelTests
{
    private static ReferenceModel One(double c0, double rho, double eta, double omega, int steps = 8) =>
        new(new[] { c0 }, new double[1, 1], rho, eta, theta: 0, omega) { StepsPerWeek = steps };

    [Fact]
    public void Solve_OneCartelNoConflictNoArrests_MatchesExactLogistic()
    {
        // dC/dt = C (rho - omega C): C(t) = K / (1 + (K/C0 - 1) e^{-rho t}), K = rho / omega
        double rho = 2.527e-3, omega = 4e-8, c0 = 115_000, cap = rho / omega;
        var traj = One(c0, rho, 0, omega).Solve(520);
        for (int w = 0; w < 520; w++)
        {
            double t = w + 1;
            double exact = cap / (1 + (cap / c0 - 1) * Math.Exp(-rho * t));
            Assert.Equal(exact, traj.Metrics[w].Members, exact * 1e-10);
        }
        // the flows integrate to the change in size
        double net = traj.Metrics.Sum(m => m.Recruits) - traj.Exits.Sum();
        Assert.Equal(traj.Metrics[^1].Members - c0, net, 1e-6 * c0);
    }

    [Fact]
    public void Solve_OneCartelLogisticFastGrowth_MatchesExactLogistic()
    {
        // a stiffer case (rho t ~ 10 over the run) to exercise the solver rather than the linear regime
        double rho = 0.05, omega = 1e-6, c0 = 1_000, cap = rho / omega;
        var traj = One(c0, rho, 0, omega).Solve(200);
        for (int w = 0; w < 200; w++)
        {
            double t = w + 1;
            double exact = cap / (1 + (cap / c0 - 1) * Math.Exp(-rho * t));
            Assert.Equal(exact, traj.Metrics[w].Members, exact * 1e-8);
        }
    }

    [Fact]
    public void Solve_NoLosses_GrowsExponentially()
    {
        double rho = 2.527e-3, c0 = 115_000;
        var traj = One(c0, rho, 0, 0).Solve(520);
        for (int w = 0; w < 520; w++)
        {
            double exact = c0 * Math.Exp(rho * (w + 1));
            Assert.Equal(exact, traj.Metrics[w].Members, exact * 1e-10);
            double recruits = c0 * (Math.Exp(rho * (w + 1)) - Math.Exp(rho * w));
            Assert.Equal(recruits, traj.Metrics[w].Recruits, recruits * 1e-8);
        }
    }

    [Fact]
    public void Solve_TwoCartels_DeathsAndArrestsFollowTheDefinitions()
    {
        var k = new double[,] { { 0, 2 }, { 0.5, 0 } };
        var m = new ReferenceModel(new[] { 60_000.0, 40_000.0 }, k, 2.5e-3, 110, 1.5e-8, 4e-8) { StepsPerWeek = 16 };
        var d = m.Derivative(new[] { 60_000.0, 40_000.0 });
        double t = 100_000;
        Assert.Equal(60_000 * (2.5e-3 - 110 / t - 1.5e-8 * 2 * 40_000 - 4e-8 * 60_000), d[0], 1e-9);
        Assert.Equal(40_000 * (2.5e-3 - 110 / t - 1.5e-8 * 0.5 * 60_000 - 4e-8 * 40_000), d[1], 1e-9);
        var w0 = m.Solve(1).Metrics[0];
        Assert.Equal(110, w0.Arrests, 1e-6);
        double deaths0 = 1.5e-8 * (60_000.0 * 2 * 40_000 + 40_000.0 * 0.5 * 60_000);
        Assert.Equal(deaths0, w0.HomicidesCartel, deaths0 * 2e-3);
        Assert.Equal(2, w0.ActiveFactions);
        Assert.Equal(0.6, w0.LargestShare, 2e-3);
        Assert.True(double.IsNaN(w0.Imprisoned));
        Assert.Equal(0, w0.HomicidesState);
    }
}
