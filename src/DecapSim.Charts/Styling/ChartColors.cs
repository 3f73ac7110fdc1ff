using ScottPlot;

namespace DecapSim.Charts;

/// <summary>The Okabe-Ito colour-blind-safe categorical palette (black left out: it marks the baseline).</summary>
public static class ChartColors
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
        Color.FromHex("#8C6D31"), // brown (instead of Okabe-Ito's yellow, unreadable as a line on white)
    };

    /// <summary>The colour of the baseline (counterfactual) in every chart.</summary>
    public static Color Baseline { get; } = Color.FromHex("#333333");

    /// <summary>The colour of "everything else" (remainders, dashed event markers).</summary>
    public static Color Neutral { get; } = Color.FromHex("#8A8A8A");

    /// <summary>The i-th palette colour, cycling.</summary>
    public static Color Get(int i) => OkabeIto[((i % OkabeIto.Count) + OkabeIto.Count) % OkabeIto.Count];
}
