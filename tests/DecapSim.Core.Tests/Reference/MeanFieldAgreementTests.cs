using System.Diagnostics;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Reference;
using Xunit.Abstractions;

namespace DecapSim.Core.Tests.Reference;

/// <summary>
/// MODEL.md section 5: the agent-based model in mean-field mode (one well-mixed cell, fixed-count arrests,
/// the published rates) must agree with the reference ODE built from the same initial factions.
/// </summary>
public class MeanFieldAgreementTests
{
    private readonly ITestOutputHelper _out;
    public MeanFieldAgreementTests(ITestOutputHelper output) => _out = output;

    internal static ModelParameters Published(int years) => new()
    {
        Weeks = 52 * years,
        World = new WorldParameters { Kind = WorldKind.WellMixed },
        Factions = new FactionParameters { Count = 150, InitialMembers = 115_000 },
        Recruitment = new RecruitmentParameters { Rho = 2.527e-3 },
        Enforcement = new EnforcementParameters { ArrestMode = ArrestMode.FixedCount, Eta = 110 },
        Conflict = new ConflictParameters { Theta = 1.549e-8 },
        Exits = new ExitParameters { Omega = 4e-8 },
    };

    [Fact]
    public void WellMixedAgentModel_AgreesWithReferenceModel_OverTenYears()
    {
        const int years = 10, reps = 4;
        var p = Published(years);
        var clock = Stopwatch.StartNew();
        var abm = new WeeklyMetrics[reps][];
        var refs = new WeeklyMetrics[reps][];
        Parallel.For(0, reps, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(reps, Environment.ProcessorCount) }, r =>
        {
            var sim = new Simulation(p, (ulong)(1000 + r));
            refs[r] = ReferenceModel.FromSimulation(sim).Solve(p.Weeks).Metrics;
            var rows = new WeeklyMetrics[p.Weeks];
            for (int w = 0; w < p.Weeks; w++) rows[w] = sim.Step();
            abm[r] = rows;
        });
        _out.WriteLine($"runtime {clock.Elapsed.TotalSeconds:F1} s ({reps} replicates, {years} years)");

        _out.WriteLine("year  members_abm  members_ref  diff%   deaths_abm  deaths_ref  diff%   recruits_abm recruits_ref  arrests_abm");
        double worstMembers = 0, worstDeaths = 0;
        for (int y = 0; y < years; y++)
        {
            int end = 52 * y + 51;
            double mA = abm.Average(a => a[end].Members), mR = refs.Average(a => a[end].Members);
            double dA = abm.Average(a => YearSum(a, y, m => m.HomicidesCartel)), dR = refs.Average(a => YearSum(a, y, m => m.HomicidesCartel));
            double rA = abm.Average(a => YearSum(a, y, m => m.Recruits)), rR = refs.Average(a => YearSum(a, y, m => m.Recruits));
            double aA = abm.Average(a => YearSum(a, y, m => m.Arrests));
            double pm = 100 * (mA / mR - 1), pd = 100 * (dA / dR - 1);
            worstMembers = Math.Max(worstMembers, Math.Abs(pm));
            worstDeaths = Math.Max(worstDeaths, Math.Abs(pd));
            _out.WriteLine($"{y + 1,4} {mA,12:F0} {mR,12:F0} {pm,6:F2} {dA,11:F0} {dR,11:F0} {pd,6:F2} {rA,12:F0} {rR,12:F0} {aA,12:F0}");
        }
        double totA = abm.Average(a => a.Sum(m => m.HomicidesCartel)), totR = refs.Average(a => a.Sum(m => m.HomicidesCartel));
        double pt = 100 * (totA / totR - 1);
        _out.WriteLine($"all years: cartel deaths abm {totA:F0} ref {totR:F0} diff {pt:F2}%");
        // noise: a replicate's yearly deaths are ~Poisson(4,300-6,500), sd ~1.5%; the mean of 4 has sd ~0.75%
        Assert.True(worstMembers < 1.5, $"members differ by up to {worstMembers:F2}%");
        Assert.True(worstDeaths < 4, $"yearly cartel deaths differ by up to {worstDeaths:F2}%");
        Assert.True(Math.Abs(pt) < 1.5, $"ten-year cartel deaths differ by {pt:F2}%");
    }

    [Fact]
    public void WellMixedAgentModel_FirstWeekHazards_EqualReferenceFlows()
    {
        var p = Published(1) with { Weeks = 1 };
        var sim = new Simulation(p, 42);
        var reference = ReferenceModel.FromSimulation(sim);
        var s = sim.State;
        Assert.Equal(150, reference.Count);
        Assert.Equal(115_000, reference.InitialSizes.Sum(), 1e-9);
        for (int i = 0; i < reference.Count; i++)
            for (int j = 0; j < reference.Count; j++)
                Assert.Equal(i == j ? 0 : s.Factions.Hostility(i, j), reference.K(i, j));
        var flows = reference.Flows(reference.InitialSizes.ToArray());
        sim.Step();
        // the agent-based expected deaths this week: sum over presence entries of hazard x members
        var conflict = sim.Processes.OfType<DecapSim.Core.Processes.ConflictProcess>().Single();
        double expected = 0;
        for (int e = 0; e < s.Presence.EntryCountUsed; e++) expected += conflict.HazardOf(e) * s.Presence.EntryCount[e];
        Assert.Equal(flows.Deaths, expected, flows.Deaths * 1e-12);
        Assert.Equal(p.Recruitment.Rho * 115_000, flows.Recruits, 1e-9);
        Assert.Equal(110, flows.Arrests, 1e-9);
    }

    [Fact]
    public void Run_ReturnsOneRowPerWeek()
    {
        var p = Published(1) with { Weeks = 10 };
        var rows = ReferenceModel.Run(p, 5);
        Assert.Equal(10, rows.Count);
        Assert.Equal(Enumerable.Range(0, 10), rows.Select(r => r.Week));
        Assert.All(rows, r => Assert.Equal(r.HomicidesCartel * (1 + p.Conflict.CiviliansPerCartelDeath), r.Homicides, 1e-9));
        Assert.All(rows, r => Assert.Equal(150, r.ActiveFactions));
    }

    private static double YearSum(WeeklyMetrics[] rows, int year, Func<WeeklyMetrics, double> f)
    {
        double s = 0;
        for (int w = 52 * year; w < 52 * year + 52; w++) s += f(rows[w]);
        return s;
    }
}
