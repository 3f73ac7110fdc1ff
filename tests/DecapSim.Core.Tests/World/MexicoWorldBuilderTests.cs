using DecapSim.Core.Parameters;
using DecapSim.Core.Random;
using DecapSim.Core.World;
using WorldModel = DecapSim.Core.World.World;

namespace DecapSim.Core.Tests.World;

public class MexicoWorldBuilderTests
{
    private static readonly WorldModel Mexico = Build(42);

    private static WorldModel Build(ulong seed) => MexicoWorldBuilder.Build(new WorldParameters(), new StreamRng(seed));

    [Fact]
    public void Build_Default_Has2469CellsIn32Regions()
    {
        Assert.Equal(2469, Mexico.CellCount);
        Assert.Equal(32, Mexico.RegionCount);
        Assert.Equal("mexico: 32 states, 2469 municipalities (stylized layout)", Mexico.Description);
    }

    [Fact]
    public void Build_Default_RegionCellCountsMatchMunicipalities()
    {
        for (int r = 0; r < 32; r++)
            Assert.Equal(MexicoStates.All[r].Municipalities2020, Mexico.RegionCells[r].Length);
        Assert.Equal(570, Mexico.RegionCells[Mexico.FindRegion("Oaxaca")].Length);
    }

    [Fact]
    public void Build_Default_PopulationSumsToCensusTotalPerStateAndNationally()
    {
        Assert.Equal(126_014_024L, Mexico.Population.Sum(p => (long)p));
        for (int r = 0; r < 32; r++)
            Assert.Equal(MexicoStates.All[r].Population2020, Mexico.RegionPopulation[r]);
        Assert.All(Mexico.Population, p => Assert.True(p >= 1));
    }

    [Fact]
    public void Build_Default_PopulationIsHeavyTailed()
    {
        // Within Jalisco (125 cells) the largest municipality should be many times the median.
        var pops = Mexico.RegionCells[Mexico.FindRegion("JAL")].Select(c => Mexico.Population[c]).OrderBy(p => p).ToArray();
        Assert.True(pops[^1] > 5.0 * pops[pops.Length / 2], $"max {pops[^1]} median {pops[pops.Length / 2]}");
    }

    [Fact]
    public void Build_Default_AdjacencyIsSymmetric() => Assert.True(WorldAssert.IsSymmetric(Mexico));

    [Fact]
    public void Build_Default_AdjacencyIsConnected() => Assert.Equal(Mexico.CellCount, WorldAssert.ReachableFrom(Mexico, 0));

    [Fact]
    public void Build_Default_CrossStateLinksOnlyBetweenAdjacentStates()
    {
        int crossLinks = 0;
        for (int c = 0; c < Mexico.CellCount; c++)
            foreach (int nb in Mexico.Neighbours(c))
            {
                int a = Mexico.Region[c], b = Mexico.Region[nb];
                if (a == b) continue;
                crossLinks++;
                Assert.Contains(b, Mexico.RegionNeighbours[a]);
            }
        int statePairs = Mexico.RegionNeighbours.Sum(n => n.Length) / 2;
        Assert.True(crossLinks / 2 >= statePairs, $"{crossLinks / 2} links for {statePairs} state pairs");
        Assert.True(crossLinks / 2 <= MexicoWorldBuilder.LinksPerStatePair * statePairs);
    }

    [Fact]
    public void Build_Default_EveryAdjacentStatePairIsLinked()
    {
        for (int a = 0; a < 32; a++)
            foreach (int b in Mexico.RegionNeighbours[a])
                Assert.Contains(Mexico.RegionCells[a], c => Mexico.Neighbours(c).ToArray().Any(nb => Mexico.Region[nb] == b));
    }

    [Fact]
    public void Build_Default_BorderFlagsOnlyInTheSixBorderStates()
    {
        var borderStates = Enumerable.Range(0, Mexico.CellCount).Where(c => Mexico.IsBorder[c])
            .Select(c => Mexico.RegionCodes[Mexico.Region[c]]).Distinct().OrderBy(s => s).ToArray();
        Assert.Equal(new[] { "BC", "CHIH", "COAH", "NL", "SON", "TAMS" }, borderStates);
    }

    [Fact]
    public void Build_Default_BorderCellsAreTheNorthernmostOfTheirState()
    {
        for (int c = 0; c < Mexico.CellCount; c++)
        {
            if (!Mexico.IsBorder[c]) continue;
            float minY = Mexico.RegionCells[Mexico.Region[c]].Min(k => Mexico.Y[k]);
            Assert.Equal(minY, Mexico.Y[c]);
        }
    }

    [Fact]
    public void Build_Default_PortCellsInPortStatesOnly()
    {
        for (int r = 0; r < 32; r++)
        {
            int ports = Mexico.RegionCells[r].Count(c => Mexico.IsPort[c]);
            var st = MexicoStates.All[r];
            Assert.Equal(st.PortCells, ports);
        }
        Assert.Contains(Mexico.RegionCells[Mexico.FindRegion("COL")], c => Mexico.IsPort[c]);
        Assert.DoesNotContain(Mexico.RegionCells[Mexico.FindRegion("AGS")], c => Mexico.IsPort[c]);
    }

