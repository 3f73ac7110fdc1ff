using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace DecapSim.Experiments.Output.Tables;

/// <summary>
/// A Parquet table read back whole (for analyses of small tables such as results.parquet, and for the tests that
/// check every file against its CSV): the columns with their <see cref="ColumnType"/>, the values column by column
/// (int[] / int?[] / ulong[] / double?[] / string?[] / DateOnly[]) and the key-value metadata.
/// </summary>
public sealed class ParquetTable
{
    public required IReadOnlyList<TableColumn> Columns { get; init; }
    public required IReadOnlyList<Array> Values { get; init; }
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
    public required int RowGroups { get; init; }
    public int Rows => Values.Count == 0 ? 0 : Values[0].Length;

    /// <summary>Reads a file written by <see cref="ParquetTableFile"/>.</summary>
    public static ParquetTable Read(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }).GetAwaiter().GetResult();
        try
        {
        var fields = reader.Schema.GetDataFields();
        var columns = fields.Select(ColumnOf).ToArray();
        var parts = fields.Select(_ => new List<Array>()).ToArray();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            int n = checked((int)rg.RowCount);
            for (int i = 0; i < fields.Length; i++) parts[i].Add(ReadColumn(rg, fields[i], columns[i], n));
        }
        var values = parts.Select((p, i) => Concat(p, columns[i])).ToArray();
        return new ParquetTable
        {
            Columns = columns,
            Values = values,
            Metadata = reader.CustomMetadata?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, string>(),
            RowGroups = reader.RowGroupCount,
        };
        }
        finally { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    private static TableColumn ColumnOf(DataField f)
    {
        var t = Nullable.GetUnderlyingType(f.ClrType) ?? f.ClrType;
        var type = t == typeof(int) ? ColumnType.Int32 : t == typeof(ulong) ? ColumnType.UInt64 : t == typeof(double) ? ColumnType.Double
            : t == typeof(string) || t == typeof(ReadOnlyMemory<char>) ? ColumnType.Text : t == typeof(DateOnly) ? ColumnType.Date
            : throw new InvalidDataException($"column {f.Name}: unsupported type {f.ClrType.Name}");
        return new TableColumn(f.Name, type, f.IsNullable);
    }

    private static Array ReadColumn(ParquetRowGroupReader rg, DataField f, TableColumn c, int n)
    {
        switch (c.Type)
        {
            case ColumnType.Int32 when c.Nullable: { var a = new int?[n]; rg.ReadAsync<int>(f, a.AsMemory()).GetAwaiter().GetResult(); return a; }
            case ColumnType.Int32: { var a = new int[n]; rg.ReadAsync<int>(f, a.AsMemory()).GetAwaiter().GetResult(); return a; }
            case ColumnType.UInt64: { var a = new ulong[n]; rg.ReadAsync<ulong>(f, a.AsMemory()).GetAwaiter().GetResult(); return a; }
            case ColumnType.Double when c.Nullable: { var a = new double?[n]; rg.ReadAsync<double>(f, a.AsMemory()).GetAwaiter().GetResult(); return a; }
            case ColumnType.Double: { var a = new double[n]; rg.ReadAsync<double>(f, a.AsMemory()).GetAwaiter().GetResult(); return a.Select(x => (double?)x).ToArray(); }
            case ColumnType.Text: { var a = new string[n]; rg.ReadAsync(f, a.AsMemory()).GetAwaiter().GetResult(); return a; }
            default: { var a = new DateOnly[n]; rg.ReadAsync<DateOnly>(f, a.AsMemory()).GetAwaiter().GetResult(); return a; }
        }
    }

    private static Array Concat(List<Array> parts, TableColumn c)
    {
        int n = parts.Sum(p => p.Length);
        Array all = parts.Count > 0 ? Array.CreateInstance(parts[0].GetType().GetElementType()!, n) : Array.CreateInstance(typeof(object), 0);
        int at = 0;
        foreach (var p in parts) { Array.Copy(p, 0, all, at, p.Length); at += p.Length; }
        return all;
    }

    /// <summary>Index of a column by name, or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Columns.Count; i++) if (Columns[i].Name == name) return i;
        return -1;
    }

    /// <summary>Cell (row, column) as a number (NaN for null; dates as days since 0001-01-01; text parsed, else NaN).</summary>
    public double Number(int row, int col) => Values[col].GetValue(row) switch
    {
        null => double.NaN,
        int i => i,
        ulong u => u,
        double d => d,
        DateOnly d => d.DayNumber,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN,
        _ => double.NaN,
    };

    /// <summary>Cell (row, column) as lossless text (numbers round-trip; null is empty).</summary>
    public string Text(int row, int col) => Values[col].GetValue(row) switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => CsvCell(row, col),
    };

    /// <summary>Cell (row, column) as the CSV writer writes it (so a table can be compared with its CSV cell by cell).</summary>
    public string CsvCell(int row, int col) => Values[col].GetValue(row) switch
    {
        null => "",
        int i => i.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => Csv.Num(d),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => s,
        var o => o.ToString() ?? "",
    };
}
