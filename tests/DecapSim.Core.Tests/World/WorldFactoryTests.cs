using DecapSim.Core.Parameters;
using DecapSim.Core.Random;
using DecapSim.Core.World;

namespace DecapSim.Core.Tests.World;

public class WorldFactoryTests
{
    [Theory]
    [InlineData(WorldKind.Mexico, 2469, 32)]
    [InlineData(WorldKind.Grid, 12, 3)]
    [InlineData(WorldKind.WellMixed, 1, 1)]
    public void Build_Kind_DispatchesToBuilder(WorldKind kind, int cells, int regions)
    {
        var w = WorldFactory.Build(new WorldParameters { Kind = kind, Width = 4, Height = 3 }, new StreamRng(3));
        Assert.Equal(cells, w.CellCount);
        Assert.Equal(regions, w.RegionCount);
    }

    [Fact]
    public void Build_WellMixed_IsOneCellWithNationalPopulation()
    {
        var w = WellMixedWorldBuilder.Build(new WorldParameters { Kind = WorldKind.WellMixed }, new StreamRng(1));
        Assert.Equal(1, w.CellCount);
        Assert.Equal(126_014_024, w.Population[0]);
        Assert.Equal(new[] { 0, 0 }, w.AdjacencyStart);
        Assert.Empty(w.Adjacency);
        Assert.Equal("Well-mixed", w.RegionNames[0]);
        Assert.Empty(w.RegionNeighbours[0]);
        Assert.Equal(1.0, w.RouteWeight[0]);
    }
}
