namespace DecapSim.Core.World;

/// <summary>The side of a state's stylized lattice that faces its sea port.</summary>
public enum CoastSide
{
    /// <summary>No port.</summary>
    None,
    /// <summary>The northern edge (top row).</summary>
    North,
    /// <summary>The eastern edge (last column).</summary>
    East,
    /// <summary>The southern edge (bottom row).</summary>
    South,
    /// <summary>The western edge (first column).</summary>
    West,
}

/// <summary>Static facts about one Mexican state (entidad federativa) used to build the mexico world.</summary>
/// <param name="InegiCode">INEGI state code (1..32, alphabetical as INEGI orders them).</param>
/// <param name="Name">Official short name with accents, e.g. "Michoacán"; "México" is the Estado de México.</param>
/// <param name="Code">Conventional abbreviation, e.g. "MICH".</param>
/// <param name="Population2020">Population in the 2020 census (people).</param>
/// <param name="Municipalities2020">Number of municipalities (alcaldías for Ciudad de México) in the 2020 census.</param>
/// <param name="AreaKm2">Land area (km², approximate).</param>
/// <param name="Latitude">Approximate centroid latitude (degrees north).</param>
/// <param name="Longitude">Approximate centroid longitude (degrees, negative = west).</param>
/// <param name="TileCol">Column on the small tile map (0 = west).</param>
/// <param name="TileRow">Row on the small tile map (0 = north).</param>
/// <param name="UsBorder">True for the six states on the US border.</param>
/// <param name="BorderShare">Share of the lattice's top row flagged as US border (0 for non-border states).</param>
/// <param name="PacificPort">True if the state has a Pacific (incl. Gulf of California) cargo port.</param>
/// <param name="GulfPort">True if the state has a Gulf of Mexico or Caribbean cargo port.</param>
/// <param name="PortName">The main port(s), for documentation.</param>
/// <param name="PortSide">Edge of the lattice where port cells are placed.</param>
/// <param name="PortCells">Number of port cells (0, 1 or 2).</param>
/// <param name="Neighbours">Codes of the states sharing a land border.</param>
public sealed record StateInfo(
    int InegiCode, string Name, string Code, int Population2020, int Municipalities2020, double AreaKm2,
    double Latitude, double Longitude, int TileCol, int TileRow,
    bool UsBorder, double BorderShare, bool PacificPort, bool GulfPort, string? PortName, CoastSide PortSide, int PortCells,
    IReadOnlyList<string> Neighbours)
{
    /// <summary>True if the state has any sea port flagged.</summary>
    public bool IsPortState => PacificPort || GulfPort;
}

/// <summary>
/// The 32 Mexican states: 2020 census population and municipality counts, land-border adjacency,
/// US-border and port flags, approximate centroids and a tile-map position.
/// </summary>
/// <remarks>
/// Source: INEGI, Censo de Población y Vivienda 2020 (population by state, 126,014,024 in all; 2,469
/// municipalities and alcaldías). Guerrero counts 81 municipalities and Sinaloa 18, Campeche 13,
/// Baja California 5, as in the 2020 census (several municipalities were created after it).
/// Areas, centroids, borders and ports are approximate public geography written for a stylized map,
/// not GIS data.
/// </remarks>
public static class MexicoStates
{
    /// <summary>Number of states (including Ciudad de México).</summary>
    public const int Count = 32;
    /// <summary>Municipalities in the 2020 census.</summary>
    public const int TotalMunicipalities = 2469;
    /// <summary>National population in the 2020 census.</summary>
    public const long TotalPopulation = 126_014_024;
    /// <summary>Columns of the tile map.</summary>
    public const int TileColumns = 11;
    /// <summary>Rows of the tile map.</summary>
    public const int TileRows = 6;

    private const CoastSide N = CoastSide.None, No = CoastSide.North, E = CoastSide.East, S = CoastSide.South, W = CoastSide.West;

