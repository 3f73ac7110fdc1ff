using System.Globalization;

namespace DecapSim.Experiments.Output;

/// <summary>Culture-invariant CSV formatting.</summary>
public static class Csv
{
    /// <summary>A number: integers as integers, others with up to 6 decimals.</summary>
    public static string Num(double v)
    {
        if (double.IsNaN(v)) return "";
        if (v == Math.Floor(v) && Math.Abs(v) < 1e15) return ((long)v).ToString(CultureInfo.InvariantCulture);
        return v.ToString("0.######", CultureInfo.InvariantCulture);
    }

    /// <summary>A text field, quoted when needed.</summary>
    public static string Text(string s)
    {
        if (s.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0) return s;
        return "\"" + s.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>The date of a week.</summary>
    public static string Date(DateOnly start, int week) => start.AddDays(7 * week).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
