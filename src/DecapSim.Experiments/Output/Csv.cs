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

    /// <summary>A text field, quoted when needed, and safe to open in a spreadsheet: a cell that starts with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return and is not a number (a faction named
    /// <c>=HYPERLINK(...)</c>) would be run as a formula, so it gets a leading apostrophe (<c>'=HYPERLINK(...)</c>),
    /// which spreadsheets show as text. <see cref="Raw"/> undoes it (Parquet files keep raw values).</summary>
    public static string Text(string s)
    {
        if (IsFormulaLike(s)) s = "'" + s;
        if (s.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0) return s;
        return "\"" + s.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>True when a spreadsheet would read <paramref name="s"/> as a formula.</summary>
    public static bool IsFormulaLike(string s) =>
        s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>The raw value of a cell written by <see cref="Text"/> (after CSV unquoting): the apostrophe added
    /// to a formula-like cell removed.</summary>
    public static string Raw(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && IsFormulaLike(cell[1..]) ? cell[1..] : cell;

    /// <summary>The date of a week.</summary>
    public static string Date(DateOnly start, int week) => start.AddDays(7 * week).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