    // Source: INEGI, Censo de Población y Vivienda 2020 (population, municipalities). Other columns: public geography, approximate.
    private static readonly StateInfo[] States =
    [
        //  code name                     abbr     population  munis   area km²    lat       lon    tile     border share  pac    gulf   port                               side  cells neighbours
        new(1,  "Aguascalientes",       "AGS",   1_425_607,    11,    5_616,  21.88, -102.30,  3, 2,  false, 0.0,  false, false, null,                                  N, 0, ["JAL", "ZAC"]),
        new(2,  "Baja California",      "BC",    3_769_020,     5,   71_450,  30.60, -115.10,  0, 0,  true,  1.0,  true,  false, "Ensenada",                            W, 1, ["BCS", "SON"]),
        new(3,  "Baja California Sur",  "BCS",     798_447,     5,   73_909,  25.90, -112.00,  0, 1,  false, 0.0,  true,  false, "La Paz (Pichilingue)",                W, 1, ["BC"]),
        new(4,  "Campeche",             "CAM",     928_363,    13,   57_507,  18.80,  -90.40,  9, 4,  false, 0.0,  false, true,  "Ciudad del Carmen",                   W, 1, ["TAB", "YUC", "QROO"]),
        new(5,  "Coahuila",             "COAH",  3_146_771,    38,  151_595,  27.30, -102.00,  3, 0,  true,  0.6,  false, false, null,                                  N, 0, ["CHIH", "DGO", "ZAC", "SLP", "NL"]),
        new(6,  "Colima",               "COL",     731_391,    10,    5_627,  19.10, -103.90,  2, 3,  false, 0.0,  true,  false, "Manzanillo",                          W, 2, ["JAL", "MICH"]),
        new(7,  "Chiapas",              "CHIS",  5_543_828,   124,   73_311,  16.50,  -92.50,  7, 5,  false, 0.0,  true,  false, "Puerto Chiapas",                      S, 1, ["TAB", "VER", "OAX"]),
        new(8,  "Chihuahua",            "CHIH",  3_741_869,    67,  247_412,  28.80, -106.10,  2, 0,  true,  0.8,  false, false, null,                                  N, 0, ["SON", "SIN", "DGO", "COAH"]),
        new(9,  "Ciudad de México",     "CDMX",  9_209_944,    16,    1_494,  19.30,  -99.15,  5, 3,  false, 0.0,  false, false, null,                                  N, 0, ["MEX", "MOR"]),
        new(10, "Durango",              "DGO",   1_832_650,    39,  123_364,  24.90, -104.90,  2, 1,  false, 0.0,  false, false, null,                                  N, 0, ["CHIH", "COAH", "ZAC", "NAY", "SIN", "JAL"]),
        new(11, "Guanajuato",           "GTO",   6_166_934,    46,   30_607,  21.00, -101.00,  4, 2,  false, 0.0,  false, false, null,                                  N, 0, ["JAL", "ZAC", "SLP", "QRO", "MICH"]),
        new(12, "Guerrero",             "GRO",   3_540_685,    81,   63_596,  17.60,  -99.90,  4, 4,  false, 0.0,  true,  false, "Acapulco",                            S, 1, ["MICH", "MEX", "MOR", "PUE", "OAX"]),
        new(13, "Hidalgo",              "HGO",   3_082_841,    84,   20_821,  20.50,  -98.90,  6, 2,  false, 0.0,  false, false, null,                                  N, 0, ["SLP", "VER", "PUE", "TLAX", "MEX", "QRO"]),
        new(14, "Jalisco",              "JAL",   8_348_151,   125,   78_595,  20.60, -103.60,  2, 2,  false, 0.0,  true,  false, "Puerto Vallarta",                     W, 1, ["NAY", "DGO", "ZAC", "AGS", "SLP", "GTO", "MICH", "COL"]),
        new(15, "México",               "MEX",  16_992_418,   125,   22_351,  19.35,  -99.60,  4, 3,  false, 0.0,  false, false, null,                                  N, 0, ["CDMX", "HGO", "QRO", "MICH", "GRO", "MOR", "PUE", "TLAX"]),
        new(16, "Michoacán",            "MICH",  4_748_846,   113,   58_599,  19.20, -101.90,  3, 3,  false, 0.0,  true,  false, "Lázaro Cárdenas",                     S, 2, ["COL", "JAL", "GTO", "QRO", "MEX", "GRO"]),
        new(17, "Morelos",              "MOR",   1_971_520,    36,    4_879,  18.75,  -99.05,  5, 4,  false, 0.0,  false, false, null,                                  N, 0, ["CDMX", "MEX", "GRO", "PUE"]),
        new(18, "Nayarit",              "NAY",   1_235_456,    20,   27_857,  21.80, -104.90,  1, 2,  false, 0.0,  false, false, null,                                  N, 0, ["SIN", "DGO", "ZAC", "JAL"]),
        new(19, "Nuevo León",           "NL",    5_784_442,    51,   64_156,  25.60,  -99.90,  4, 0,  true,  0.15, false, false, null,                                  N, 0, ["COAH", "ZAC", "SLP", "TAMS"]),
        new(20, "Oaxaca",               "OAX",   4_132_148,   570,   93_757,  17.00,  -96.40,  6, 5,  false, 0.0,  true,  false, "Salina Cruz",                         S, 1, ["GRO", "PUE", "VER", "CHIS"]),
        new(21, "Puebla",               "PUE",   6_583_278,   217,   34_306,  19.00,  -97.90,  6, 4,  false, 0.0,  false, false, null,                                  N, 0, ["HGO", "VER", "OAX", "GRO", "MOR", "MEX", "TLAX"]),
        new(22, "Querétaro",            "QRO",   2_368_467,    18,   11_699,  20.85,  -99.85,  5, 2,  false, 0.0,  false, false, null,                                  N, 0, ["SLP", "HGO", "MEX", "MICH", "GTO"]),
        new(23, "Quintana Roo",         "QROO",  1_857_985,    11,   44_705,  19.60,  -88.00, 10, 4,  false, 0.0,  false, true,  "Puerto Morelos (Caribbean)",          E, 1, ["YUC", "CAM"]),
        new(24, "San Luis Potosí",      "SLP",   2_822_255,    58,   61_138,  22.60, -100.40,  4, 1,  false, 0.0,  false, false, null,                                  N, 0, ["COAH", "NL", "TAMS", "VER", "HGO", "QRO", "GTO", "JAL", "ZAC"]),
        new(25, "Sinaloa",              "SIN",   3_026_943,    18,   57_365,  25.00, -107.50,  1, 1,  false, 0.0,  true,  false, "Mazatlán, Topolobampo",               W, 2, ["SON", "CHIH", "DGO", "NAY"]),
        new(26, "Sonora",               "SON",   2_944_840,    72,  179_355,  29.70, -110.70,  1, 0,  true,  0.8,  true,  false, "Guaymas",                             W, 1, ["BC", "CHIH", "SIN"]),
        new(27, "Tabasco",              "TAB",   2_402_598,    17,   24_731,  17.95,  -92.60,  8, 4,  false, 0.0,  false, true,  "Dos Bocas",                           No, 1, ["VER", "CHIS", "CAM"]),
        new(28, "Tamaulipas",           "TAMS",  3_527_735,    43,   80_249,  24.30,  -98.60,  5, 1,  true,  0.6,  false, true,  "Altamira, Tampico",                   E, 2, ["NL", "SLP", "VER"]),
        new(29, "Tlaxcala",             "TLAX",  1_342_977,    60,    3_997,  19.40,  -98.15,  6, 3,  false, 0.0,  false, false, null,                                  N, 0, ["HGO", "PUE", "MEX"]),
        new(30, "Veracruz",             "VER",   8_062_579,   212,   71_826,  19.60,  -96.70,  7, 3,  false, 0.0,  false, true,  "Veracruz, Coatzacoalcos, Tuxpan",     E, 2, ["TAMS", "SLP", "HGO", "PUE", "OAX", "CHIS", "TAB"]),
        new(31, "Yucatán",              "YUC",   2_320_898,   106,   39_524,  20.80,  -89.00, 10, 3,  false, 0.0,  false, true,  "Progreso",                            No, 1, ["CAM", "QROO"]),
        new(32, "Zacatecas",            "ZAC",   1_622_138,    58,   75_275,  23.30, -102.70,  3, 1,  false, 0.0,  false, false, null,                                  N, 0, ["DGO", "COAH", "NL", "SLP", "GTO", "JAL", "AGS", "NAY"]),
    ];

    /// <summary>All 32 states in INEGI order (index = InegiCode - 1).</summary>
    public static IReadOnlyList<StateInfo> All { get; } = Array.AsReadOnly(States);

    /// <summary>Index of a state by code or name (case- and accent-insensitive), or -1.</summary>
    public static int IndexOf(string codeOrName)
    {
        string k = World.Normalize(codeOrName);
        for (int i = 0; i < States.Length; i++)
            if (World.Normalize(States[i].Code) == k || World.Normalize(States[i].Name) == k) return i;
        return -1;
    }

    /// <summary>Neighbour indices of each state (same order as <see cref="All"/>), sorted ascending.</summary>
    public static int[][] NeighbourIndices()
    {
        var result = new int[States.Length][];
        for (int i = 0; i < States.Length; i++)
        {
            var idx = new int[States[i].Neighbours.Count];
            for (int j = 0; j < idx.Length; j++)
            {
                idx[j] = IndexOf(States[i].Neighbours[j]);
                if (idx[j] < 0) throw new InvalidOperationException($"unknown neighbour {States[i].Neighbours[j]} of {States[i].Code}");
            }
            Array.Sort(idx);
            result[i] = idx;
        }
        return result;
    }
}
