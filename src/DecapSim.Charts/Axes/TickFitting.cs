using DecapSim.Charts.Svg;

namespace DecapSim.Charts;

/// <summary>Chooses the largest tick count whose horizontal labels do not overlap.</summary>
internal static class TickFitting
{
    /// <summary>Resolves a horizontal axis so adjacent tick labels keep at least 10 px apart.</summary>
    public static (double Min, double Max, Tick[] Ticks) ResolveHorizontal(Axis axis, double dataMin, double dataMax, double width, double fontSize)
    {
        for (int max = 10; ; max--)
        {
            var r = axis.Resolve(dataMin, dataMax, max);
            if (max <= 2 || Fits(r.Ticks, r.Min, r.Max, width, fontSize)) return r;
        }
    }

    private static bool Fits(Tick[] ticks, double min, double max, double width, double fontSize)
    {
        for (int i = 1; i < ticks.Length; i++)
        {
            double dx = (ticks[i].Position - ticks[i - 1].Position) / (max - min) * width;
            double need = (TextMeasure.Width(ticks[i].Label, fontSize) + TextMeasure.Width(ticks[i - 1].Label, fontSize)) / 2 + 10;
            if (dx < need) return false;
        }
        return true;
    }
}
