using DecapSim.Charts.Svg;

namespace DecapSim.Charts.Plottables;

/// <summary>What a plottable needs to draw itself: the writer, the plot area and the data-to-pixel mapping.</summary>
public sealed class RenderContext
{
    /// <summary>Creates a context for a plot area showing [xMin, xMax] x [yMin, yMax].</summary>
    public RenderContext(SvgWriter svg, PixelRect plotArea, double xMin, double xMax, double yMin, double yMax, bool logY)
    {
        Svg = svg; PlotArea = plotArea; XMin = xMin; XMax = xMax; YMin = yMin; YMax = yMax; LogY = logY;
    }

    /// <summary>The output.</summary>
    public SvgWriter Svg { get; }

    /// <summary>Pixel rectangle of the data area.</summary>
    public PixelRect PlotArea { get; }

    /// <summary>Visible x range.</summary>
    public double XMin { get; }

    /// <summary>Visible x range.</summary>
    public double XMax { get; }

    /// <summary>Visible y range.</summary>
    public double YMin { get; }

    /// <summary>Visible y range.</summary>
    public double YMax { get; }

    /// <summary>Whether y is drawn on a log10 scale.</summary>
    public bool LogY { get; }

    /// <summary>Pixel x for data x.</summary>
    public double X(double x) => PlotArea.Left + (x - XMin) / (XMax - XMin) * PlotArea.Width;

    /// <summary>Pixel y for data y; NaN when y cannot be shown (NaN, or &lt;= 0 on a log scale).</summary>
    public double Y(double y)
    {
        if (LogY)
        {
            if (!(y > 0)) return double.NaN;
            return PlotArea.Bottom - (Math.Log10(y) - Math.Log10(YMin)) / (Math.Log10(YMax) - Math.Log10(YMin)) * PlotArea.Height;
        }
        return PlotArea.Bottom - (y - YMin) / (YMax - YMin) * PlotArea.Height;
    }

    /// <summary>Pixel y of the baseline for areas and bars: 0, or the bottom edge when 0 is not visible.</summary>
    public double BaselineY() => LogY ? PlotArea.Bottom : Math.Clamp(Y(0), PlotArea.Top, PlotArea.Bottom);
}
