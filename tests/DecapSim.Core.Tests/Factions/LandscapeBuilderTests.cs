using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;

namespace DecapSim.Core.Tests.Factions;

/// <summary>The default present-day landscape on the Mexico world, built once for the test class.</summary>
public sealed class PresentDayLandscapeFixture
{
    /// <summary>The default present-day world as the landscape builder leaves it (no warm-up: it would move the world on).</summary>
    public ModelParameters P { get; } = new() { Territory = new TerritoryParameters { WarmUpWeeks = 0 } };
    public Simulation Sim { get; }
    public ModelState S => Sim.State;
    /// <summary>Active members per faction (scan).</summary>
    public int[] Sizes { get; }

    public PresentDayLandscapeFixture()
    {
        Sim = new Simulation(P, 11);
        Sizes = new int[S.Factions.Count];
        for (int i = 0; i < S.Members.Count; i++)
            if (S.Members.Status[i] == (byte)MemberStatus.Active) Sizes[S.Members.Faction[i]]++;
    }
}

public class LandscapeBuilderTests : IClassFixture<PresentDayLandscapeFixture>
{
    private readonly PresentDayLandscapeFixture _fx;
    public LandscapeBuilderTests(PresentDayLandscapeFixture fx) => _fx = fx;

    private int Index(string name) => Array.IndexOf(_fx.S.Factions.Name, name, 0, _fx.S.Factions.Count);

    private static int EdgeCount(FactionTable F, double[] m)
    {
        int n = 0;
        for (int a = 0; a < F.Count; a++) for (int b = a + 1; b < F.Count; b++) if (m[F.Pair(a, b)] > 0) n++;
        return n;
    }

    [Fact]
    public void Build_PresentDay_HasCountFactionsAllActive()
    {
        var F = _fx.S.Factions;
        Assert.Equal(_fx.P.Factions.Count, F.Count);
        Assert.Equal(150, F.Count);
        for (int f = 0; f < F.Count; f++) Assert.True(F.Active[f]);
    }

    [Fact]
    public void Build_PresentDay_TotalActiveMembersIsInitialMembersExactly()
    {
        Assert.Equal(_fx.P.Factions.InitialMembers, _fx.Sizes.Sum());
        Assert.Equal(175_000, _fx.S.CountMembers().Active);
        Assert.Equal(0, _fx.S.CountMembers().Imprisoned);
        Assert.Equal(175_000, _fx.S.Ledger.Initial);
    }

    [Theory]
    [InlineData("CJNG", 0.179)]
    [InlineData("Cártel de Sinaloa", 0.089)]
    [InlineData("La Nueva Familia Michoacana", 0.062)]
    [InlineData("Cártel del Noreste", 0.045)]
    [InlineData("Unión Tepito", 0.035)]
    public void Build_PresentDay_NamedTopGroupHoldsPublishedShare(string name, double share)
    {
        int f = Index(name);
        Assert.True(f >= 0 && f < 5, $"{name} is not among the first five factions");
        Assert.InRange(_fx.Sizes[f], 175_000 * share - 1, 175_000 * share + 1);
        Assert.Equal(_fx.Sizes[f], _fx.S.Factions.PeakMembers[f]);
    }

    [Fact]
    public void Build_PresentDay_NamesFollowNamedGroupsThenGenericNames()
    {
        var F = _fx.S.Factions;
        for (int i = 0; i < NamedGroups.PresentDay.Count; i++) Assert.Equal(NamedGroups.PresentDay[i].Name, F.Name[i]);
        for (int i = NamedGroups.PresentDay.Count; i < F.Count; i++) Assert.Equal($"Grupo {i + 1}", F.Name[i]);
        Assert.Equal(F.Count, F.Name.Take(F.Count).Distinct().Count());
    }

