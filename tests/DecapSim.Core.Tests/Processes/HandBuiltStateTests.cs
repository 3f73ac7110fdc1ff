using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;

namespace DecapSim.Core.Tests.Processes;

/// <summary>Processes stepped on a state built by hand (no landscape builder, no spin-up): one cell, a faction or two,
/// members placed one by one, so each expectation follows from the process's own rule.</summary>
public sealed class HandBuiltStateTests
{
    /// <summary>A 2 x 2 grid with the given factions' members in cell 0 (all soldiers, loyalty 1).</summary>
    private static ModelState State(ModelParameters p, params int[] members)
    {
        var world = Simulation.BuildWorld(p.World, 1);
        var s = new ModelState(p, 1, world, 1024, 16);
        for (int f = 0; f < members.Length; f++)
        {
            s.Factions.Add($"f{f}", -1, 0, 0, 0.8);
            for (int k = 0; k < members[f]; k++) s.Members.Add(f, -1, 0, 30, 1f);
        }
        s.EnsureFactionArrays();
        s.Presence.Build(s.Members, world.CellCount, s.Factions.Capacity);
        return s;
    }

    [Fact]
    public void Economy_NoRevenue_WagesEmptyTheTreasuryAndUnpaidSoldiersLoseLoyalty()
    {
        var p = new ModelParameters { World = new WorldParameters { Kind = WorldKind.Grid, Width = 2, Height = 2, Ports = 0 } };
        var s = State(p, 10);
        Array.Clear(s.Cells.RouteValue);     // nothing to earn anywhere
        double wage = s.Policy.PoliceWage * p.Economy.CartelWageMultiplier * 12.0 / 52.0;
        double treasury = 5 * wage;          // half a week of wages for ten soldiers
        s.Factions.Treasury[0] = treasury;
        new EconomyProcess().Step(s);

        Assert.Equal(0, s.Factions.Treasury[0]);
        Assert.True(s.Factions.Unpaid[0]);
        Assert.Equal(0.8 - p.Economy.UnpaidCohesionLoss, s.Factions.Cohesion[0], 12);
        // the arms budget takes a fixed share of the treasury before wages are paid (no revenue: nothing else)
        Assert.Equal(EconomyProcess.TreasuryToArmsPerWeek * treasury, s.ArmsBudget[0], 12);
        for (int i = 0; i < s.Members.Count; i++)
            if (s.Members.IsActive(i)) Assert.Equal(1f - EconomyProcess.UnpaidLoyaltyLoss, s.Members.Loyalty[i]);
    }

    [Fact]
    public void Economy_RichFaction_StaysPaidAndKeepsItsCohesion()
    {
        var p = new ModelParameters { World = new WorldParameters { Kind = WorldKind.Grid, Width = 2, Height = 2, Ports = 0 } };
        var s = State(p, 10, 5);
        s.Factions.Treasury[0] = s.Factions.Treasury[1] = 1e9;
        new EconomyProcess().Step(s);
        for (int f = 0; f < 2; f++)
        {
            Assert.False(s.Factions.Unpaid[f]);
            Assert.Equal(0.8, s.Factions.Cohesion[f]);
            Assert.True(s.Factions.Treasury[f] > 0 && s.Factions.Treasury[f] < 1e9 + s.Revenue[f]);
        }
        Assert.Equal(10 + 5, Enumerable.Range(0, s.Members.Count).Count(s.Members.IsActive)); // nobody deserts when paid
    }

    [Fact]
    public void Enforcement_SentenceLengths_HaveTheMeanAskedForAndTheDeclaredSpread()
    {
        var rng = new Core.Random.StreamRng(Core.Random.CounterRng.Key(3, 0));
        var draws = Enumerable.Range(0, 20_000).Select(_ => EnforcementProcess.SentenceWeeks(rng, 52)).ToArray();
        double mean = draws.Average(), sd = Math.Sqrt(draws.Select(x => (x - mean) * (x - mean)).Average());
        Assert.InRange(mean, 51, 53);
        // Gamma with shape k has a coefficient of variation of 1/sqrt(k)
        Assert.InRange(sd / mean, 0.97 / Math.Sqrt(EnforcementProcess.SentenceShape), 1.03 / Math.Sqrt(EnforcementProcess.SentenceShape));
        Assert.Equal(0, EnforcementProcess.SentenceWeeks(rng, 0));
    }
}
