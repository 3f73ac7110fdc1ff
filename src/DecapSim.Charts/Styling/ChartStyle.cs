using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace DecapSim.Charts;

/// <summary>The product's look, applied to ScottPlot plots: fonts, sizes, greys, number and date axes, legends, and a
/// chart that says it has nothing to show.</summary>
public static class ChartStyle
{
    /// <summary>Font size of chart titles.</summary>
    public const float TitleSize = 16;

    /// <summary>Font size of axis labels.</summary>
    public const float LabelSize = 13;

    /// <summary>Font size of tick labels, legends and annotations.</summary>
    public const float TextSize = 12;

    /// <summary>A new plot with the product's font and look.</summary>
    public static Plot NewPlot(string title = "")
    {
        ChartFonts.Ensure();
        var p = new Plot();
        if (ChartFonts.Family is { } f) p.Font.Set(f);
        p.FigureBackground.Color = Colors.White;
        p.DataBackground.Color = Colors.White;
        p.Grid.MajorLineColor = Color.FromHex("#E4E4E4");
        p.Axes.Color(Color.FromHex("#444444"));
        foreach (var a in p.Axes.GetAxes())
        {
            a.TickLabelStyle.FontSize = TextSize;
            a.Label.FontSize = LabelSize;
            a.Label.Bold = false;
        }
        p.Legend.FontSize = TextSize;
        p.Legend.OutlineColor = Color.FromHex("#CCCCCC");
        p.Legend.ShadowColor = Colors.Transparent;
        if (title.Length > 0) Title(p, title);
        Numbers(p.Axes.Left);
        Numbers(p.Axes.Bottom);
        return p;
    }

    /// <summary>Sets the title (bold, <see cref="TitleSize"/>).</summary>
    public static void Title(Plot p, string title)
    {
        p.Title(title);
        p.Axes.Title.Label.FontSize = TitleSize;
        p.Axes.Title.Label.Bold = true;
    }

    /// <summary>Tick labels with thousands separators and no scientific notation ("200,000", "0.25").</summary>
    public static void Numbers(IAxis axis) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = FormatTick, TickDensity = 0.7 };

    /// <summary>Tick labels as plain integers ("1980", not "1,980"), for years on a numeric axis.</summary>
    public static void Years(IAxis axis) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = v => Math.Round(v).ToString("0", CultureInfo.InvariantCulture), IntegerTicksOnly = true };

    /// <summary>The tick label of a value.</summary>
    public static string FormatTick(double v)
    {
        double a = Math.Abs(v);
        if (a >= 1000 || a == 0) return v.ToString("#,0", CultureInfo.InvariantCulture);
        if (a >= 1) return v.ToString("#,0.##", CultureInfo.InvariantCulture);
        return v.ToString("0.####", CultureInfo.InvariantCulture);
    }

    /// <summary>The bottom axis shows dates (x values from <see cref="ChartDates"/>).</summary>
    public static void DateAxis(Plot p)
    {
        var dt = p.Axes.DateTimeTicksBottom();
        dt.TickLabelStyle.FontSize = TextSize;
        if (dt.TickGenerator is DateTimeAutomatic auto) auto.LabelFormatter = FormatDate;
    }

    /// <summary>A date tick label: "2027" on the first of January, else "Jul 2027" (or "15 Jul" within a month).</summary>
    public static string FormatDate(DateTime d) =>
        d.Month == 1 && d.Day == 1 ? d.ToString("yyyy", CultureInfo.InvariantCulture)
        : d.Day == 1 ? d.ToString("MMM yyyy", CultureInfo.InvariantCulture)
        : d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>y starts at 0 and ends a little above the largest value of the plot's data.</summary>
    public static void YFromZero(Plot p, double? top = null)
    {
        p.Axes.AutoScale();
        double hi = top ?? p.Axes.GetLimits().Top;
        if (!double.IsFinite(hi) || hi <= 0) hi = 1;
        p.Axes.SetLimitsY(0, hi * (top is null ? 1.0 : 1.05));
    }

    /// <summary>A legend inside the data area at <paramref name="where"/>, on a white box.</summary>
    public static void LegendInside(Plot p, Alignment where = Alignment.UpperLeft)
    {
        p.ShowLegend(where);
        p.Legend.BackgroundColor = Colors.White.WithAlpha(0.92);
    }

    /// <summary>A legend to the right of the data area.</summary>
    public static void LegendRight(Plot p) => p.ShowLegend(Edge.Right);

    /// <summary>Marks the plot as having nothing to show: the message is written in the middle of the data area.</summary>
    public static void NoData(Plot p, string message)
    {
        var a = p.Add.Annotation(message, Alignment.MiddleCenter);
        a.LabelFontSize = LabelSize + 2;
        a.LabelFontColor = Color.FromHex("#555555");
        a.LabelBackgroundColor = Color.FromHex("#F3F3F3");
        a.LabelBorderColor = Color.FromHex("#BBBBBB");
        a.LabelShadowColor = Colors.Transparent;
        p.Axes.SetLimits(0, 1, 0, 1);
    }

    /// <summary>True when the plot was marked by <see cref="NoData"/>.</summary>
    public static bool IsNoData(Plot p) => p.GetPlottables().OfType<ScottPlot.Plottables.Annotation>().Any() &&
                                            !p.GetPlottables().Any(x => x is not ScottPlot.Plottables.Annotation);
}
