using System.Globalization;
using CsvHelper;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Output;

/// <summary>Writes numbers as every DecapSim CSV has them (<see cref="Csv.Num"/>): whole values as integers, others
/// with at most six decimals, NaN as an empty field, in the invariant culture. Numbers are written as numbers (not
/// as text), so CSV protections that apply to text fields never touch them.</summary>
public sealed class CsvNumber : ICsvConverter<double>
{
    /// <summary>Writes <paramref name="v"/> as the current field of <paramref name="w"/>.</summary>
    public static void Write(CsvWriter w, double v)
    {
        if (double.IsNaN(v)) w.WriteField(ReadOnlySpan<char>.Empty);
        else if (v == Math.Floor(v) && Math.Abs(v) < 1e15) w.WriteField((long)v, ReadOnlySpan<char>.Empty);
        else w.WriteField(v, "0.######");
    }

    /// <summary>Reads a number written by <see cref="Write(CsvWriter, double)"/> (empty: NaN).</summary>
    public double Read(CsvReader reader, int index) =>
        reader.IsEmpty(index) ? double.NaN : double.Parse(reader.GetString(index), NumberStyles.Float, CultureInfo.InvariantCulture);

    void ICsvConverter<double>.Write(CsvWriter writer, double value) => Write(writer, value);
}

/// <summary>One CSV table written with CsvHelper in the project's dialect (<see cref="CsvDialect.Writer"/>: comma,
/// quotes only when needed, "\n"), onto a <see cref="TextWriter"/> such as <see cref="AtomicFile.Writer"/>. Fields
/// are added in order and <see cref="End"/> closes the record.</summary>
public sealed class CsvTable : IDisposable
{
    private readonly CsvWriter _w;

    public CsvTable(TextWriter destination) => _w = CsvWriter.Create(destination, CsvDialect.Writer, leaveOpen: true);

    /// <summary>Writes a header record.</summary>
    public CsvTable Header(IEnumerable<string> names)
    {
        foreach (var n in names) _w.WriteField(n);
        _w.EndRecord();
        return this;
    }

    /// <summary>A text field (quoted when it holds a comma, a quote or a line break).</summary>
    public CsvTable Text(string? s) { _w.WriteField(s ?? ""); return this; }

    /// <summary>A whole number.</summary>
    public CsvTable Int(long v) { _w.WriteField(v, ReadOnlySpan<char>.Empty); return this; }

    /// <summary>An unsigned whole number (a seed).</summary>
    public CsvTable UInt(ulong v) { _w.WriteField(v, ReadOnlySpan<char>.Empty); return this; }

    /// <summary>An empty field.</summary>
    public CsvTable Empty() { _w.WriteField(ReadOnlySpan<char>.Empty); return this; }

    /// <summary>A date (yyyy-MM-dd).</summary>
    public CsvTable Date(DateOnly d) { _w.WriteField(d, "yyyy-MM-dd"); return this; }

    /// <summary>A whole number, or an empty field when <paramref name="v"/> is negative (no parent, not ended).</summary>
    public CsvTable IntOrEmpty(long v) => v >= 0 ? Int(v) : Text("");

    /// <summary>A number as <see cref="CsvNumber"/> writes it.</summary>
    public CsvTable Num(double v) { CsvNumber.Write(_w, v); return this; }

    /// <summary>The date of week <paramref name="week"/> of a run starting on <paramref name="start"/> (yyyy-MM-dd).</summary>
    public CsvTable Date(DateOnly start, int week) { _w.WriteField(start.AddDays(7 * week), "yyyy-MM-dd"); return this; }

    /// <summary>Ends the record.</summary>
    public void End() => _w.EndRecord();

    /// <summary>Writes what is buffered to the destination.</summary>
    public void Flush() => _w.Flush();

    /// <summary>Flushes to the destination (which stays open).</summary>
    public void Dispose() => _w.Dispose();
}
