using DecapSim.Charts.Plottables;

namespace DecapSim.Charts;

/// <summary>Fluent styling for any plottable: <c>chart.Add.Line(xs, ys).WithLabel("baseline").WithColor(c)</c>.</summary>
public static class PlottableExtensions
{
    /// <summary>Sets the legend label.</summary>
    public static T WithLabel<T>(this T p, string label) where T : Plottable { p.Label = label; return p; }

    /// <summary>Sets the colour.</summary>
    public static T WithColor<T>(this T p, Color color) where T : Plottable { p.Color = color; return p; }

    /// <summary>Sets the colour from "#rrggbb".</summary>
    public static T WithColor<T>(this T p, string hex) where T : Plottable { p.Color = Charts.Color.FromHex(hex); return p; }

    /// <summary>Sets the stroke width in pixels.</summary>
    public static T WithWidth<T>(this T p, double width) where T : Plottable { p.LineWidth = width; return p; }

    /// <summary>Draws the stroke dashed (on/off lengths in pixels).</summary>
    public static T WithDash<T>(this T p, double on = 6, double off = 4) where T : Plottable
    {
        p.Dash = FormattableString.Invariant($"{on} {off}");
        return p;
    }

    /// <summary>Draws the stroke solid.</summary>
    public static T WithoutDash<T>(this T p) where T : Plottable { p.Dash = null; return p; }
}
