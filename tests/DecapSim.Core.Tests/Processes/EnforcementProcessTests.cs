using DecapSim.Core.Parameters;

namespace DecapSim.Core.Tests.Processes;

public class EnforcementProcessTests
{
    [Fact]
    public void Step_FixedCount_MeanArrestsNearEta()
    {
        // eta x weeks stays well below the membership, so the count is not limited by who is left to arrest
        var p = TestModels.WellMixed(5000).NoConflict() with
        {
            Enforcement = new EnforcementParameters { ArrestMode = ArrestMode.FixedCount, Eta = 20, SentenceYears = 10 },
        };
        var ms = TestModels.Run(new Simulation(p, 1), 60);
        double mean = ms.Average(m => m.Arrests);
        Assert.InRange(mean, 18, 22);
    }

    private static double HazardArrests(double police, double corruption)
    {
        var p = TestModels.SmallGrid().NoConflict().NoTargeting() with
        {
            Enforcement = new EnforcementParameters { ArrestMode = ArrestMode.Hazard, Eta0 = 0.02, SentenceYears = 10, StateKillRate = 0 },
            State = new StateParameters
            {
                PoliceCapacity = police, PoliceCapacityTarget = police, Corruption = corruption, CorruptionAdjustRate = 0,
            },
        };
        return TestModels.Run(new Simulation(p, 7), 26).Sum(m => m.Arrests);
    }

    [Fact]
    public void Step_HazardMode_ArrestsRiseWithPoliceCapacity()
    {
        double low = HazardArrests(0.2, 0.3), high = HazardArrests(0.8, 0.3);
        Assert.True(low > 0);
        Assert.True(high > 2.5 * low, $"police 0.8: {high} arrests; police 0.2: {low}");
    }

    [Fact]
    public void Step_HazardMode_ArrestsFallWithCorruption()
    {
        double clean = HazardArrests(0.5, 0.1), corrupt = HazardArrests(0.5, 0.7);
        Assert.True(corrupt > 0);
        Assert.True(clean > 2 * corrupt, $"corruption 0.1: {clean} arrests; corruption 0.7: {corrupt}");
    }

    private static ModelParameters ShortSentences(double recidivism) =>
        TestModels.SmallGrid().NoConflict().NoTargeting().NoExits() with
        {
            Enforcement = new EnforcementParameters
            {
                ArrestMode = ArrestMode.Hazard, Eta0 = 0.01, SentenceYears = 0.05, MinSentenceShare = 1, StateKillRate = 0,
                Recidivism = recidivism,
            },
            // an arrested leader's retaliation wave would kill members returning fire
            Succession = new SuccessionParameters { RetaliationMembersKilledPer1000 = 0 },
        };

    [Fact]
    public void Step_ShortSentencesNoRecidivism_ReleasedMembersAllRetire()
    {
        var sim = new Simulation(ShortSentences(0), 3);
        var ms = TestModels.Run(sim, 30);
        double releases = ms.Sum(m => m.Releases);
        Assert.True(releases > 0);
        Assert.Equal(releases, sim.State.Ledger.Retired);
        Assert.Equal(0, sim.State.Ledger.Dead);
    }

    [Fact]
    public void Step_ShortSentencesFullRecidivism_ReleasedMembersReturn()
    {
        var sim = new Simulation(ShortSentences(1), 3);
        var ms = TestModels.Run(sim, 30);
        Assert.True(ms.Sum(m => m.Releases) > 0);
        Assert.Equal(0, sim.State.Ledger.Retired);
        var (active, imprisoned) = sim.State.CountMembers();
        Assert.Equal(sim.State.Ledger.Initial + sim.State.Ledger.Recruited, active + imprisoned);
    }

    [Fact]
    public void Step_LongSentences_NobodyReleased()
    {
        var p = ShortSentences(0) with { Enforcement = ShortSentences(0).Enforcement with { SentenceYears = 50, EscapeRate = 0 } };
        var ms = TestModels.Run(new Simulation(p, 3), 20);
        Assert.True(ms.Sum(m => m.Arrests) > 0);
        Assert.Equal(0, ms.Sum(m => m.Releases));
    }
}
