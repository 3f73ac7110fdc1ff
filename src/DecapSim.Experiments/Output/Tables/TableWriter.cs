using System.Globalization;
using System.Text;

namespace DecapSim.Experiments.Output.Tables;

/// <summary>
/// One table written as <c>NAME.csv</c>, <c>NAME.parquet</c> or both, from the same typed values in column order, so
/// the two files always have the same columns, names and rows. Nothing is visible under a final name before
/// <see cref="Commit"/>; disposing without committing deletes the partial files.
/// </summary>
public sealed class TableWriter : IDisposable
{
    private readonly AtomicFile? _csv;
    private readonly ParquetTableFile? _parquet;
    private readonly StringBuilder _line = new(256);
    private int _col;

    /// <summary>The table's name (file name without extension).</summary>
    public string Name { get; }
    public IReadOnlyList<TableColumn> Columns { get; }
    /// <summary>The files this table becomes, relative to its folder.</summary>
    public IReadOnlyList<string> Files { get; }

    public TableWriter(string dir, string name, IReadOnlyList<TableColumn> columns, OutputFormat format, int rowGroupSize = ParquetTableFile.DefaultRowGroupSize)
    {
        Name = name;
        Columns = columns;
        Files = format.FileNames(name).ToArray();
        if (format.HasCsv())
        {
            _csv = new AtomicFile(Path.Combine(dir, name + ".csv"));
            _csv.Writer.WriteLine(string.Join(",", columns.Select(c => Csv.Text(c.Name))));
        }
        if (format.HasParquet()) _parquet = new ParquetTableFile(Path.Combine(dir, name + ".parquet"), columns, rowGroupSize);
    }

    private void Sep()
    {
        if (_col++ > 0) _line.Append(',');
    }

    public TableWriter Int(int v)
    {
        if (_csv is not null) { Sep(); _line.Append(v); } else _col++;
        _parquet?.Int(v);
        return this;
    }

    public TableWriter Seed(ulong v)
    {
        if (_csv is not null) { Sep(); _line.Append(v.ToString(CultureInfo.InvariantCulture)); } else _col++;
        _parquet?.UInt64(v);
        return this;
    }

    /// <summary>A real number (NaN is an empty cell).</summary>
    public TableWriter Num(double v)
    {
        if (_csv is not null) { Sep(); _line.Append(Csv.Num(v)); } else _col++;
        _parquet?.Num(v);
        return this;
    }

    /// <summary>Text; null, or empty in a nullable column, is an empty cell (null in Parquet, as CSV readers see it).</summary>
    /// <summary>A real number whose CSV text is given (e.g. a parameter value as written in the design).</summary>
    public TableWriter Num(double v, string csvText)
    {
        if (_csv is not null) { Sep(); _line.Append(Csv.Text(csvText)); } else _col++;
        _parquet?.Num(v);
        return this;
    }

    public TableWriter Text(string? v)
    {
        if (v is null || (v.Length == 0 && Columns[_col].Nullable)) return Null();
        if (_csv is not null) { Sep(); _line.Append(Csv.Text(v)); } else _col++;
        _parquet?.Text(v);
        return this;
    }

    public TableWriter Date(DateOnly v)
    {
        if (_csv is not null) { Sep(); _line.Append(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); } else _col++;
        _parquet?.Date(v);
        return this;
    }

    /// <summary>An empty cell (the column must be nullable, or a real number).</summary>
    public TableWriter Null()
    {
        if (_csv is not null) Sep(); else _col++;
        _parquet?.Null();
        return this;
    }

    /// <summary>Ends the row.</summary>
    public void EndRow()
    {
        if (_col != Columns.Count) throw new InvalidOperationException($"{Name}: row has {_col} values, the table has {Columns.Count} columns");
        if (_csv is not null) { _csv.Writer.WriteLine(_line); _line.Clear(); }
        _parquet?.EndRow();
        _col = 0;
    }

    /// <summary>Renames the files into place; the Parquet file's footer carries <paramref name="metadata"/>.</summary>
    public void Commit(IReadOnlyDictionary<string, string>? metadata = null)
    {
        _csv?.Commit();
        _parquet?.Commit(metadata);
    }

    public void Dispose()
    {
        _csv?.Dispose();
        _parquet?.Dispose();
    }
}
