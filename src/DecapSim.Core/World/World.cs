namespace DecapSim.Core.World;

/// <summary>
/// The static geography: cells (municipalities or grid squares) in a graph, grouped into regions
/// (Mexican states, or bands of the grid). Immutable after construction; dynamic cell state lives in
/// <see cref="DecapSim.Core.State.CellState"/>.
/// </summary>
public sealed class World
{
    /// <summary>Number of cells.</summary>
    public int CellCount { get; }
    /// <summary>Population of each cell (people).</summary>
    public int[] Population { get; }
    /// <summary>Relative route weight of each cell; route values in USD are these weights scaled to the national total.</summary>
    public double[] RouteWeight { get; }
    /// <summary>Region id of each cell.</summary>
    public int[] Region { get; }
    /// <summary>True for cells on the US border.</summary>
    public bool[] IsBorder { get; }
    /// <summary>True for cells with a sea port.</summary>
    public bool[] IsPort { get; }
    /// <summary>Layout coordinates (for maps; arbitrary units, x east, y south).</summary>
    public float[] X { get; }
    /// <summary>Layout coordinates (for maps; arbitrary units, x east, y south).</summary>
    public float[] Y { get; }
    /// <summary>Adjacency in CSR form: neighbours of c are Adjacency[AdjacencyStart[c]..AdjacencyStart[c+1]].</summary>
    public int[] AdjacencyStart { get; }
    /// <summary>Adjacency targets (see <see cref="AdjacencyStart"/>).</summary>
    public int[] Adjacency { get; }
    /// <summary>Region names (e.g. "Jalisco").</summary>
    public string[] RegionNames { get; }
    /// <summary>Region short codes (e.g. "JAL").</summary>
    public string[] RegionCodes { get; }
    /// <summary>Tile-map position of each region (column, row) for small maps.</summary>
    public (int Col, int Row)[] RegionTiles { get; }
    /// <summary>Regions adjacent to each region.</summary>
    public int[][] RegionNeighbours { get; }
    /// <summary>Number of regions.</summary>
    public int RegionCount => RegionNames.Length;
    /// <summary>Population of each region.</summary>
    public long[] RegionPopulation { get; }
    /// <summary>Population of the whole world.</summary>
    public long TotalPopulation { get; }
    /// <summary>Cells of each region.</summary>
    public int[][] RegionCells { get; }
    /// <summary>A short description, e.g. "mexico: 32 states, 2469 cells".</summary>
    public string Description { get; }

    /// <summary>Builds a world and checks its arrays agree in length and its adjacency is symmetric.</summary>
    public World(int[] population, double[] routeWeight, int[] region, bool[] isBorder, bool[] isPort,
        float[] x, float[] y, int[] adjacencyStart, int[] adjacency, string[] regionNames, string[] regionCodes,
        (int Col, int Row)[] regionTiles, int[][] regionNeighbours, string description)
    {
        CellCount = population.Length;
        int n = CellCount;
        if (routeWeight.Length != n || region.Length != n || isBorder.Length != n || isPort.Length != n || x.Length != n || y.Length != n)
            throw new ArgumentException("cell arrays differ in length");
        if (adjacencyStart.Length != n + 1) throw new ArgumentException("adjacencyStart must have CellCount+1 entries");
        if (regionCodes.Length != regionNames.Length || regionTiles.Length != regionNames.Length || regionNeighbours.Length != regionNames.Length)
            throw new ArgumentException("region arrays differ in length");
        Population = population; RouteWeight = routeWeight; Region = region; IsBorder = isBorder; IsPort = isPort;
        X = x; Y = y; AdjacencyStart = adjacencyStart; Adjacency = adjacency;
        RegionNames = regionNames; RegionCodes = regionCodes; RegionTiles = regionTiles; RegionNeighbours = regionNeighbours;
        Description = description;
        RegionPopulation = new long[regionNames.Length];
        var counts = new int[regionNames.Length];
        for (int c = 0; c < n; c++)
        {
            if ((uint)region[c] >= (uint)regionNames.Length) throw new ArgumentException($"cell {c} has region {region[c]} out of range");
            RegionPopulation[region[c]] += population[c];
            TotalPopulation += population[c];
            counts[region[c]]++;
        }
        RegionCells = new int[regionNames.Length][];
        for (int r = 0; r < counts.Length; r++) { RegionCells[r] = new int[counts[r]]; counts[r] = 0; }
        for (int c = 0; c < n; c++) RegionCells[region[c]][counts[region[c]]++] = c;
    }

    /// <summary>Neighbours of a cell.</summary>
    public ReadOnlySpan<int> Neighbours(int cell) => Adjacency.AsSpan(AdjacencyStart[cell], AdjacencyStart[cell + 1] - AdjacencyStart[cell]);

    /// <summary>Mean number of neighbours per cell.</summary>
    public double MeanDegree => CellCount == 0 ? 0 : (double)Adjacency.Length / CellCount;

    /// <summary>Region id by name or code (case- and accent-insensitive), or -1.</summary>
    public int FindRegion(string nameOrCode)
    {
        string k = Normalize(nameOrCode);
        for (int r = 0; r < RegionNames.Length; r++)
            if (Normalize(RegionNames[r]) == k || Normalize(RegionCodes[r]) == k) return r;
        return -1;
    }

    /// <summary>Lower-case, accents removed, for name matching.</summary>
    /// <remarks>Does not rely on Unicode normalization: with InvariantGlobalization (set for these
    /// projects) <see cref="string.Normalize()"/> may leave accented letters composed, so the Latin-1
    /// accented letters are mapped explicitly.</remarks>
    public static string Normalize(string s)
    {
        var t = s.Trim();
        var sb = new System.Text.StringBuilder(t.Length);
        foreach (var ch in t)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            sb.Append(StripAccent(char.ToLowerInvariant(ch)));
        }
        return sb.ToString();
    }

    private static char StripAccent(char c) => c switch
    {
        'á' or 'à' or 'â' or 'ä' or 'ã' or 'å' => 'a',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'í' or 'ì' or 'î' or 'ï' => 'i',
        'ó' or 'ò' or 'ô' or 'ö' or 'õ' => 'o',
        'ú' or 'ù' or 'û' or 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' or 'ÿ' => 'y',
        _ => c,
    };
}
