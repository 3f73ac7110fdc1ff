using DecapSim.Core.Parameters;
using DecapSim.Core.Random;

namespace DecapSim.Core.World;

/// <summary>
/// Builds the stylized <c>mexico</c> world: the 32 states of <see cref="MexicoStates"/>, each split into its
/// 2020-census number of municipalities laid out as a near-square lattice around the state's centroid.
/// </summary>
/// <remarks>
/// A stylized map, not GIS: lattices are squares of about 0.64 times the state's area, pushed apart where
/// they would overlap, so shapes and borders are
/// approximate. Coordinates: x = longitude (degrees east), y = -latitude (so y grows southward).
/// Municipal populations are lognormal draws scaled to the state's census total; route weights are
/// highest on the US border, at ports and near them, and sum to one.
/// </remarks>
public static class MexicoWorldBuilder
{
    /// <summary>Log-scale standard deviation of municipal populations within a state.</summary>
    /// <remarks>Mexican municipal populations span about 100 to 1.9 million; a log-sd near 1.4 gives that spread.</remarks>
    public const double MunicipalitySigma = 1.4;

    /// <summary>Cross-state links per pair of adjacent states (nearest distinct cell pairs).</summary>
    public const int LinksPerStatePair = 3;

    /// <summary>Extra route weight (per person, relative to 1 inland) of a border cell.</summary>
    public const double BorderBonus = 4;
    /// <summary>Extra route weight (per person, relative to 1 inland) of a port cell.</summary>
    public const double PortBonus = 3;
    /// <summary>Extra route weight (per person) near the border, decaying over <see cref="BorderDecayKm"/>.</summary>
    public const double BorderProximity = 2;
    /// <summary>Extra route weight (per person) near a port, decaying over <see cref="PortDecayKm"/>.</summary>
    public const double PortProximity = 1;
    /// <summary>Decay length of the border proximity term (km).</summary>
    public const double BorderDecayKm = 250;
    /// <summary>Decay length of the port proximity term (km).</summary>
    public const double PortDecayKm = 150;

    /// <summary>Cell spacing as a share of sqrt(state area / municipalities): below 1 so the square lattices,
    /// smaller than the real states, interlock less and need smaller pushes apart.</summary>
    public const double LatticeScale = 0.8;

    private const double KmPerDegreeLat = 110.57;
    private const double KmPerDegreeLonEquator = 111.32;
    // cos(23.5°): one east-west scale for distances across the whole country.
    private const double MeanCosLat = 0.917;

    /// <summary>Builds the mexico world. Only populations depend on <paramref name="rng"/>.</summary>
    public static World Build(WorldParameters p, StreamRng rng)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(rng);
        var states = MexicoStates.All;
        int stateCount = states.Count;
        int n = 0;
        foreach (var s in states) n += s.Municipalities2020;

        var population = new int[n];
        var region = new int[n];
        var isBorder = new bool[n];
        var isPort = new bool[n];
        var x = new float[n];
        var y = new float[n];
        var stateStart = new int[stateCount + 1];
        var edges = new List<(int, int)>(2 * n + 300);

        int cell = 0;
        for (int s = 0; s < stateCount; s++)
        {
            var st = states[s];
            int m = st.Municipalities2020;
            stateStart[s] = cell;
            int cols = (int)Math.Ceiling(Math.Sqrt(m));
            int rows = (m + cols - 1) / cols;
            double spacingKm = LatticeScale * Math.Sqrt(st.AreaKm2 / m);
            double dx = spacingKm / (KmPerDegreeLonEquator * Math.Cos(st.Latitude * Math.PI / 180));
            double dy = spacingKm / KmPerDegreeLat;

            for (int k = 0; k < m; k++)
            {
                int i = k % cols, j = k / cols;
                int c = cell + k;
                region[c] = s;
                x[c] = (float)(st.Longitude + (i - (cols - 1) / 2.0) * dx);
                y[c] = (float)(-st.Latitude + (j - (rows - 1) / 2.0) * dy);
                if (i + 1 < cols && k + 1 < m) edges.Add((c, c + 1));
                if (k + cols < m) edges.Add((c, c + cols));
            }

            if (st.UsBorder)
            {
                // The northern edge (top row) faces the US; a share of it is border.
                int top = Math.Min(cols, m);
                int count = Math.Clamp((int)Math.Round(top * st.BorderShare), 1, top);
                int first = (top - count) / 2;
                for (int k = first; k < first + count; k++) isBorder[cell + k] = true;
            }

            if (st.IsPortState && st.PortCells > 0)
            {
                var edge = EdgeCells(m, cols, rows, st.PortSide);
                int q = Math.Min(st.PortCells, edge.Count);
                for (int t = 0; t < q; t++) isPort[cell + edge[(t + 1) * edge.Count / (q + 1)]] = true;
            }

            var weights = WorldBuild.LogNormalWeights(rng, m, MunicipalitySigma);
            WorldBuild.SplitPopulation(st.Population2020, weights, population.AsSpan(cell, m));
            cell += m;
        }
        stateStart[stateCount] = n;
        SeparateStates(stateStart, x, y);

