using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace DecapSim.Experiments.Output.Tables;

/// <summary>
/// Streams rows into a Parquet file (Parquet.Net): values are buffered column by column and written as a row group
/// every <see cref="RowGroupSize"/> rows, zstd-compressed at <see cref="CompressionLevel.Optimal"/>. The file is
/// written under a <c>.partial</c> name and renamed into place by <see cref="Commit"/>, which also stores the
/// key-value metadata (the run's manifest) in the footer.
/// </summary>
public sealed class ParquetTableFile : IDisposable
{
    /// <summary>Rows per row group: large enough for good compression and fast scans, small enough to keep a
    /// 26-column buffer near 50 MB.</summary>
    public const int DefaultRowGroupSize = 250_000;

    private readonly string _path, _tmp;
    private readonly IReadOnlyList<TableColumn> _columns;
    private readonly DataField[] _fields;
    private readonly object[] _buffers;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private int _rows, _col;
    private bool _done;

    public int RowGroupSize { get; }

    /// <summary>Rows written so far (including the buffered ones).</summary>
    public long Rows { get; private set; }

    public ParquetTableFile(string path, IReadOnlyList<TableColumn> columns, int rowGroupSize = DefaultRowGroupSize)
    {
        if (rowGroupSize < 1) throw new ArgumentOutOfRangeException(nameof(rowGroupSize));
        _path = path;
        _tmp = path + ".partial";
        _columns = columns;
        RowGroupSize = rowGroupSize;
        _fields = columns.Select(Field).ToArray();
        _buffers = columns.Select(c => Buffer(c, Math.Min(rowGroupSize, 4096))).ToArray();
        _stream = new FileStream(_tmp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.Optimal };
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream, options).GetAwaiter().GetResult();
    }

    /// <summary>The Parquet field of a column: DATE for dates (not the legacy INT96 timestamp), UINT_64 for seeds,
    /// optional where the CSV may leave a cell empty.</summary>
    public static DataField Field(TableColumn c) => c.Type switch
    {
        ColumnType.Int32 => c.Nullable ? new DataField<int?>(c.Name) : new DataField<int>(c.Name),
        ColumnType.UInt64 => new DataField<ulong>(c.Name),
        ColumnType.Double => new DataField<double?>(c.Name),
        ColumnType.Text => new DataField<string>(c.Name, c.Nullable),
        ColumnType.Date => new DataField<DateOnly>(c.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    private static object Buffer(TableColumn c, int n) => c.Type switch
    {
        ColumnType.Int32 => c.Nullable ? new int?[n] : new int[n],
        ColumnType.UInt64 => new ulong[n],
        ColumnType.Double => new double?[n],
        ColumnType.Text => new string?[n],
        _ => new DateOnly[n],
    };

    private T[] Slot<T>(ColumnType expected)
    {
        if (_col >= _columns.Count) throw new InvalidOperationException($"{Path.GetFileName(_path)}: more values than the {_columns.Count} columns in a row");
        if (_buffers[_col] is not T[] buf)
            throw new InvalidOperationException($"{Path.GetFileName(_path)}: column {_columns[_col].Name} is {_columns[_col].Type}, not {expected}");
        if (_rows >= buf.Length)
        {
            Array.Resize(ref buf, Math.Min(RowGroupSize, buf.Length * 2));
            _buffers[_col] = buf;
        }
        return buf;
    }

    public void Int(int v)
    {
        if (_columns.Count > _col && _columns[_col].Nullable) Slot<int?>(ColumnType.Int32)[_rows] = v;
        else Slot<int>(ColumnType.Int32)[_rows] = v;
        _col++;
    }

    public void UInt64(ulong v) { Slot<ulong>(ColumnType.UInt64)[_rows] = v; _col++; }

    public void Num(double v) { Slot<double?>(ColumnType.Double)[_rows] = double.IsNaN(v) ? null : v; _col++; }

    public void Text(string? v)
    {
        if (v is null && !_columns[_col].Nullable) throw new InvalidOperationException($"column {_columns[_col].Name} may not be empty");
        Slot<string?>(ColumnType.Text)[_rows] = v; _col++;
    }

    public void Date(DateOnly v) { Slot<DateOnly>(ColumnType.Date)[_rows] = v; _col++; }

    /// <summary>An empty cell (the column must be nullable).</summary>
    public void Null()
    {
        var c = _columns[_col];
        if (!c.Nullable && c.Type != ColumnType.Double) throw new InvalidOperationException($"column {c.Name} may not be empty");
        switch (c.Type)
        {
            case ColumnType.Int32: Slot<int?>(c.Type)[_rows] = null; break;
            case ColumnType.Double: Slot<double?>(c.Type)[_rows] = null; break;
            default: Slot<string?>(c.Type)[_rows] = null; break;
        }
        _col++;
    }

    /// <summary>Ends the current row; writes a row group when the buffer is full.</summary>
    public void EndRow()
    {
        if (_col != _columns.Count) throw new InvalidOperationException($"{Path.GetFileName(_path)}: row has {_col} values, the table has {_columns.Count} columns");
        _col = 0;
        _rows++;
        Rows++;
        if (_rows == RowGroupSize) Flush();
    }

    private void Flush()
    {
        if (_rows == 0) return;
        using (var rg = _writer.CreateRowGroup())
        {
            for (int i = 0; i < _fields.Length; i++)
            {
                var f = _fields[i];
                switch (_buffers[i])
                {
                    case int[] a: rg.WriteAsync<int>(f, a.AsMemory(0, _rows)).GetAwaiter().GetResult(); break;
                    case int?[] a: rg.WriteAsync<int>(f, new ReadOnlyMemory<int?>(a, 0, _rows)).GetAwaiter().GetResult(); break;
                    case ulong[] a: rg.WriteAsync<ulong>(f, a.AsMemory(0, _rows)).GetAwaiter().GetResult(); break;
                    case double?[] a: rg.WriteAsync<double>(f, new ReadOnlyMemory<double?>(a, 0, _rows)).GetAwaiter().GetResult(); break;
                    case DateOnly[] a: rg.WriteAsync<DateOnly>(f, a.AsMemory(0, _rows)).GetAwaiter().GetResult(); break;
                    case string?[] a: rg.WriteAsync(f, new ArraySegment<string>(a!, 0, _rows)).GetAwaiter().GetResult(); break;
                }
            }
            rg.CompleteValidate();
        }
        _rows = 0;
    }

    /// <summary>Writes the last row group and the footer with <paramref name="metadata"/>, and renames the file into place.</summary>
    public void Commit(IReadOnlyDictionary<string, string>? metadata = null)
    {
        if (_col != 0) throw new InvalidOperationException($"{Path.GetFileName(_path)}: the last row is incomplete");
        Flush();
        if (metadata is not null) _writer.CustomMetadata = metadata.ToDictionary(kv => kv.Key, kv => kv.Value);
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
        File.Move(_tmp, _path, overwrite: true);
        _done = true;
    }

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        try { _writer.DisposeAsync().AsTask().GetAwaiter().GetResult(); } catch (Exception) { /* the partial file is deleted anyway */ }
        _stream.Dispose();
        try { File.Delete(_tmp); } catch (IOException) { }
    }
}
