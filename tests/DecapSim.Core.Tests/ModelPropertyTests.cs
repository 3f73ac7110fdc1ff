using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DecapSim.Core.Tests;

/// <summary>A small random world: size, landscape, a few rates pushed off their defaults, and the seeds.</summary>
public sealed record SmallWorld(bool WellMixed, int Width, int Height, int Factions, int Members, double Theta, double Rho,
                                double LocateBase, double SentenceYears, double Cohesion, int RemovalWeek, ulong Structure, ulong Dynamics)
{
    public ModelParameters Parameters() => new()
    {
        Weeks = 40,
        World = WellMixed ? new WorldParameters { Kind = WorldKind.WellMixed }
                          : new WorldParameters { Kind = WorldKind.Grid, Width = Width, Height = Height, Ports = 1 },
        Factions = new FactionParameters { Count = Factions, InitialMembers = Members, RivalryEdges = Factions, AllianceEdges = Factions / 2, CohesionMean = Cohesion },
        Territory = new TerritoryParameters { SpinUpWeeks = 2 },
        Conflict = new ConflictParameters { Theta = Theta },
        Recruitment = new RecruitmentParameters { Rho = Rho },
        Targeting = new TargetingParameters { LeaderLocateBase = LocateBase, LieutenantLocateBase = LocateBase * 1.5 },
        Enforcement = new EnforcementParameters { SentenceYears = SentenceYears },
        Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = RemovalWeek, Faction = "CJNG", HeirUnavailable = true } },
    };

    public Seeds Seeds => new(Structure, Dynamics);
}

/// <summary>FsCheck generators of small worlds (a few thousand members: each case runs in well under a second).</summary>
public static class SmallWorlds
{
    private static Gen<double> Between(double lo, double hi) => Gen.Choose(0, 1000).Select(k => lo + (hi - lo) * k / 1000.0);

    public static Arbitrary<SmallWorld> World() => Arb.From(
        from wellMixed in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from width in Gen.Choose(3, 8)
        from height in Gen.Choose(3, 8)
        from factions in Gen.Choose(2, 12)
        from members in Gen.Choose(600, 2500)
        from theta in Between(0, 4e-6)
        from rho in Between(0, 0.004)
        from locate in Between(0, 0.05)
        from sentence in Between(0.1, 3)
        from cohesion in Between(0.2, 0.9)
        from removal in Gen.Choose(0, 39)
        from structure in Gen.Choose(0, int.MaxValue)
        from dynamics in Gen.Choose(0, int.MaxValue)
        select new SmallWorld(wellMixed, width, height, factions, Math.Max(members, factions * 20), theta, rho, locate, sentence, cohesion,
                              removal, (ulong)structure, (ulong)dynamics * 7919UL));
}

/// <summary>Properties of the model that hold on every world, every week (members conserved, controllers active,
/// shares and treasuries in range) and for any number of threads (determinism).</summary>
public sealed class ModelPropertyTests
{
    [Property(Arbitrary = new[] { typeof(SmallWorlds) }, MaxTest = 12, QuietOnSuccess = true)]
    public void EveryWeek_MembersConservedControllersActiveValuesInRange(SmallWorld w)
    {
        var sim = new Simulation(w.Parameters(), w.Seeds);
        for (int week = 0; week < 40; week++)
        {
            var m = sim.Step();
            SimulationTests.AssertInvariants(sim.State, m, week);
            AssertShares(sim.State, m, week);
        }
    }

    [Property(Arbitrary = new[] { typeof(SmallWorlds) }, MaxTest = 4, QuietOnSuccess = true)]
    public void AnyThreadCount_SameSeriesForTheSameSeeds(SmallWorld w)
    {
        var p = w.Parameters() with { Weeks = 20 };
        double[][] Series() => TestModels.Run(new Simulation(p, w.Seeds), 20)
            .Select(m => Enumerable.Range(0, WeeklyMetrics.Columns.Count).Select(m.Get).ToArray()).ToArray();
        var alone = Series();
        foreach (int threads in new[] { 2, 3 })
        {
            // the same run computed on several threads at once, next to other runs: nothing may leak between them
            var runs = new double[threads][][];
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, k => runs[k] = Series());
            foreach (var r in runs)
                for (int week = 0; week < alone.Length; week++) Assert.Equal(alone[week], r[week]);
        }
    }

    /// <summary>Shares are shares, money is finite and non-negative.</summary>
    private static void AssertShares(ModelState s, WeeklyMetrics m, int week)
    {
        for (int k = 0; k < WeeklyMetrics.Columns.Count; k++)
            Assert.True(double.IsFinite(m.Get(k)) || double.IsNaN(m.Get(k)), $"week {week}: {WeeklyMetrics.Columns[k]} = {m.Get(k)}");
        for (int c = 0; c < s.Cells.Count; c++)
        {
            Assert.True(s.Cells.Troops[c] >= 0, $"week {week}: cell {c} troops {s.Cells.Troops[c]}");
            Assert.True(s.Cells.RouteValue[c] >= 0, $"week {week}: cell {c} route value {s.Cells.RouteValue[c]}");
        }
        Assert.InRange(s.Policy.Interdiction, 0, 1);
        Assert.InRange(s.Policy.IntelSharing, 0, 1);
        Assert.InRange(s.Policy.JudicialIntegrity, 0, 1);
    }
}
