using DecapSim.Core.Parameters;
using DecapSim.Core.Random;

namespace DecapSim.Core.World;

/// <summary>
/// Builds the abstract <c>grid</c> world: a W x H lattice with 4-neighbour adjacency, row 0 on the US
/// border, ports on the left and right edges, lognormal populations and route weights falling with the
/// distance from the border and the ports. Regions are horizontal bands.
/// </summary>
/// <remarks>Arrays only (no per-cell objects), so a 1000 x 1000 grid builds in well under a second.
/// Cell index = row * W + col; x = col, y = row (row 0 at the top).</remarks>
public static class GridWorldBuilder
{
    /// <summary>Log-scale standard deviation of cell populations.</summary>
    public const double PopulationSigma = 1.0;
    /// <summary>Most bands (regions) a grid is split into.</summary>
    public const int MaxBands = 32;

    /// <summary>Builds a <paramref name="p"/>.Width x <paramref name="p"/>.Height grid world.</summary>
    public static World Build(WorldParameters p, StreamRng rng)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(rng);
        int w = p.Width, h = p.Height;
        if (w < 1 || h < 1) throw new ArgumentOutOfRangeException(nameof(p), $"grid must be at least 1 x 1, got {w} x {h}");
        if (p.GridMeanPopulation <= 0) throw new ArgumentOutOfRangeException(nameof(p), "GridMeanPopulation must be positive");
        long nl = (long)w * h;
        if (nl > int.MaxValue / 4) throw new ArgumentOutOfRangeException(nameof(p), $"grid {w} x {h} is too large");
        int n = (int)nl;

        var x = new float[n];
        var y = new float[n];
        var isBorder = new bool[n];
        var isPort = new bool[n];
        var region = new int[n];
        int bands = Math.Min(MaxBands, h);
        for (int r = 0, c = 0; r < h; r++)
        {
            int band = (int)((long)r * bands / h);
            for (int col = 0; col < w; col++, c++)
            {
                x[c] = col;
                y[c] = r;
                region[c] = band;
            }
        }
        for (int col = 0; col < w; col++) isBorder[col] = true;

        var portCells = PlacePorts(w, h, p.Ports, isPort);

        // Populations: lognormal with the requested mean, at least one person per cell.
        double sigma = PopulationSigma;
        double mu = Math.Log(p.GridMeanPopulation) - sigma * sigma / 2;
        var draws = new double[n];
        MathNet.Numerics.Distributions.LogNormal.Samples(rng, draws, mu, sigma);
        var population = new int[n];
        for (int c = 0; c < n; c++) population[c] = (int)Math.Clamp(Math.Round(draws[c]), 1, int.MaxValue);

        // 4-neighbour CSR, neighbours in ascending order (up, left, right, down).
        var start = new int[n + 1];
        for (int r = 0, c = 0; r < h; r++)
            for (int col = 0; col < w; col++, c++)
                start[c + 1] = start[c] + (r > 0 ? 1 : 0) + (col > 0 ? 1 : 0) + (col < w - 1 ? 1 : 0) + (r < h - 1 ? 1 : 0);
        var adjacency = new int[start[n]];
        for (int r = 0, c = 0; r < h; r++)
            for (int col = 0; col < w; col++, c++)
            {
                int k = start[c];
                if (r > 0) adjacency[k++] = c - w;
                if (col > 0) adjacency[k++] = c - 1;
                if (col < w - 1) adjacency[k++] = c + 1;
                if (r < h - 1) adjacency[k++] = c + w;
            }

        var portDistance = PortDistances(n, portCells, start, adjacency);
        double borderDecay = Math.Max(1.0, h / 10.0);
        double portDecay = Math.Max(1.0, Math.Min(w, h) / 10.0);
        var routeWeight = new double[n];
        for (int r = 0, c = 0; r < h; r++)
        {
            // route bonuses (RouteBonuses): a border or port cell multiplies its weight by 1 + the bonus, and the
            // proximity terms decay over a tenth of the height (border) or of the smaller side (ports)
            double borderTerm = RouteBonuses.BorderProximity * Math.Exp(-r / borderDecay);
            for (int col = 0; col < w; col++, c++)
            {
                double portTerm = portDistance[c] < 0 ? 0 : RouteBonuses.PortProximity * Math.Exp(-portDistance[c] / portDecay);
                double flags = 1 + RouteBonuses.Border * (isBorder[c] ? 1 : 0) + RouteBonuses.Port * (isPort[c] ? 1 : 0);
                routeWeight[c] = population[c] / p.GridMeanPopulation * flags * (1 + borderTerm + portTerm);
            }
        }
        WorldBuild.Normalize(routeWeight);

        var names = new string[bands];
        var codes = new string[bands];
        var tiles = new (int Col, int Row)[bands];
        var regionNeighbours = new int[bands][];
        for (int b = 0; b < bands; b++)
        {
            names[b] = $"Band {b + 1}";
            codes[b] = $"B{b + 1}";
            tiles[b] = (0, b);
            var nb = new List<int>(2);
            if (b > 0) nb.Add(b - 1);
            if (b < bands - 1) nb.Add(b + 1);
            regionNeighbours[b] = nb.ToArray();
        }
        return new World(population, routeWeight, region, isBorder, isPort, x, y, start, adjacency,
            names, codes, tiles, regionNeighbours, $"grid: {w}x{h}, {portCells.Count} ports, {bands} bands");
    }

    /// <summary>
    /// Puts ports alternately on the left (col 0) and right (col W-1) edges, spread evenly down each edge.
    /// At most one port per edge cell; row 0 is the border, so ports use rows 1.. when the grid is tall enough.
    /// </summary>
    private static List<int> PlacePorts(int w, int h, int requested, bool[] isPort)
    {
        var cells = new List<int>();
        if (requested <= 0) return cells;
        int sides = w > 1 ? 2 : 1;
        int firstRow = h > 1 ? 1 : 0;
        int usableRows = h - firstRow;
        int total = Math.Min(requested, sides * usableRows);
        for (int side = 0; side < sides; side++)
        {
            int count = total / sides + (side < total % sides ? 1 : 0);
            int col = side == 0 ? 0 : w - 1;
            for (int k = 0; k < count; k++)
            {
                int row = firstRow + (int)((2L * k + 1) * usableRows / (2L * count));
                int c = row * w + col;
                if (!isPort[c]) { isPort[c] = true; cells.Add(c); }
            }
        }
        return cells;
    }

    /// <summary>Graph distance (hops) from every cell to the nearest port; -1 when there are no ports.</summary>
    private static int[] PortDistances(int n, List<int> ports, int[] start, int[] adjacency)
    {
        var dist = new int[n];
        Array.Fill(dist, -1);
        if (ports.Count == 0) return dist;
        var queue = new int[n];
        int head = 0, tail = 0;
        foreach (int c in ports) { dist[c] = 0; queue[tail++] = c; }
        while (head < tail)
        {
            int c = queue[head++];
            int d = dist[c] + 1;
            for (int k = start[c]; k < start[c + 1]; k++)
            {
                int nb = adjacency[k];
                if (dist[nb] < 0) { dist[nb] = d; queue[tail++] = nb; }
            }
        }
        return dist;
    }
}
