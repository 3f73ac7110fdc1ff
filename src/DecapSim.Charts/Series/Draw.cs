using ScottPlot;
using ScottPlot.Plottables;

namespace DecapSim.Charts;

/// <summary>The product's recurring marks on a ScottPlot plot: a median with its replicate bands, lines, event markers.</summary>
public static class Draw
{
    /// <summary>Opacity of the 90% band.</summary>
    public const double WideBandAlpha = 0.16;

    /// <summary>Opacity of the 50% band (darker, so the two swatches differ in the legend).</summary>
    public const double MiddleBandAlpha = 0.36;

    /// <summary>Legend text of the 5%-95% band for <paramref name="replicates"/> replicates; with fewer than 20 it
    /// says the band is close to the smallest-to-largest range.</summary>
    public static string WideBandLabel(string name, int replicates) =>
        $"{name}90% of replicates" + (replicates < 20 ? $" (~min-max of {replicates})" : "");

    /// <summary>Adds the 90% band, the middle-50% band and the median line of <paramref name="band"/> (bands only
    /// with two or more replicates). <paramref name="name"/> prefixes the legend ("baseline: ").</summary>
    public static Scatter Band(Plot p, double[] xs, Band band, Color color, string name = "", bool bands = true, double width = 2,
        bool bandLegend = true)
    {
        int n = Math.Min(xs.Length, band.P50.Length);
        var x = xs[..n];
        string prefix = name.Length > 0 ? name + ": " : "";
        if (bands && band.Replicates > 1)
        {
            Fill(p, x, band.P05[..n], band.P95[..n], color.WithAlpha(WideBandAlpha), bandLegend ? WideBandLabel(prefix, band.Replicates) : "");
            Fill(p, x, band.P25[..n], band.P75[..n], color.WithAlpha(MiddleBandAlpha), bandLegend ? $"{prefix}middle 50% of replicates" : "");
        }
        return Line(p, x, band.P50[..n], color,
            band.Replicates > 1 ? $"{prefix}median of {band.Replicates} replicates" : name.Length > 0 ? name : "one replicate", width);
    }

    /// <summary>Legend entries (grey swatches) explaining the two band shades once for all series of a plot.</summary>
    public static void BandLegend(Plot p, int replicates)
    {
        if (replicates < 2) return;
        p.Legend.ManualItems.Add(new LegendItem { LabelText = "middle 50% of replicates", FillColor = ChartColors.Neutral.WithAlpha(MiddleBandAlpha + 0.1) });
        p.Legend.ManualItems.Add(new LegendItem { LabelText = WideBandLabel("", replicates), FillColor = ChartColors.Neutral.WithAlpha(WideBandAlpha + 0.05) });
    }

    /// <summary>A filled band between two series.</summary>
    public static FillY Fill(Plot p, double[] xs, double[] lo, double[] hi, Color color, string label = "")
    {
        var f = p.Add.FillY(xs, lo, hi);
        f.FillColor = color;
        f.LineWidth = 0;
        f.LineColor = Colors.Transparent;
        f.MarkerSize = 0;
        f.LegendText = label;
        return f;
    }

    /// <summary>A line without markers.</summary>
    public static Scatter Line(Plot p, double[] xs, double[] ys, Color color, string label = "", double width = 2, bool dashed = false)
    {
        var s = p.Add.ScatterLine(xs, ys);
        s.Color = color;
        s.LineWidth = (float)width;
        s.MarkerSize = 0;
        s.LegendText = label;
        if (dashed) s.LinePattern = LinePattern.Dashed;
        return s;
    }

    /// <summary>A dashed vertical marker with its label written just above the bottom of the data area, right of the
    /// line (off the curves, which start above zero); its legend entry says what it marks.</summary>
    public static VerticalLine Event(Plot p, double x, string label, bool legend = true, bool text = true)
    {
        var v = p.Add.VerticalLine(x);
        v.Color = ChartColors.Neutral;
        v.LineWidth = 1.5f;
        v.LinePattern = LinePattern.Dashed;
        v.LegendText = legend ? "event: " + label : "";
        if (text && label.Length > 0)
        {
            var t = p.Add.Text(label, x, 0);
            t.Alignment = Alignment.LowerLeft;
            t.OffsetX = 4;
            t.OffsetY = -4;
            t.LabelFontSize = ChartStyle.TextSize - 1;
            t.LabelFontColor = Color.FromHex("#333333");
            t.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        }
        return v;
    }
}
