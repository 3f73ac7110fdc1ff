namespace DecapSim.Experiments.Output.Tables;

/// <summary>
/// The tables of one output folder, committed together once the run's manifest is known (the manifest goes into
/// every Parquet file's key-value metadata under <see cref="ManifestKey"/>).
/// </summary>
public sealed class TableSet : IDisposable
{
    /// <summary>The key-value metadata key holding the manifest JSON.</summary>
    public const string ManifestKey = "decapsim.manifest";
    /// <summary>The key-value metadata key holding the table's name.</summary>
    public const string TableKey = "decapsim.table";

    private readonly List<TableWriter> _tables = new();

    public string Dir { get; }
    public OutputFormat Format { get; }

    public TableSet(string dir, OutputFormat format)
    {
        Dir = dir;
        Format = format;
        Directory.CreateDirectory(dir);
    }

    /// <summary>Opens table <paramref name="name"/> in this folder.</summary>
    public TableWriter Open(string name, IReadOnlyList<TableColumn> columns)
    {
        var t = new TableWriter(Dir, name, columns, Format);
        _tables.Add(t);
        return t;
    }

    /// <summary>The files of every table opened so far.</summary>
    public IEnumerable<string> Files => _tables.SelectMany(t => t.Files);

    /// <summary>Commits every table; <paramref name="manifestJson"/> (null for none) goes into the Parquet metadata.</summary>
    public void Commit(string? manifestJson)
    {
        foreach (var t in _tables)
        {
            var meta = new Dictionary<string, string> { [TableKey] = t.Name };
            if (manifestJson is not null) meta[ManifestKey] = manifestJson;
            t.Commit(meta);
        }
        _tables.Clear();
    }

    public void Dispose()
    {
        foreach (var t in _tables) t.Dispose();
        _tables.Clear();
    }
}