        var neighbours = MexicoStates.NeighbourIndices();
        for (int s = 0; s < stateCount; s++)
            foreach (int t in neighbours[s])
                if (s < t) LinkNearest(stateStart[s], stateStart[s + 1], stateStart[t], stateStart[t + 1], x, y, edges);

        var (start, adjacency) = WorldBuild.Csr(n, edges);
        var routeWeight = RouteWeights(population, isBorder, isPort, x, y, p.RoutePopulationExponent);

        var names = new string[stateCount];
        var codes = new string[stateCount];
        var tiles = new (int Col, int Row)[stateCount];
        for (int s = 0; s < stateCount; s++)
        {
            names[s] = states[s].Name;
            codes[s] = states[s].Code;
            tiles[s] = (states[s].TileCol, states[s].TileRow);
        }
        return new World(population, routeWeight, region, isBorder, isPort, x, y, start, adjacency,
            names, codes, tiles, neighbours, $"mexico: {stateCount} states, {n} municipalities (stylized layout)");
    }

    /// <summary>
    /// Moves whole state lattices apart until their bounding boxes (padded by half a cell) no longer overlap,
    /// so that every cell has its own place on a map. Small states move more than large ones. Deterministic.
    /// </summary>
    /// <remarks>Square lattices overlap where real states interlock (Ciudad de México sits inside the
    /// Estado de México); the pushes are small (mostly under a degree) and keep states near their centroids.</remarks>
    private static void SeparateStates(int[] stateStart, float[] x, float[] y)
    {
        int sc = stateStart.Length - 1;
        var minX = new double[sc]; var maxX = new double[sc]; var minY = new double[sc]; var maxY = new double[sc];
        var shiftX = new double[sc]; var shiftY = new double[sc]; var size = new double[sc];
        double kx = KmPerDegreeLonEquator * MeanCosLat, ky = KmPerDegreeLat;
        for (int s = 0; s < sc; s++)
        {
            minX[s] = minY[s] = double.MaxValue; maxX[s] = maxY[s] = double.MinValue;
            for (int c = stateStart[s]; c < stateStart[s + 1]; c++)
            {
                minX[s] = Math.Min(minX[s], x[c] * kx); maxX[s] = Math.Max(maxX[s], x[c] * kx);
                minY[s] = Math.Min(minY[s], y[c] * ky); maxY[s] = Math.Max(maxY[s], y[c] * ky);
            }
            // Pad by half a cell spacing on each side (one cell's own square).
            double half = 0.5 * LatticeScale * Math.Sqrt(MexicoStates.All[s].AreaKm2 / (stateStart[s + 1] - stateStart[s]));
            minX[s] -= half; maxX[s] += half; minY[s] -= half; maxY[s] += half;
            size[s] = (maxX[s] - minX[s]) * (maxY[s] - minY[s]);
        }
        for (int iter = 0; iter < 500; iter++)
        {
            bool moved = false;
            for (int a = 0; a < sc; a++)
                for (int b = a + 1; b < sc; b++)
                {
                    double ox = Math.Min(maxX[a], maxX[b]) - Math.Max(minX[a], minX[b]);
                    double oy = Math.Min(maxY[a], maxY[b]) - Math.Max(minY[a], minY[b]);
                    if (ox <= 1e-6 || oy <= 1e-6) continue;
                    moved = true;
                    // Share of the push taken by a: the smaller state moves more.
                    double fa = size[b] / (size[a] + size[b]), fb = 1 - fa;
                    // Push along the axis on which the real centroids differ most, so the states keep
                    // their relative position (Tlaxcala stays north of Puebla, east of Ciudad de México).
                    var sa = MexicoStates.All[a]; var sb = MexicoStates.All[b];
                    double cdx = Math.Abs(sa.Longitude - sb.Longitude) * kx, cdy = Math.Abs(sa.Latitude - sb.Latitude) * ky;
                    if (cdx >= cdy)
                    {
                        double dir = sa.Longitude <= sb.Longitude ? -1 : 1;
                        double push = ox + 1e-3;
                        Shift(a, dir * push * fa, 0); Shift(b, -dir * push * fb, 0);
                    }
                    else
                    {
                        double dir = -sa.Latitude <= -sb.Latitude ? -1 : 1;
                        double push = oy + 1e-3;
                        Shift(a, 0, dir * push * fa); Shift(b, 0, -dir * push * fb);
                    }
                }
            if (!moved) break;
        }
        for (int s = 0; s < sc; s++)
            for (int c = stateStart[s]; c < stateStart[s + 1]; c++)
            {
                x[c] = (float)(x[c] + shiftX[s] / kx);
                y[c] = (float)(y[c] + shiftY[s] / ky);
            }

        void Shift(int s, double dxKm, double dyKm)
        {
            minX[s] += dxKm; maxX[s] += dxKm; minY[s] += dyKm; maxY[s] += dyKm;
            shiftX[s] += dxKm; shiftY[s] += dyKm;
        }
    }

    /// <summary>Local indices of a lattice's cells on one side, in order along that side.</summary>
    private static List<int> EdgeCells(int m, int cols, int rows, CoastSide side)
    {
        var list = new List<int>();
        switch (side)
        {
            case CoastSide.North:
                for (int k = 0; k < Math.Min(cols, m); k++) list.Add(k);
                break;
            case CoastSide.South:
                for (int k = (rows - 1) * cols; k < m; k++) list.Add(k);
                break;
            case CoastSide.West:
                for (int j = 0; j < rows; j++) list.Add(j * cols);
                break;
            case CoastSide.East:
                for (int j = 0; j < rows; j++) list.Add(Math.Min(j * cols + cols - 1, m - 1));
                break;
        }
        return list;
    }

    /// <summary>Adds up to <see cref="LinksPerStatePair"/> links between the nearest distinct cells of two states.</summary>
    private static void LinkNearest(int a0, int a1, int b0, int b1, float[] x, float[] y, List<(int, int)> edges)
    {
        var usedA = new HashSet<int>();
        var usedB = new HashSet<int>();
        int links = Math.Min(LinksPerStatePair, Math.Min(a1 - a0, b1 - b0));
        for (int l = 0; l < links; l++)
        {
            double best = double.MaxValue;
            int ba = -1, bb = -1;
            for (int a = a0; a < a1; a++)
            {
                if (usedA.Contains(a)) continue;
                for (int b = b0; b < b1; b++)
                {
                    if (usedB.Contains(b)) continue;
                    double d = DistanceKm2(x[a], y[a], x[b], y[b]);
                    if (d < best) { best = d; ba = a; bb = b; }
                }
            }
            if (ba < 0) break;
            usedA.Add(ba);
            usedB.Add(bb);
            edges.Add((ba, bb));
        }
    }

    private static double DistanceKm2(double x1, double y1, double x2, double y2)
    {
        double ex = (x1 - x2) * KmPerDegreeLonEquator * MeanCosLat;
        double ny = (y1 - y2) * KmPerDegreeLat;
        return ex * ex + ny * ny;
    }

    /// <summary>
    /// Route weight = (population share)^a x (1 + 4 border + 3 port + 2 exp(-d_border/250 km) + exp(-d_port/150 km)),
    /// normalized to sum to one; a = <c>World.RoutePopulationExponent</c> (below 1: transit counts more than the
    /// local market, so a dense capital is not the richest plaza).
    /// </summary>
    private static double[] RouteWeights(int[] population, bool[] isBorder, bool[] isPort, float[] x, float[] y, double exponent)
    {
        int n = population.Length;
        var border = new List<int>();
        var ports = new List<int>();
        long total = 0;
        for (int c = 0; c < n; c++)
        {
            if (isBorder[c]) border.Add(c);
            if (isPort[c]) ports.Add(c);
            total += population[c];
        }
        var w = new double[n];
        for (int c = 0; c < n; c++)
        {
            double dBorder = Nearest(c, border, x, y), dPort = Nearest(c, ports, x, y);
            // Additive, so a border port city is not multiplied several times over: border 1+4+2 = 7,
            // port 1+3+1 = 5, a cell near both up to 4, a cell far from both 1 (per person).
            double factor = 1 + BorderBonus * (isBorder[c] ? 1 : 0) + PortBonus * (isPort[c] ? 1 : 0)
                + BorderProximity * Math.Exp(-dBorder / BorderDecayKm) + PortProximity * Math.Exp(-dPort / PortDecayKm);
            w[c] = Math.Pow((double)population[c] / total, exponent) * factor;
        }
        WorldBuild.Normalize(w);
        return w;
    }

    private static double Nearest(int c, List<int> targets, float[] x, float[] y)
    {
        double best = double.PositiveInfinity;
        foreach (int t in targets) best = Math.Min(best, DistanceKm2(x[c], y[c], x[t], y[t]));
        return Math.Sqrt(best);
    }
}