    [Fact]
    public void Build_Default_RouteWeightsSumToOneAndFavourBorderAndPorts()
    {
        Assert.Equal(1.0, Mexico.RouteWeight.Sum(), 9);
        Assert.All(Mexico.RouteWeight, w => Assert.True(w > 0));
        // per-person comparisons hold where route weight is proportional to population
        var linear = MexicoWorldBuilder.Build(new WorldParameters { RoutePopulationExponent = 1 }, new StreamRng(42));
        // Per person, border and port cells carry more route weight than inland cells far from both.
        double PerCapita(Func<int, bool> pick)
        {
            var cells = Enumerable.Range(0, linear.CellCount).Where(pick).ToArray();
            return cells.Sum(c => linear.RouteWeight[c]) / cells.Sum(c => (double)linear.Population[c]);
        }
        double border = PerCapita(c => linear.IsBorder[c]);
        double port = PerCapita(c => linear.IsPort[c]);
        int zac = linear.FindRegion("ZAC"), ags = linear.FindRegion("AGS");
        double inland = PerCapita(c => linear.Region[c] == zac || linear.Region[c] == ags);
        Assert.True(border > 4 * inland, $"border {border} inland {inland}");
        Assert.True(port > 3 * inland, $"port {port} inland {inland}");
    }

    [Fact]
    public void Build_PopulationExponentBelowOne_LowersTheCapitalsRouteShare()
    {
        double Share(double exponent, string code)
        {
            var w = MexicoWorldBuilder.Build(new WorldParameters { RoutePopulationExponent = exponent }, new StreamRng(42));
            return w.RegionCells[w.FindRegion(code)].Sum(c => w.RouteWeight[c]);
        }
        Assert.True(Share(0.8, "CDMX") < 0.8 * Share(1.0, "CDMX"));
        Assert.True(Share(0.8, "BC") > Share(0.8, "CDMX"), "the border state outweighs the capital as a route");
    }

    [Fact]
    public void Build_Default_LayoutPutsNorthUpAndWestLeft()
    {
        double MeanY(string code) => Mexico.RegionCells[Mexico.FindRegion(code)].Average(c => (double)Mexico.Y[c]);
        double MeanX(string code) => Mexico.RegionCells[Mexico.FindRegion(code)].Average(c => (double)Mexico.X[c]);
        Assert.True(MeanY("CHIH") < MeanY("OAX"));
        Assert.True(MeanX("BC") < MeanX("YUC"));
        Assert.InRange(MeanX("JAL"), -104.5, -102.5);
        Assert.InRange(MeanY("JAL"), -21.5, -19.5);
    }

    [Fact]
    public void Build_Default_StateLatticesDoNotOverlap()
    {
        (float x0, float x1, float y0, float y1) Box(int r)
        {
            var cells = Mexico.RegionCells[r];
            return (cells.Min(c => Mexico.X[c]), cells.Max(c => Mexico.X[c]), cells.Min(c => Mexico.Y[c]), cells.Max(c => Mexico.Y[c]));
        }
        for (int a = 0; a < 32; a++)
            for (int b = a + 1; b < 32; b++)
            {
                var (ax0, ax1, ay0, ay1) = Box(a);
                var (bx0, bx1, by0, by1) = Box(b);
                bool overlap = ax0 <= bx1 && bx0 <= ax1 && ay0 <= by1 && by0 <= ay1;
                Assert.False(overlap, $"{Mexico.RegionCodes[a]} overlaps {Mexico.RegionCodes[b]}");
            }
    }

    [Fact]
    public void Build_Default_StatesStayNearTheirCentroids()
    {
        for (int r = 0; r < 32; r++)
        {
            var st = MexicoStates.All[r];
            double mx = Mexico.RegionCells[r].Average(c => (double)Mexico.X[c]);
            double my = Mexico.RegionCells[r].Average(c => (double)Mexico.Y[c]);
            Assert.True(Math.Abs(mx - st.Longitude) < 1.2 && Math.Abs(my + st.Latitude) < 1.2, $"{st.Code} at ({mx:F2},{my:F2})");
        }
        double MeanX(string code) => Mexico.RegionCells[Mexico.FindRegion(code)].Average(c => (double)Mexico.X[c]);
        Assert.True(MeanX("TLAX") > MeanX("CDMX"));
    }

    [Fact]
    public void Build_Default_RegionMetadataMatchesStates()
    {
        Assert.Equal(MexicoStates.All.Select(s => s.Name), Mexico.RegionNames);
        Assert.Equal(MexicoStates.All.Select(s => s.Code), Mexico.RegionCodes);
        Assert.Equal(32, Mexico.RegionTiles.Distinct().Count());
        Assert.Equal(Mexico.FindRegion("Michoacan"), Mexico.FindRegion("MICH"));
    }

    [Fact]
    public void Build_SameSeed_GivesIdenticalArrays()
    {
        var a = Build(7);
        var b = Build(7);
        Assert.Equal(a.Population, b.Population);
        Assert.Equal(a.RouteWeight, b.RouteWeight);
        Assert.Equal(a.Adjacency, b.Adjacency);
        Assert.Equal(a.AdjacencyStart, b.AdjacencyStart);
        Assert.Equal(a.X, b.X);
        Assert.Equal(a.IsPort, b.IsPort);
    }

    [Fact]
    public void Build_DifferentSeed_GivesDifferentPopulationsSameGeography()
    {
        var a = Build(7);
        var b = Build(8);
        Assert.NotEqual(a.Population, b.Population);
        Assert.Equal(a.RegionPopulation, b.RegionPopulation);
        Assert.Equal(a.Adjacency, b.Adjacency);
    }
}
