namespace DecapSim.Charts;

/// <summary>The Okabe-Ito colour-blind-safe categorical palette (black moved last).</summary>
public static class Palette
{
    /// <summary>The palette colours in order of use.</summary>
    public static IReadOnlyList<Color> OkabeIto { get; } = new[]
    {
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#56B4E9"), // sky blue
        Color.FromHex("#D55E00"), // vermillion
        Color.FromHex("#F0E442"), // yellow
        Color.FromHex("#000000"), // black
    };

    /// <summary>The i-th palette colour, cycling.</summary>
    public static Color Get(int i) => OkabeIto[((i % OkabeIto.Count) + OkabeIto.Count) % OkabeIto.Count];
}
