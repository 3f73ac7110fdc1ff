using DecapSim.Core.Checkpoints;
using DecapSim.Core.Metrics;
using DecapSim.Core.Timeline;
using DecapSim.Core.Parameters;

namespace DecapSim.Core.Tests;

public class SimulationSetUpTests
{
    private static Parameters.ModelParameters P(int warmUp = 0) => TestModels.SmallGrid() with
    {
        Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 3, Faction = "CJNG", HeirUnavailable = true } },
        Territory = TestModels.SmallGrid().Territory with { WarmUpWeeks = warmUp },
    };

    private static double[][] Rows(Simulation sim, int weeks) =>
        TestModels.Run(sim, weeks).Select(m => Enumerable.Range(0, WeeklyMetrics.Columns.Count).Select(m.Get).ToArray()).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(12)] // the warm-up (the whole model before week 0, structure-seeded) is part of the set-up
    public void Start_FromASharedSetUp_IsTheSameRunAsBuildingItAlone(int warmUp)
    {
        var setUp = SimulationSetUp.Build(P(warmUp), 21);
        for (int k = 2; k >= 0; k--) // any order, any number of starts
        {
            var seeds = Seeds.ForReplicate(21, k);
            var shared = setUp.Start(seeds);
            var alone = new Simulation(P(warmUp), seeds);
            Assert.Equal(Rows(alone, 15), Rows(shared, 15));
            Assert.Equal(SimulationCheckpoint.Image(alone), SimulationCheckpoint.Image(shared));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    public void SetUp_DependsOnTheStructureSeedOnly(int warmUp)
    {
        // spin-up and warm-up are keyed by the structure seed, so replicates start from the same week-0 world
        var a = new Simulation(P(warmUp), Seeds.ForReplicate(8, 0));
        var b = new Simulation(P(warmUp), Seeds.ForReplicate(8, 5));
        int n = a.State.Members.Count;
        Assert.Equal(a.State.Members.Cell.AsSpan(0, n).ToArray(), b.State.Members.Cell.AsSpan(0, n).ToArray());
        Assert.Equal(a.State.Cells.Controller, b.State.Cells.Controller);
        Assert.NotEqual(Rows(a, 10), Rows(b, 10)); // the dynamics differ
    }

    [Fact]
    public void Start_OtherStructureSeed_Throws() =>
        Assert.Throws<ArgumentException>(() => SimulationSetUp.Build(P(), 1).Start(Seeds.ForReplicate(2, 0)));

    /// <summary>Another policy on the same world: every lever's starting value changed, a later timeline event.</summary>
    private static Parameters.ModelParameters OtherPolicy(Parameters.ModelParameters p) => p with
    {
        Arms = p.Arms with { Interdiction = 0.4, FlowPerYear = p.Arms.FlowPerYear * 0.5 },
        Targeting = p.Targeting with { IntelSharing = 0.9, Effort = 2 },
        State = p.State with { UsTrust = 0.2, JudicialIntegrity = 0.8, PoliceCapacityTarget = p.State.PoliceCapacityTarget + 0.3 },
        Economy = p.Economy with { PoliceWage = p.Economy.PoliceWage * 2, Demand = 0.6 },
        Recruitment = p.Recruitment with { PreventionEffect = 0.3 },
        Enforcement = p.Enforcement with { ArrestMultiplier = 1.7 },
        Timeline = new TimelineEvent[] { new RemoveLeaderEvent { Week = 5, Faction = "CJNG", Mode = RemovalMode.Kill } },
    };

    [Fact]
    public void Start_WithOtherLevers_OnAWarmedUpWorld_IsTheSameRunAsItsOwnSetUp()
    {
        // compare's scenarios share their baseline's set-up: on a warmed-up world the set-up runs under today's policy,
        // so another policy started from it must be exactly the run built from its own parameters
        var baseline = P(12);
        var policy = OtherPolicy(baseline);
        Assert.Equal(ParameterFingerprint.SetUp(baseline), ParameterFingerprint.SetUp(policy));
        var setUp = SimulationSetUp.Build(baseline, 21);
        var seeds = Seeds.ForReplicate(21, 1);
        var shared = setUp.Start(seeds, policy);
        var alone = new Simulation(policy, seeds);
        Assert.Equal(SimulationCheckpoint.Image(alone), SimulationCheckpoint.Image(shared));
        Assert.Equal(Rows(alone, 15), Rows(shared, 15));
        Assert.NotEqual(Rows(setUp.Start(seeds), 15), Rows(setUp.Start(seeds, policy), 15)); // and the policy acts
    }

    [Fact]
    public void SetUpFingerprint_LeavesOutEveryLever_AndOnlyThem()
    {
        var p = P(12);
        var other = OtherPolicy(p);
        var reset = new State.PolicyState(State.PolicyState.WithDefaultLevers(other));
        var changed = new State.PolicyState(other);
        foreach (var lever in Enum.GetValues<PolicyLever>())
        {
            Assert.True(changed[lever] != State.PolicyState.StatusQuo()[lever], $"the test policy leaves {lever} at its default");
            Assert.Equal(State.PolicyState.StatusQuo()[lever], reset[lever]);
        }
        // a structural parameter is part of it
        Assert.NotEqual(ParameterFingerprint.SetUp(p), ParameterFingerprint.SetUp(p with { Conflict = p.Conflict with { Theta = p.Conflict.Theta * 1.1 } }));
    }

    [Fact]
    public void Start_WithOtherLevers_WithoutWarmUp_Throws()
    {
        // without a warm-up the landscape is built under the scenario's own levers (police wage), so nothing is shared
        var setUp = SimulationSetUp.Build(P(0), 21);
        Assert.Throws<ArgumentException>(() => setUp.Start(Seeds.ForReplicate(21, 0), OtherPolicy(P(0))));
    }
}
