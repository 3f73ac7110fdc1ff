using System.Globalization;

namespace DecapSim.Charts;

/// <summary>Ticks for a base-10 logarithmic axis.</summary>
public static class LogTicks
{
    /// <summary>
    /// Ticks at powers of ten covering [min, max] (both &gt; 0); adds 2x and 5x when the range spans
    /// fewer than three decades, and thins to every n-th decade when there are too many.
    /// </summary>
    public static double[] Covering(double min, double max, int maxTicks = 10)
    {
        if (!(min > 0) || !(max > 0)) (min, max) = (1, 10);
        if (min > max) (min, max) = (max, min);
        int lo = NumericTicks.FloorLog10(min);
        int hi = NumericTicks.FloorLog10(max);
        if (Math.Pow(10, hi) < max) hi++;
        if (hi == lo) hi++;
        int decades = hi - lo;
        var ticks = new List<double>();
        if (decades < 3)
        {
            for (int e = lo; e <= hi; e++)
                foreach (int m in new[] { 1, 2, 5 })
                {
                    double v = Pow(m, e);
                    if (e == hi && m > 1) break;
                    ticks.Add(v);
                }
            // trim to the covering subset
            int first = ticks.FindLastIndex(t => t <= min * (1 + 1e-12));
            int last = ticks.FindIndex(t => t >= max * (1 - 1e-12));
            return ticks.GetRange(Math.Max(0, first), (last < 0 ? ticks.Count - 1 : last) - Math.Max(0, first) + 1).ToArray();
        }
        int every = (int)Math.Ceiling((decades + 1) / (double)Math.Max(2, maxTicks));
        lo = (int)Math.Floor(lo / (double)every) * every;
        for (int e = lo; e < hi + every; e += every) ticks.Add(Pow(1, e));
        return ticks.ToArray();
    }

    /// <summary>Label for a log tick: plain numbers between 0.001 and 1e6, otherwise "1E+09" style.</summary>
    public static string Format(double v) =>
        v >= 1e-3 && v < 1e7 ? v.ToString("0.###", CultureInfo.InvariantCulture) : v.ToString("0E+0", CultureInfo.InvariantCulture);

    private static double Pow(int m, int e) => e >= 0 ? m * Math.Pow(10, e) : m / Math.Pow(10, -e);
}