    [Fact]
    public void Build_PresentDay_UnnamedShareGroupsDecreaseWithRank()
    {
        var sizes = _fx.Sizes;
        // the fifth named group is bigger than the first Zipf-sized one
        Assert.True(sizes[4] > sizes[5], $"{sizes[4]} <= {sizes[5]}");
        // Zipf (exponent 1): non-increasing with rank (rounding may tie), clearly decreasing over the range
        for (int i = 5; i < sizes.Length - 2; i++) Assert.True(sizes[i] >= sizes[i + 1], $"rank {i + 1}: {sizes[i]} < rank {i + 2}: {sizes[i + 1]}");
        Assert.True(sizes[5] > 10 * sizes[^2] / 2, "rank 6 should be about 25 x rank 149 under Zipf exponent 1");
        // the ratio of two ranks follows 1/rank
        Assert.InRange(sizes[5] / (double)sizes[11], 12 / 6.0 * 0.97, 12 / 6.0 * 1.03);
        Assert.InRange(sizes[9] / (double)sizes[99], 10.0 * 0.95, 10.0 * 1.05);
        // the remainder group is close to its Zipf size
        Assert.InRange(sizes[^1], sizes[^2] * 0.9 - 2, sizes[^2] * 1.1 + 2);
    }

    [Fact]
    public void Build_PresentDay_RelationMatricesAreSymmetricWithZeroDiagonal()
    {
        var F = _fx.S.Factions;
        for (int a = 0; a < F.Count; a++)
        {
            Assert.Equal(0, F.Rivalry[F.Pair(a, a)]);
            Assert.Equal(0, F.Alliance[F.Pair(a, a)]);
            for (int b = 0; b < F.Count; b++)
            {
                Assert.Equal(F.Rivalry[F.Pair(a, b)], F.Rivalry[F.Pair(b, a)]);
                Assert.Equal(F.Alliance[F.Pair(a, b)], F.Alliance[F.Pair(b, a)]);
            }
        }
    }

    [Fact]
    public void Build_PresentDay_EdgeCountsMatchParameters()
    {
        var F = _fx.S.Factions;
        Assert.Equal(_fx.P.Factions.RivalryEdges, EdgeCount(F, F.Rivalry));
        Assert.Equal(_fx.P.Factions.AllianceEdges, EdgeCount(F, F.Alliance));
    }

    [Fact]
    public void Build_PresentDay_NoPairIsBothRivalAndAlly()
    {
        var F = _fx.S.Factions;
        for (int a = 0; a < F.Count; a++)
            for (int b = 0; b < F.Count; b++)
                Assert.False(F.Rivalry[F.Pair(a, b)] > 0 && F.Alliance[F.Pair(a, b)] > 0, $"{F.Name[a]} and {F.Name[b]} are rivals and allies");
    }

    [Fact]
    public void Build_PresentDay_RelationsTouchAboutCoverageOfGroups()
    {
        var F = _fx.S.Factions;
        foreach (var (m, coverage) in new[] { (F.Rivalry, _fx.P.Factions.RivalryCoverage), (F.Alliance, _fx.P.Factions.AllianceCoverage) })
        {
            int touched = 0;
            for (int a = 0; a < F.Count; a++)
            {
                bool any = false;
                for (int b = 0; b < F.Count && !any; b++) any = m[F.Pair(a, b)] > 0;
                if (any) touched++;
            }
            double covered = coverage * F.Count;
            // edges are drawn among the covered groups (plus the known pairs of the named groups)
            Assert.InRange(touched, 0.6 * covered, covered + NamedGroups.PresentDay.Count);
        }
    }

    [Fact]
    public void Build_PresentDay_KnownRivalriesAndAlliancesArePresent()
    {
        var F = _fx.S.Factions;
        foreach (var (a, b) in NamedGroups.PresentDayRivalries)
        {
            int i = Index(a), j = Index(b);
            Assert.True(i >= 0 && j >= 0, $"{a} / {b} missing");
            Assert.True(F.Rivalry[F.Pair(i, j)] > 0, $"{a} and {b} are not rivals");
            Assert.True(F.Hostility(i, j) > F.InvAlly[i], "a rivalry raises hostility above the no-rivalry baseline");
        }
        foreach (var (a, b) in NamedGroups.PresentDayAlliances)
            Assert.True(F.Alliance[F.Pair(Index(a), Index(b))] > 0, $"{a} and {b} are not allies");
    }

    [Fact]
    public void Build_PresentDay_InvAllyMatchesAllianceRows()
    {
        var F = _fx.S.Factions;
        for (int f = 0; f < F.Count; f++)
        {
            double sum = 0;
            for (int g = 0; g < F.Count; g++) sum += F.Alliance[F.Pair(f, g)];
            Assert.Equal(1 / (1 + sum), F.InvAlly[f], 12);
        }
    }

