using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests.Processes;

public class EconomyProcessTests
{
    /// <summary>No conflict, arrests, recruitment or rerouting (the rerouting tests set it).</summary>
    private static ModelParameters Quiet()
    {
        var p = TestModels.SmallGrid().NoTargeting().NoEnforcement().NoConflict().NoRecruitment();
        return p with { Economy = p.Economy with { RerouteShare = 0 } };
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Step_ContestedCell_ReroutesLostValueToUncontestedRoutes(double reroute)
    {
        var p = Quiet();
        p = p with { Economy = p.Economy with { ContestedRevenueShare = 0.25, RerouteShare = reroute } };
        var s = Arrange(p, f => f == 0 ? 0 : 10 + f);
        s.Cells.Contested[0] = true;
        new EconomyProcess().Step(s);
        double lost = 0.75 * s.Cells.RouteValue[0], open = 0;
        for (int f = 1; f < s.Factions.Count; f++) open += s.Cells.RouteValue[10 + f];
        Assert.Equal(0.25 * s.Cells.RouteValue[0], s.Revenue[0], 6);
        Assert.Equal(s.Cells.RouteValue[11] * (1 + reroute * lost / open), s.Revenue[1], 6);
        // national revenue: what the contested cell loses comes back, in the rerouted share
        double full = s.Cells.RouteValue[0] + open;
        Assert.Equal(full - (1 - reroute) * lost, s.Counters.Revenue, 4);
    }

    /// <summary>Builds a small model, moves every active member to the cell <paramref name="place"/> gives its
    /// faction, gives every cell a known route value, and rebuilds the week's snapshot.</summary>
    private static ModelState Arrange(ModelParameters p, Func<int, int> place, ulong seed = 1)
    {
        var s = new Simulation(p, seed).State;
        var m = s.Members;
        for (int i = 0; i < m.Count; i++) if (m.IsActive(i)) m.Cell[i] = place(m.Faction[i]);
        for (int c = 0; c < s.Cells.Count; c++) { s.Cells.RouteValue[c] = 1000.0 * (c + 1); s.Cells.Contested[c] = false; }
        for (int f = 0; f < s.Factions.Count; f++) s.Factions.Treasury[f] = 1e9;
        Snapshot(s);
        return s;
    }

    private static void Snapshot(ModelState s)
    {
        s.Cells.ResetWeeklyCounters();
        s.Counters.Clear();
        s.EnsureFactionArrays();
        s.Presence.Build(s.Members, s.World.CellCount, s.Factions.Capacity);
    }

    private static double Wage(ModelState s) => s.Policy.PoliceWage * s.P.Economy.CartelWageMultiplier * 12.0 / 52.0;

    [Fact]
    public void Step_FactionAloneInCell_EarnsRouteValueTimesDemand()
    {
        var s = Arrange(Quiet(), f => f == 0 ? 0 : 10 + f);
        s.Policy.Set(PolicyLever.Demand, 1.7);
        new EconomyProcess().Step(s);
        Assert.Equal(s.Cells.RouteValue[0] * 1.7, s.Revenue[0], 6);
        for (int f = 1; f < s.Factions.Count; f++) Assert.Equal(s.Cells.RouteValue[10 + f] * 1.7, s.Revenue[f], 6);
    }

    [Fact]
    public void Step_TwoFactionsInCell_SplitByArmedPresence()
    {
        var s = Arrange(Quiet(), f => f <= 1 ? 0 : 10 + f);
        var F = s.Factions;
        int n0 = s.Presence.FactionMembers[0], n1 = s.Presence.FactionMembers[1];
        F.Arsenal[0] = 0;              // unarmed: weight 1 per member
        F.Arsenal[1] = 10.0 * n1;      // more than a gun each: weight capped at 2 per member
        new EconomyProcess().Step(s);
        double v = s.Cells.RouteValue[0];
        Assert.Equal(v * n0 / (n0 + 2.0 * n1), s.Revenue[0], 6);
        Assert.Equal(v * 2.0 * n1 / (n0 + 2.0 * n1), s.Revenue[1], 6);
        Assert.Equal(v, s.Revenue[0] + s.Revenue[1], 6);
    }

    [Fact]
    public void Step_EqualArmsTwoFactions_SplitByHeadcount()
    {
        var s = Arrange(Quiet(), f => f <= 1 ? 5 : 10 + f);
        var F = s.Factions;
        int n0 = s.Presence.FactionMembers[0], n1 = s.Presence.FactionMembers[1];
        F.Arsenal[0] = 0.5 * n0; F.Arsenal[1] = 0.5 * n1;
        new EconomyProcess().Step(s);
        Assert.Equal(s.Cells.RouteValue[5] * n0 / (n0 + n1), s.Revenue[0], 6);
    }

    [Fact]
    public void Step_ContestedCell_PaysContestedRevenueShare()
    {
        var p = Quiet();
        p = p with { Economy = p.Economy with { ContestedRevenueShare = 0.25 } };
        var s = Arrange(p, f => f == 0 ? 0 : 10 + f);
        s.Cells.Contested[0] = true;
        new EconomyProcess().Step(s);
        Assert.Equal(0.25 * s.Cells.RouteValue[0], s.Revenue[0], 6);
        Assert.Equal(s.Cells.RouteValue[11], s.Revenue[1], 6);
    }

    [Fact]
    public void Step_DemandIndex_ScalesTotalRevenue()
    {
        double Total(double demand)
        {
            var s = Arrange(Quiet(), f => f * 7 % 100);
            s.Policy.Set(PolicyLever.Demand, demand);
            new EconomyProcess().Step(s);
            return s.Counters.Revenue;
        }
        double one = Total(1), half = Total(0.5), three = Total(3);
        Assert.True(one > 0);
        Assert.Equal(0.5, half / one, 9);
        Assert.Equal(3, three / one, 9);
    }

    [Fact]
    public void Step_Treasury_IncreasesByRevenueMinusWagesMinusBribes()
    {
        var s = Arrange(Quiet(), f => f * 3);
        var before = s.Factions.Treasury.Take(s.Factions.Count).ToArray();
        new EconomyProcess().Step(s);
        double wage = Wage(s);
        for (int f = 0; f < s.Factions.Count; f++)
        {
            double r = s.Revenue[f];
            Assert.True(r > 0);
            double expected = before[f] + r - s.Presence.FactionMembers[f] * wage - r * s.P.Economy.BribeShare;
            Assert.Equal(expected, s.Factions.Treasury[f], 3);
            Assert.False(s.Factions.Unpaid[f]);
        }
        Assert.Equal(Enumerable.Range(0, s.Factions.Count).Sum(f => s.Revenue[f]), s.Counters.Revenue, 3);
    }

    [Fact]
    public void Step_Bribes_AccumulateInCellsWithPresence()
    {
        var s = Arrange(Quiet(), f => f % 4);
        s.Cells.Contested[1] = true;
        new EconomyProcess().Step(s);
        double share = s.P.Economy.BribeShare;
        Assert.Equal(s.Cells.RouteValue[0] * share, s.Cells.Bribes[0], 6);
        Assert.Equal(s.Cells.RouteValue[1] * s.P.Economy.ContestedRevenueShare * share, s.Cells.Bribes[1], 6);
        for (int c = 4; c < s.Cells.Count; c++) Assert.Equal(0, s.Cells.Bribes[c]);
        double paid = Enumerable.Range(0, s.Factions.Count).Sum(f => s.Revenue[f] * share);
        Assert.Equal(paid, s.Cells.Bribes.Sum(), 6);
    }

    [Fact]
    public void Step_NoRevenueEmptyTreasury_UnpaidLosesCohesionAndSoldiersDesert()
    {
        var p = Quiet();
        p = p with
        {
            Economy = p.Economy with { DesertionRate = 0.5, UnpaidCohesionLoss = 0.1 },
            Succession = p.Succession with { SoldiersPerLieutenant = 50 }, // several lieutenants, who must not desert
        };
        var s = Arrange(p, f => f * 5);
        for (int c = 0; c < s.Cells.Count; c++) s.Cells.RouteValue[c] = 0;
        var F = s.Factions;
        var m = s.Members;
        int f0 = TestModels.Largest(s);
        F.Treasury[f0] = 0;
        double cohesion = F.Cohesion[f0];
        // expected deserters: each soldier leaves with probability rate x (1.5 - loyalty after the 0.05 cut)
        double mean = 0, variance = 0;
        var soldiers = new List<int>();
        var ranked = new List<int>();
        var others = new List<int>();
        for (int i = 0; i < m.Count; i++)
        {
            if (!m.IsActive(i)) continue;
            if (m.Faction[i] != f0) { others.Add(i); continue; }
            if (m.Rank[i] != (byte)Rank.Soldier) { ranked.Add(i); continue; }
            soldiers.Add(i);
            double q = Math.Min(1, 0.5 * (1.5 - Math.Max(0, m.Loyalty[i] - 0.05f)));
            mean += q; variance += q * (1 - q);
        }
        long retiredBefore = s.Ledger.Retired;

        new EconomyProcess().Step(s);

        Assert.True(F.Unpaid[f0]);
        Assert.Equal(Math.Max(0, cohesion - 0.1), F.Cohesion[f0], 9);
        Assert.Equal(0, F.Treasury[f0]);
        for (int f = 0; f < F.Count; f++) if (f != f0) Assert.False(F.Unpaid[f]);
        int deserted = soldiers.Count(i => !m.IsActive(i));
        Assert.True(Math.Abs(deserted - mean) < 4 * Math.Sqrt(variance) + 1, $"{deserted} deserted, expected {mean:F1}");
        Assert.True(deserted > 0);
        Assert.Equal(deserted, s.Ledger.Retired - retiredBefore);
        Assert.True(ranked.Count >= 5);
        Assert.All(ranked, i => Assert.True(m.IsActive(i), "leaders and lieutenants do not desert"));
        Assert.All(others, i => Assert.True(m.IsActive(i), "paid factions do not desert"));
    }

    [Fact]
    public void Step_UnpaidNoDesertionRate_NobodyLeaves()
    {
        var p = Quiet();
        p = p with { Economy = p.Economy with { DesertionRate = 0 } };
        var s = Arrange(p, f => f * 5);
        for (int c = 0; c < s.Cells.Count; c++) s.Cells.RouteValue[c] = 0;
        for (int f = 0; f < s.Factions.Count; f++) s.Factions.Treasury[f] = 0;
        long active = s.CountMembers().Active;
        new EconomyProcess().Step(s);
        Assert.All(Enumerable.Range(0, s.Factions.Count), f => Assert.True(s.Factions.Unpaid[f]));
        Assert.Equal(active, s.CountMembers().Active);
    }

    [Fact]
    public void Step_PaidAgain_UnpaidFlagCleared()
    {
        var s = Arrange(Quiet(), f => f * 5);
        s.Factions.Unpaid[0] = true;
        new EconomyProcess().Step(s);
        Assert.False(s.Factions.Unpaid[0]);
    }
}
