using System.Globalization;

namespace DecapSim.Charts;

/// <summary>
/// "Nice" numeric ticks: steps of 1, 2 or 5 times a power of ten.
/// </summary>
public static class NumericTicks
{
    private static readonly int[] Mantissas = [1, 2, 5];

    /// <summary>
    /// Ticks that cover [min, max]: the first tick is &lt;= min, the last &gt;= max, with the
    /// smallest 1-2-5 step giving at most <paramref name="maxTicks"/> ticks. With maxTicks = 10
    /// this always gives between 5 and 10 ticks. Degenerate ranges are widened first.
    /// </summary>
    public static double[] Covering(double min, double max, int maxTicks = 10)
    {
        (min, max) = Sanitize(min, max);
        maxTicks = Math.Max(2, maxTicks);
        for (int e = FloorLog10((max - min) / maxTicks) - 1; ; e++)
        {
            foreach (int m in Mantissas)
            {
                long lo = (long)Math.Floor(min / Step(m, e) * (1 + 1e-12 * Math.Sign(min)));
                long hi = (long)Math.Ceiling(max / Step(m, e) * (1 - 1e-12 * Math.Sign(max)));
                if (hi - lo + 1 <= maxTicks) return Build(lo, hi, m, e);
            }
        }
    }

    /// <summary>
    /// Ticks inside [min, max] (for fixed axis limits), with the largest count &lt;= maxTicks.
    /// </summary>
    public static double[] Inside(double min, double max, int maxTicks = 10)
    {
        (min, max) = Sanitize(min, max);
        maxTicks = Math.Max(2, maxTicks);
        for (int e = FloorLog10((max - min) / maxTicks) - 1; ; e++)
        {
            foreach (int m in Mantissas)
            {
                double step = Step(m, e);
                long lo = (long)Math.Ceiling(min / step - 1e-9);
                long hi = (long)Math.Floor(max / step + 1e-9);
                if (hi - lo + 1 <= maxTicks) return Build(lo, hi, m, e);
            }
        }
    }

    /// <summary>The step between consecutive ticks of a tick array (0 if fewer than two).</summary>
    public static double StepOf(IReadOnlyList<double> ticks) => ticks.Count < 2 ? 0 : ticks[1] - ticks[0];

    /// <summary>Formats tick values with just enough decimals for the given step, invariant culture.</summary>
    public static string Format(double value, double step)
    {
        if (step <= 0 || double.IsNaN(step)) return value.ToString("G6", CultureInfo.InvariantCulture);
        double absMax = Math.Abs(value);
        if (step < 1e-4 || absMax >= 1e9)
        {
            int sig = Math.Clamp(FloorLog10(Math.Max(absMax, step)) - FloorLog10(step) + 1, 1, 15);
            return value == 0 ? "0" : value.ToString("0." + new string('#', Math.Max(0, sig - 1)) + "E+0", CultureInfo.InvariantCulture);
        }
        int decimals = Math.Max(0, -FloorLog10(step * 1.0000001));
        double r = Math.Round(value, Math.Min(decimals, 15));
        if (r == 0) r = 0;
        return r.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    /// <summary>Floor of log10(v) for v &gt; 0, robust to floating error at exact powers.</summary>
    internal static int FloorLog10(double v)
    {
        int e = (int)Math.Floor(Math.Log10(v));
        if (Math.Pow(10, e + 1) <= v) e++;
        else if (Math.Pow(10, e) > v) e--;
        return e;
    }

    private static double Step(int m, int e) => e >= 0 ? m * Math.Pow(10, e) : m / Math.Pow(10, -e);

    private static double[] Build(long lo, long hi, int m, int e)
    {
        var ticks = new double[hi - lo + 1];
        for (long k = lo; k <= hi; k++)
        {
            // Multiply/divide integer by exact powers of ten to get the closest double to the decimal value.
            double v = e >= 0 ? k * m * Math.Pow(10, e) : k * m / Math.Pow(10, -e);
            ticks[k - lo] = v == 0 ? 0 : v;
        }
        return ticks;
    }

    private static (double, double) Sanitize(double min, double max)
    {
        if (double.IsNaN(min) || double.IsNaN(max) || double.IsInfinity(min) || double.IsInfinity(max)) return (0, 1);
        if (min > max) (min, max) = (max, min);
        if (max - min <= Math.Max(Math.Abs(min), Math.Abs(max)) * 1e-12 || max == min)
        {
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            return (min - pad, max + pad);
        }
        return (min, max);
    }
}