    [Fact]
    public void Build_PresentDay_EachLeaderIsActiveLeaderOfOwnFaction()
    {
        var s = _fx.S;
        var F = s.Factions;
        var m = s.Members;
        var leadersPerFaction = new int[F.Count];
        for (int i = 0; i < m.Count; i++) if (m.IsActive(i) && m.Rank[i] == (byte)Rank.Leader) leadersPerFaction[m.Faction[i]]++;
        for (int f = 0; f < F.Count; f++)
        {
            int l = F.Leader[f];
            Assert.True(m.IsActive(l), $"leader of {F.Name[f]} is not active");
            Assert.Equal(f, m.Faction[l]);
            Assert.Equal((byte)Rank.Leader, m.Rank[l]);
            Assert.Equal(-1, m.Unit[l]);
            Assert.Equal(1, leadersPerFaction[f]);
            int h = F.Heir[f];
            if (h >= 0)
            {
                Assert.True(m.IsActive(h));
                Assert.Equal(f, m.Faction[h]);
                Assert.Equal((byte)Rank.Lieutenant, m.Rank[h]);
            }
        }
    }

    [Fact]
    public void Build_PresentDay_UnitsAreHeadedByLieutenantsOfTheirFaction()
    {
        var s = _fx.S;
        var m = s.Members;
        int units = 0;
        for (int u = 0; u < s.Units.Count; u++)
        {
            if (!s.Units.Active[u]) continue;
            units++;
            int lt = s.Units.Lieutenant[u];
            Assert.True(lt >= 0, $"unit {u} is headless at the start");
            Assert.Equal(s.Units.Faction[u], m.Faction[lt]);
            Assert.Equal((byte)Rank.Lieutenant, m.Rank[lt]);
            Assert.Equal(u, m.Unit[lt]);
        }
        Assert.True(units >= s.Factions.Count);
        for (int i = 0; i < m.Count; i++)
            if (m.IsActive(i) && m.Unit[i] >= 0) Assert.Equal(m.Faction[i], s.Units.Faction[m.Unit[i]]);
    }

    [Theory]
    [InlineData("CJNG", "Jalisco")]
    [InlineData("Cártel de Sinaloa", "Sinaloa")]
    [InlineData("Cártel del Noreste", "Tamaulipas")]
    public void Build_PresentDay_MostMembersOfNamedGroupSitInItsHomeState(string name, string home)
    {
        var s = _fx.S;
        int f = Index(name);
        int r = s.World.FindRegion(home);
        Assert.True(r >= 0);
        Assert.Equal(r, s.Factions.HomeRegion[f]);
        int inHome = 0, total = 0;
        for (int i = 0; i < s.Members.Count; i++)
        {
            if (!s.Members.IsActive(i) || s.Members.Faction[i] != f) continue;
            total++;
            if (s.World.Region[s.Members.Cell[i]] == r) inHome++;
        }
        double share = inHome / (double)total;
        // the spin-up lets soldiers drift across state lines for a year; the home state keeps the largest part
        Assert.True(share >= _fx.P.Factions.HomeConcentration - 0.15, $"{name}: {share:P1} in {home}");
        var byRegion = new int[s.World.RegionCount];
        for (int i = 0; i < s.Members.Count; i++)
            if (s.Members.IsActive(i) && s.Members.Faction[i] == f) byRegion[s.World.Region[s.Members.Cell[i]]]++;
        Assert.Equal(r, Array.IndexOf(byRegion, byRegion.Max()));
        Assert.Equal(r, s.World.Region[s.Members.Cell[s.Factions.Leader[f]]]);
    }

    [Fact]
    public void Build_PresentDayNoSpinUp_AtLeastHomeConcentrationInHomeState()
    {
        var p = _fx.P with { Territory = _fx.P.Territory with { SpinUpWeeks = 0 } };
        var s = new Simulation(p, 11).State;
        double h = p.Factions.HomeConcentration;
        for (int f = 0; f < 5; f++)
        {
            int r = s.World.FindRegion(NamedGroups.PresentDay[f].Home);
            int inHome = 0, total = 0;
            for (int i = 0; i < s.Members.Count; i++)
            {
                if (!s.Members.IsActive(i) || s.Members.Faction[i] != f) continue;
                total++;
                if (s.World.Region[s.Members.Cell[i]] == r) inHome++;
            }
            double share = inHome / (double)total;
            // HomeConcentration in the home state, plus the home state's part of the 30% drawn by population
            Assert.InRange(share, h - 0.02, h + (1 - h) * 0.3 + 0.02);
        }
    }

