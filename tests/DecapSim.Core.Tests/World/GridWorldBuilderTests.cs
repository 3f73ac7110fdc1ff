using System.Diagnostics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Random;
using DecapSim.Core.World;
using WorldModel = DecapSim.Core.World.World;

namespace DecapSim.Core.Tests.World;

public class GridWorldBuilderTests
{
    private static WorldModel Build(int w, int h, int ports = 4, ulong seed = 1, double mean = 50_000)
        => GridWorldBuilder.Build(new WorldParameters { Kind = WorldKind.Grid, Width = w, Height = h, Ports = ports, GridMeanPopulation = mean }, new StreamRng(seed));

    [Fact]
    public void Build_SmallGrid_IsSymmetricAndConnected()
    {
        var g = Build(13, 7);
        Assert.Equal(91, g.CellCount);
        Assert.True(WorldAssert.IsSymmetric(g));
        Assert.Equal(g.CellCount, WorldAssert.ReachableFrom(g, 0));
    }

    [Fact]
    public void Build_SmallGrid_NeighboursAreTheFourLatticeNeighbours()
    {
        var g = Build(5, 4);
        int c = 2 * 5 + 3; // row 2, col 3
        Assert.Equal(new[] { c - 5, c - 1, c + 1, c + 5 }, g.Neighbours(c).ToArray());
        Assert.Equal(new[] { 1, 5 }, g.Neighbours(0).ToArray());
    }

    [Fact]
    public void Build_Grid_BorderIsRowZero()
    {
        var g = Build(10, 6);
        for (int c = 0; c < g.CellCount; c++) Assert.Equal(c < 10, g.IsBorder[c]);
    }

    [Fact]
    public void Build_FourPorts_OnLeftAndRightEdges()
    {
        var g = Build(20, 20, ports: 4);
        var ports = Enumerable.Range(0, g.CellCount).Where(c => g.IsPort[c]).ToArray();
        Assert.Equal(4, ports.Length);
        Assert.All(ports, c => Assert.True(c % 20 == 0 || c % 20 == 19));
        Assert.Equal(2, ports.Count(c => c % 20 == 0));
        Assert.All(ports, c => Assert.False(g.IsBorder[c]));
    }

    [Fact]
    public void Build_MorePortsThanEdgeCells_ClampsToDistinctCells()
    {
        var g = Build(3, 3, ports: 100);
        Assert.Equal(4, g.IsPort.Count(b => b)); // rows 1..2 on both edges
    }

    [Fact]
    public void Build_Grid_PopulationMeanNearRequested()
    {
        var g = Build(200, 200, mean: 10_000);
        double mean = g.Population.Average(p => (double)p);
        Assert.InRange(mean, 9_500, 10_500);
        Assert.True(g.Population.Max() > 10 * mean); // heavy tail
        Assert.All(g.Population, p => Assert.True(p >= 1));
    }

    [Fact]
    public void Build_Grid_RouteWeightFallsWithDistanceFromBorder()
    {
        var g = Build(100, 100, ports: 0);
        Assert.Equal(1.0, g.RouteWeight.Sum(), 9);
        double RowPerCapita(int r) => Enumerable.Range(r * 100, 100).Sum(c => g.RouteWeight[c]) / Enumerable.Range(r * 100, 100).Sum(c => (double)g.Population[c]);
        Assert.True(RowPerCapita(0) > RowPerCapita(10));
        Assert.True(RowPerCapita(10) > RowPerCapita(90));
    }

    [Fact]
    public void Build_Grid_PortCellsCarryMoreWeightPerCapita()
    {
        var g = Build(100, 100, ports: 10);
        double port = 0, portPop = 0, inner = 0, innerPop = 0;
        for (int c = 0; c < g.CellCount; c++)
        {
            int row = c / 100, col = c % 100;
            if (g.IsPort[c]) { port += g.RouteWeight[c]; portPop += g.Population[c]; }
            else if (row > 50 && col > 30 && col < 70) { inner += g.RouteWeight[c]; innerPop += g.Population[c]; }
        }
        Assert.True(port / portPop > 3 * inner / innerPop);
    }

    [Fact]
    public void Build_Grid_RegionsAreBands()
    {
        var g = Build(10, 100);
        Assert.Equal(32, g.RegionCount);
        Assert.Equal("Band 1", g.RegionNames[0]);
        Assert.Equal("B32", g.RegionCodes[31]);
        Assert.Equal(0, g.Region[0]);
        Assert.Equal(31, g.Region[g.CellCount - 1]);
        Assert.Equal((0, 5), g.RegionTiles[5]);
        Assert.Equal(new[] { 4, 6 }, g.RegionNeighbours[5]);
        var small = Build(4, 3);
        Assert.Equal(3, small.RegionCount);
        Assert.Equal(new[] { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2 }, small.Region);
    }

    [Fact]
    public void Build_SameSeed_GivesIdenticalArrays()
    {
        var a = Build(30, 20, seed: 5);
        var b = Build(30, 20, seed: 5);
        Assert.Equal(a.Population, b.Population);
        Assert.Equal(a.RouteWeight, b.RouteWeight);
        Assert.Equal(a.Adjacency, b.Adjacency);
    }

    [Fact]
    public void Build_DifferentSeed_GivesDifferentPopulations()
        => Assert.NotEqual(Build(30, 20, seed: 5).Population, Build(30, 20, seed: 6).Population);

    [Fact]
    public void Build_OneByOne_IsASingleIsolatedCell()
    {
        var g = Build(1, 1, ports: 3);
        Assert.Equal(1, g.CellCount);
        Assert.Empty(g.Adjacency);
        Assert.True(g.IsBorder[0]);
    }

    [Fact]
    public void Build_Million_HasCorrectDegrees()
    {
        var sw = Stopwatch.StartNew();
        var g = Build(1000, 1000);
        sw.Stop();
        Assert.Equal(1_000_000, g.CellCount);
        Assert.Equal(2 * (999 * 1000 + 1000 * 999), g.Adjacency.Length);
        int Degree(int c) => g.AdjacencyStart[c + 1] - g.AdjacencyStart[c];
        Assert.Equal(2, Degree(0));
        Assert.Equal(2, Degree(999));
        Assert.Equal(2, Degree(999_000));
        Assert.Equal(2, Degree(999_999));
        Assert.Equal(3, Degree(500));
        Assert.Equal(3, Degree(500 * 1000));
        Assert.Equal(3, Degree(500 * 1000 + 999));
        Assert.Equal(3, Degree(999_500));
        Assert.Equal(4, Degree(500_500));
        int fours = 0;
        for (int c = 0; c < g.CellCount; c++) if (Degree(c) == 4) fours++;
        Assert.Equal(998 * 998, fours);
        Assert.True(WorldAssert.IsSymmetric(g));
    }
}
