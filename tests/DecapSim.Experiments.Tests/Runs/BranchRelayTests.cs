using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Tests.Runs;

public class BranchRelayTests
{
    private static readonly ModelParameters P = new() { Weeks = 100 };
    private static TimelineEvent Kill(int week) => new RemoveLeaderEvent { Week = week, Faction = "CJNG", Mode = RemovalMode.Kill };

    [Fact]
    public void FirstDifference_IsTheWeekOfTheFirstEventThatDiffers()
    {
        Assert.Equal(99, BranchRelay.FirstDifference(P, P)); // identical: all but the last week in common
        Assert.Equal(20, BranchRelay.FirstDifference(P, P with { Timeline = new[] { Kill(20) } }));
        Assert.Equal(20, BranchRelay.FirstDifference(P with { Timeline = new[] { Kill(5), Kill(40) } }, P with { Timeline = new[] { Kill(5), Kill(20) } }));
        Assert.Equal(49, BranchRelay.FirstDifference(P with { Weeks = 50 }, P with { Timeline = new[] { Kill(70) } })); // beyond the shorter run
    }

    [Fact]
    public void FirstDifference_OtherLeversOrStructure_IsZero()
    {
        Assert.Equal(0, BranchRelay.FirstDifference(P, P with { Arms = P.Arms with { Interdiction = 0.3 } }));
        Assert.Equal(0, BranchRelay.FirstDifference(P, P with { Conflict = P.Conflict with { Theta = P.Conflict.Theta * 2 } }));
    }

    [Fact]
    public void Fits_KeepsAtMostMaxHeldStates_AndIgnoresShortCommonParts()
    {
        Assert.Empty(new BranchRelay(new[] { 3, 0 }).Weeks);
        Assert.False(new BranchRelay(new[] { 3 }).Fits(2));
        Assert.True(new BranchRelay(new[] { 20, 20, 40 }).Fits(BranchRelay.MaxHeld / 2));
        Assert.False(new BranchRelay(new[] { 20, 40 }).Fits(BranchRelay.MaxHeld / 2 + 1));
    }
}
