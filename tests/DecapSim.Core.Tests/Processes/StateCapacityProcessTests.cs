using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests.Processes;

public class StateCapacityProcessTests
{
    [Fact]
    public void Step_TargetAboveInitial_PoliceCapacityRises()
    {
        var p = TestModels.SmallGrid() with
        {
            State = new StateParameters { PoliceCapacity = 0.4, PoliceCapacityTarget = 0.8, CapacityBuildingRate = 0.02 },
        };
        var ms = TestModels.Run(new Simulation(p, 1), 60);
        for (int w = 1; w < ms.Count; w++) Assert.True(ms[w].MeanPoliceCapacity > ms[w - 1].MeanPoliceCapacity);
        Assert.True(ms[^1].MeanPoliceCapacity > 0.6);
        Assert.True(ms[^1].MeanPoliceCapacity <= 0.8);
    }

    [Fact]
    public void Step_TargetEqualsInitial_PoliceCapacityConstant()
    {
        var ms = TestModels.Run(new Simulation(TestModels.SmallGrid(), 1), 30);
        Assert.All(ms, m => Assert.Equal(0.4, m.MeanPoliceCapacity, 12));
    }

    [Fact]
    public void Step_PolicyRampOfCapacityTarget_PoliceCapacityRises()
    {
        var p = TestModels.SmallGrid() with
        {
            Timeline = new TimelineEvent[] { new SetPolicyEvent { Week = 5, Parameter = PolicyLever.PoliceCapacityTarget, Value = 0.9, RampWeeks = 10 } },
        };
        var ms = TestModels.Run(new Simulation(p, 1), 40);
        Assert.Equal(0.4, ms[4].MeanPoliceCapacity, 12);
        Assert.True(ms[^1].MeanPoliceCapacity > 0.5);
    }

    [Fact]
    public void Step_UsStrikesCampaign_LowersUsTrustThenRecovers()
    {
        ModelParameters P(bool strikes) => TestModels.SmallGrid() with
        {
            State = new StateParameters { UsTrust = 0.6, UsTrustBaseline = 0.6, UsStrikeTrustPenalty = 0.03 },
            Timeline = strikes
                ? new TimelineEvent[] { new CampaignEvent { Week = 2, Kind = CampaignKind.UsStrikes, DurationWeeks = 4, Intensity = 3 } }
                : Array.Empty<TimelineEvent>(),
        };
        var without = TestModels.Run(new Simulation(P(false), 1), 60);
        Assert.All(without, m => Assert.Equal(0.6, m.UsTrust, 12));
        var with = TestModels.Run(new Simulation(P(true), 1), 60);
        Assert.Equal(0.6, with[1].UsTrust, 12);
        double min = with.Min(m => m.UsTrust);
        Assert.True(min < 0.55, $"trust only fell to {min}");
        Assert.True(with[^1].UsTrust > min + 0.02, "trust recovers toward its baseline");
        Assert.True(with[^1].UsTrust <= 0.6 + 1e-12);
    }

    [Fact]
    public void Step_NoBribesHighIntegrity_CorruptionFalls()
    {
        var p = TestModels.SmallGrid() with
        {
            Economy = new EconomyParameters { BribeShare = 0 },
            State = new StateParameters { Corruption = 0.5, JudicialIntegrity = 1, CorruptionAdjustRate = 0.05 },
        };
        var ms = TestModels.Run(new Simulation(p, 1), 30);
        for (int w = 1; w < ms.Count; w++) Assert.True(ms[w].MeanCorruption < ms[w - 1].MeanCorruption);
    }
}
