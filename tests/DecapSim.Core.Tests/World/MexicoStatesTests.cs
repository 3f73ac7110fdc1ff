using DecapSim.Core.World;

namespace DecapSim.Core.Tests.World;

public class MexicoStatesTests
{
    private static readonly IReadOnlyList<StateInfo> States = MexicoStates.All;

    [Fact]
    public void All_Count_Is32() => Assert.Equal(32, States.Count);

    [Fact]
    public void All_Municipalities_SumTo2469()
    {
        Assert.Equal(2469, States.Sum(s => s.Municipalities2020));
        Assert.Equal(MexicoStates.TotalMunicipalities, States.Sum(s => s.Municipalities2020));
    }

    [Fact]
    public void All_Populations_SumToCensus2020Total()
    {
        Assert.Equal(126_014_024L, States.Sum(s => (long)s.Population2020));
        Assert.Equal(MexicoStates.TotalPopulation, States.Sum(s => (long)s.Population2020));
    }

    [Theory]
    [InlineData("OAX", 570, 4_132_148)]
    [InlineData("JAL", 125, 8_348_151)]
    [InlineData("MEX", 125, 16_992_418)]
    [InlineData("CDMX", 16, 9_209_944)]
    [InlineData("GRO", 81, 3_540_685)]
    [InlineData("BCS", 5, 798_447)]
    public void IndexOf_KnownState_HasCensusFigures(string code, int municipalities, int population)
    {
        var s = States[MexicoStates.IndexOf(code)];
        Assert.Equal(municipalities, s.Municipalities2020);
        Assert.Equal(population, s.Population2020);
    }

    [Theory]
    [InlineData("Michoacan", "MICH")]
    [InlineData("nuevo leon", "NL")]
    [InlineData("Ciudad de México", "CDMX")]
    [InlineData("San Luis Potosi", "SLP")]
    [InlineData("México", "MEX")]
    public void IndexOf_NameWithOrWithoutAccents_FindsState(string name, string code)
        => Assert.Equal(code, States[MexicoStates.IndexOf(name)].Code);

    [Fact]
    public void IndexOf_Unknown_ReturnsMinusOne() => Assert.Equal(-1, MexicoStates.IndexOf("Texas"));

    [Fact]
    public void All_NamesAndCodes_AreUniqueAndInInegiOrder()
    {
        Assert.Equal(32, States.Select(s => s.Code).Distinct().Count());
        Assert.Equal(32, States.Select(s => s.Name).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 32), States.Select(s => s.InegiCode));
        Assert.Contains(States, s => s.Name == "Yucatán");
        Assert.Contains(States, s => s.Name == "Querétaro");
    }

    [Fact]
    public void NeighbourIndices_Adjacency_IsSymmetricWithoutSelfLoops()
    {
        var nb = MexicoStates.NeighbourIndices();
        for (int s = 0; s < nb.Length; s++)
        {
            Assert.DoesNotContain(s, nb[s]);
            Assert.Equal(nb[s].Length, nb[s].Distinct().Count());
            foreach (int t in nb[s]) Assert.Contains(s, nb[t]);
        }
    }

    [Fact]
    public void NeighbourIndices_EveryState_HasANeighbour()
    {
        var nb = MexicoStates.NeighbourIndices();
        Assert.All(nb, n => Assert.NotEmpty(n));
        int bcs = MexicoStates.IndexOf("BCS");
        Assert.Equal(new[] { MexicoStates.IndexOf("BC") }, nb[bcs]);
    }

    [Theory]
    [InlineData("JAL", "MICH", true)]
    [InlineData("CDMX", "MOR", true)]
    [InlineData("SIN", "SON", true)]
    [InlineData("CHIS", "GRO", false)]
    [InlineData("YUC", "TAB", false)]
    [InlineData("BC", "SIN", false)]
    public void NeighbourIndices_KnownPair_MatchesGeography(string a, string b, bool adjacent)
    {
        var nb = MexicoStates.NeighbourIndices();
        Assert.Equal(adjacent, nb[MexicoStates.IndexOf(a)].Contains(MexicoStates.IndexOf(b)));
    }

    [Fact]
    public void All_UsBorderStates_AreTheSix()
    {
        var border = States.Where(s => s.UsBorder).Select(s => s.Code).OrderBy(c => c).ToArray();
        Assert.Equal(new[] { "BC", "CHIH", "COAH", "NL", "SON", "TAMS" }, border);
    }

    [Fact]
    public void All_Ports_IncludeMainCargoPorts()
    {
        foreach (var code in new[] { "COL", "MICH", "SIN", "BC", "OAX" })
            Assert.True(States[MexicoStates.IndexOf(code)].PacificPort, code);
        foreach (var code in new[] { "VER", "TAMS", "YUC" })
            Assert.True(States[MexicoStates.IndexOf(code)].GulfPort, code);
        foreach (var code in new[] { "AGS", "CDMX", "DGO", "ZAC", "MEX" })
            Assert.False(States[MexicoStates.IndexOf(code)].IsPortState, code);
        Assert.All(States, s => Assert.Equal(s.IsPortState, s.PortCells > 0));
    }

    [Fact]
    public void All_Tiles_AreUniqueAndInsideTheMap()
    {
        Assert.Equal(32, States.Select(s => (s.TileCol, s.TileRow)).Distinct().Count());
        Assert.All(States, s =>
        {
            Assert.InRange(s.TileCol, 0, MexicoStates.TileColumns - 1);
            Assert.InRange(s.TileRow, 0, MexicoStates.TileRows - 1);
        });
    }

    [Fact]
    public void All_Tiles_FollowGeography()
    {
        var bc = States[MexicoStates.IndexOf("BC")];
        Assert.Equal((0, 0), (bc.TileCol, bc.TileRow));
        int maxRow = States.Max(s => s.TileRow), maxCol = States.Max(s => s.TileCol);
        Assert.Equal(maxRow, States[MexicoStates.IndexOf("CHIS")].TileRow);
        Assert.Equal(maxCol, States[MexicoStates.IndexOf("QROO")].TileCol);
        Assert.True(States[MexicoStates.IndexOf("YUC")].TileCol > States[MexicoStates.IndexOf("VER")].TileCol);
    }

    [Fact]
    public void All_Centroids_AreInsideMexico()
    {
        Assert.All(States, s =>
        {
            Assert.InRange(s.Latitude, 14.5, 32.7);
            Assert.InRange(s.Longitude, -117.2, -86.7);
        });
        // Chihuahua is north of Oaxaca, Baja California west of Yucatán.
        Assert.True(States[MexicoStates.IndexOf("CHIH")].Latitude > States[MexicoStates.IndexOf("OAX")].Latitude);
        Assert.True(States[MexicoStates.IndexOf("BC")].Longitude < States[MexicoStates.IndexOf("YUC")].Longitude);
    }
}