    [Fact]
    public void InitialNames_PresentDay_MatchesBuiltNames()
    {
        var names = LandscapeBuilder.InitialNames(_fx.P);
        Assert.Equal(_fx.S.Factions.Name.Take(_fx.S.Factions.Count), names);
    }

    [Fact]
    public void Build_Year2007_GivesTheEightNamed2007Cartels()
    {
        var p = new ModelParameters
        {
            Factions = new FactionParameters { Landscape = Landscape.Year2007, InitialMembers = 20_000 },
            Territory = new TerritoryParameters { SpinUpWeeks = 0 },
        };
        var s = new Simulation(p, 5).State;
        Assert.Equal(8, s.Factions.Count);
        Assert.Equal(NamedGroups.Year2007.Select(g => g.Name), s.Factions.Name.Take(8));
        Assert.Equal(LandscapeBuilder.InitialNames(p), s.Factions.Name.Take(8));
        Assert.Equal(20_000, s.CountMembers().Active);
        for (int f = 0; f < 8; f++)
        {
            int size = TestModels.ActiveMembers(s, f);
            Assert.InRange(size, 20_000 * NamedGroups.Year2007[f].Share - 1, 20_000 * NamedGroups.Year2007[f].Share + 1);
            Assert.Equal(s.World.FindRegion(NamedGroups.Year2007[f].Home), s.Factions.HomeRegion[f]);
        }
        // only the known 2007 relations
        int rivals = 0, allies = 0;
        for (int a = 0; a < 8; a++) for (int b = a + 1; b < 8; b++)
        {
            if (s.Factions.Rivalry[s.Factions.Pair(a, b)] > 0) rivals++;
            if (s.Factions.Alliance[s.Factions.Pair(a, b)] > 0) allies++;
        }
        Assert.Equal(NamedGroups.Year2007Rivalries.Count, rivals);
        Assert.Equal(NamedGroups.Year2007Alliances.Count, allies);
    }

    [Fact]
    public void Build_UserInitialFactions_UsedAsGiven()
    {
        var data = new InitialFactionData(
            new[] { new FactionSpec("Los Alfa", "Jalisco", 300), new FactionSpec("Beta Ñ", "Sinaloa", 120), new FactionSpec("Gamma", "Oaxaca", 45) },
            new[] { new RelationSpec("Los Alfa", "Beta Ñ", 2.5), new RelationSpec("Gamma", "Nobody", 1) },
            new[] { new RelationSpec("Beta Ñ", "Gamma", 0.75) });
        var p = new ModelParameters
        {
            InitialFactions = data,
            Factions = new FactionParameters { RivalryEdges = 90, AllianceEdges = 90 },
            Territory = new TerritoryParameters { SpinUpWeeks = 0 },
        };
        var s = new Simulation(p, 9).State;
        var F = s.Factions;
        Assert.Equal(3, F.Count);
        Assert.Equal(new[] { "Los Alfa", "Beta Ñ", "Gamma" }, F.Name.Take(3));
        Assert.Equal(LandscapeBuilder.InitialNames(p), F.Name.Take(3));
        Assert.Equal(300, TestModels.ActiveMembers(s, 0));
        Assert.Equal(120, TestModels.ActiveMembers(s, 1));
        Assert.Equal(45, TestModels.ActiveMembers(s, 2));
        Assert.Equal(465, s.CountMembers().Active);
        Assert.Equal(s.World.FindRegion("Jalisco"), F.HomeRegion[0]);
        Assert.Equal(s.World.FindRegion("Sinaloa"), F.HomeRegion[1]);
        Assert.Equal(2.5, F.Rivalry[F.Pair(0, 1)]);
        Assert.Equal(2.5, F.Rivalry[F.Pair(1, 0)]);
        Assert.Equal(0.75, F.Alliance[F.Pair(1, 2)]);
        Assert.Equal(0.75, F.Alliance[F.Pair(2, 1)]);
        // nothing generated on top of the user's networks
        Assert.Equal(1, EdgeCount(F, F.Rivalry));
        Assert.Equal(1, EdgeCount(F, F.Alliance));
        Assert.Equal(1 / 1.75, F.InvAlly[1], 12);
    }
}
