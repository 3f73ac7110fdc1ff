using DecapSim.Core.Parameters;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Tests.Runs;

public class SetUpShareTests
{
    private static ModelParameters Warm() => new()
    {
        World = new WorldParameters { Kind = WorldKind.Grid, Width = 8, Height = 8, Ports = 2 },
        Factions = new FactionParameters { Count = 6, InitialMembers = 800, RivalryEdges = 6, AllianceEdges = 4 },
        Territory = new TerritoryParameters { WarmUpWeeks = 4, SpinUpWeeks = 2 },
    };

    [Fact]
    public void For_LeverVariantsOfAWarmedUpWorld_GetOneSetUp_StructuralChangesAndSeedsTheirOwn()
    {
        var share = new SetUpShare();
        var p = Warm();
        var a = share.For(p, 1);
        Assert.Same(a, share.For(p with { Arms = p.Arms with { Interdiction = 0.7 }, Weeks = 30 }, 1));
        Assert.NotSame(a, share.For(p, 2));
        Assert.NotSame(a, share.For(p with { Conflict = p.Conflict with { Theta = p.Conflict.Theta * 2 } }, 1));
        Assert.Equal(1, share.Reused);
        Assert.Equal(0, share.Built); // nothing is built before a run asks for the value
        _ = a.Value;
        Assert.Equal(1, share.Built);
    }

    [Fact]
    public void For_WithoutWarmUp_ALeverIsPartOfTheSetUp()
    {
        var share = new SetUpShare();
        var p = Warm() with { Territory = new TerritoryParameters { WarmUpWeeks = 0, SpinUpWeeks = 2 } };
        Assert.NotSame(share.For(p, 1), share.For(p with { Economy = p.Economy with { PoliceWage = p.Economy.PoliceWage * 2 } }, 1));
    }

    [Fact]
    public void For_BeyondCapacity_DropsTheLeastRecentlyUsed()
    {
        var share = new SetUpShare(capacity: 2);
        var p = Warm();
        var a = share.For(p, 1);
        share.For(p, 2);
        share.For(p, 1); // a is the most recent again
        share.For(p, 3); // drops seed 2's
        Assert.Same(a, share.For(p, 1));
        Assert.Equal(2, share.Reused);
        share.For(p, 2);
        Assert.Equal(2, share.Reused); // built anew
    }
}
