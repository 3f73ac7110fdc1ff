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
    private CsvTable? _table;
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
            _table = new CsvTable(_csv.Writer).Header(columns.Select(c => c.Name));
        }
        if (format.HasParquet()) _parquet = new ParquetTableFile(Path.Combine(dir, name + ".parquet"), columns, rowGroupSize);
    }

    /// <summary>The CSV table, counting the column; null when only Parquet is written.</summary>
    private CsvTable? Csv()
    {
        _col++;
        return _table;
    }

    public TableWriter Int(int v)
    {
        Csv()?.Int(v);
        _parquet?.Int(v);
        return this;
    }

    public TableWriter Seed(ulong v)
    {
        Csv()?.UInt(v);
        _parquet?.UInt64(v);
        return this;
    }

    /// <summary>A real number (NaN is an empty cell).</summary>
    public TableWriter Num(double v)
    {
        Csv()?.Num(v);
        _parquet?.Num(v);
        return this;
    }

    /// <summary>Text; null, or empty in a nullable column, is an empty cell (null in Parquet, as CSV readers see it).</summary>
    /// <summary>A real number whose CSV text is given (e.g. a parameter value as written in the design).</summary>
    public TableWriter Num(double v, string csvText)
    {
        Csv()?.Text(csvText);
        _parquet?.Num(v);
        return this;
    }

    public TableWriter Text(string? v)
    {
        if (v is null || (v.Length == 0 && Columns[_col].Nullable)) return Null();
        Csv()?.Text(v);
        _parquet?.Text(v);
        return this;
    }

    public TableWriter Date(DateOnly v)
    {
        Csv()?.Date(v);
        _parquet?.Date(v);
        return this;
    }

    /// <summary>An empty cell (the column must be nullable, or a real number).</summary>
    public TableWriter Null()
    {
        Csv()?.Empty();
        _parquet?.Null();
        return this;
    }

    /// <summary>Ends the row.</summary>
    public void EndRow()
    {
        if (_col != Columns.Count) throw new InvalidOperationException($"{Name}: row has {_col} values, the table has {Columns.Count} columns");
        _table?.End();
        _parquet?.EndRow();
        _col = 0;
    }

    /// <summary>Renames the files into place; the Parquet file's footer carries <paramref name="metadata"/>.</summary>
    public void Commit(IReadOnlyDictionary<string, string>? metadata = null)
    {
        _table?.Dispose();
        _table = null;
        _csv?.Commit();
        _parquet?.Commit(metadata);
    }

    public void Dispose()
    {
        _table?.Dispose();
        _csv?.Dispose();
        _parquet?.Dispose();
    }
}
