using System.Globalization;

namespace DecapSim.Scenarios;

/// <summary>Parses configuration text into typed values, with a message saying what was wrong.</summary>
internal static class ValueParser
{
    private const NumberStyles Num = NumberStyles.Float;

    /// <summary>Parses <paramref name="raw"/> as <paramref name="type"/> within [min, max]; returns null or a problem.</summary>
    public static string? TryParse(Type type, string raw, double min, double max, out object? value)
    {
        value = null;
        var text = raw.Trim();
        if (type == typeof(double))
        {
            if (!double.TryParse(text, Num, CultureInfo.InvariantCulture, out var d))
                return text.Length == 0 ? "a number is required, got an empty value" : $"'{raw}' is not a number";
            if (!double.IsFinite(d)) return $"'{raw}' is not a finite number";
            if (d < min || d > max) return $"{raw} is out of range";
            value = d;
            return null;
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(ulong))
        {
            if (!double.TryParse(text, Num, CultureInfo.InvariantCulture, out var d))
                return text.Length == 0 ? "a whole number is required, got an empty value" : $"'{raw}' is not a number";
            if (!double.IsFinite(d)) return $"'{raw}' is not a finite number";
            if (d != Math.Floor(d)) return $"{raw} is not a whole number";
            double lo = Math.Max(min, type == typeof(int) ? int.MinValue : type == typeof(ulong) ? 0 : long.MinValue);
            double hi = Math.Min(max, type == typeof(int) ? int.MaxValue : type == typeof(ulong) ? ulong.MaxValue : long.MaxValue);
            if (d < lo || d > hi) return $"{raw} is out of range";
            if (type == typeof(int)) value = (int)d;
            else if (type == typeof(long)) value = (long)d;
            else
            {
                // Seeds can exceed 2^53: parse exactly when the text is a plain integer.
                value = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : (ulong)d;
            }
            return null;
        }
        if (type == typeof(bool))
        {
            if (bool.TryParse(text, out var b)) { value = b; return null; }
            return $"'{raw}' is not true or false";
        }
        if (type == typeof(DateOnly))
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                // a run spans up to 5200 weeks (100 years) of calendar dates, charts and CSV dates: keep them representable
                if (date < MinDate || date > MaxDate)
                    return $"'{raw}' is outside the supported dates {MinDate:yyyy-MM-dd} to {MaxDate:yyyy-MM-dd}";
                value = date; return null;
            }
            return $"'{raw}' is not a date yyyy-mm-dd";
        }
        if (type.IsEnum)
        {
            if (EnumText.TryParse(type, text, out value)) return null;
            return $"'{raw}' is not a known value." + Suggest.DidYouMean(text, EnumText.Names(type));
        }
        if (type == typeof(string)) { value = raw; return null; }
        return $"unsupported type {type.Name}";
    }

    /// <summary>Earliest date accepted (StartDate, event dates).</summary>
    public static readonly DateOnly MinDate = new(1800, 1, 1);
    /// <summary>Latest date accepted: 100 years of weeks after it still fit every calendar the outputs use.</summary>
    public static readonly DateOnly MaxDate = new(2199, 12, 31);

    /// <summary>"whole number in [a, b]" etc. for messages about values outside the catalog.</summary>
    public static string Allowed(Type type, double min, double max)
    {
        string range(string k) => double.IsNegativeInfinity(min) && double.IsPositiveInfinity(max) ? k
            : double.IsPositiveInfinity(max) ? $"{k} >= {ValueText.Format(min)}"
            : $"{k} in [{ValueText.Format(min)}, {ValueText.Format(max)}]";
        if (type == typeof(double)) return range("number");
        if (type == typeof(int) || type == typeof(long) || type == typeof(ulong)) return range("whole number");
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(DateOnly)) return "date yyyy-mm-dd";
        if (type.IsEnum) return "one of " + string.Join(", ", EnumText.Names(type));
        return "text";
    }
}
