namespace DecapSim.Experiments.Output;

/// <summary>
/// Writes a file under a private temporary name and renames it into place when complete, so an interrupted run never
/// leaves a half-written file under the final name. The temporary file is created exclusively (it fails if anything,
/// a planted symbolic link included, has that name: a write never goes through a link), has a name no other process
/// uses (<c>NAME.&lt;pid&gt;-&lt;random&gt;.partial</c>), and is flushed to disk before the rename that publishes it;
/// the rename replaces a link at the final name instead of writing through it.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    /// <summary>Suffix of every temporary file.</summary>
    public const string PartialSuffix = ".partial";

    private readonly string _path;
    private readonly string _tmp;
    private readonly FileStream _stream;
    private bool _committed, _disposed;

    /// <summary>The writer (UTF-8, no BOM, "\n" line ends).</summary>
    public StreamWriter Writer { get; }

    /// <summary>The temporary file's path (while not committed).</summary>
    public string TemporaryPath => _tmp;

    public AtomicFile(string path)
    {
        _path = path;
        _tmp = TemporaryName(path);
        // CreateNew = O_CREAT|O_EXCL: never opens an existing file or follows a link
        _stream = new FileStream(_tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        Writer = new StreamWriter(_stream, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }

    /// <summary>A fresh temporary name beside <paramref name="path"/>.</summary>
    public static string TemporaryName(string path) =>
        $"{path}.{Environment.ProcessId}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}{PartialSuffix}";

    /// <summary>Flushes to disk, closes and renames into place.</summary>
    public void Commit()
    {
        Writer.Flush();
        _stream.Flush(flushToDisk: true);
        Writer.Dispose();
        File.Move(_tmp, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed || _disposed) return;
        _disposed = true;
        try { Writer.Dispose(); } catch (IOException) { } // a full disk fails the final flush too: still remove the file
        try { _stream.Dispose(); } catch (IOException) { }
        try { File.Delete(_tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Deletes every leftover <c>*.partial</c> file under <paramref name="dir"/> (after a cancelled or failed
    /// run, by the process that holds the folder; normally disposal already removed them). Returns how many were deleted.</summary>
    public static int DeletePartials(string dir)
    {
        if (!Directory.Exists(dir)) return 0;
        int n = 0;
        foreach (var f in Directory.EnumerateFiles(dir, "*" + PartialSuffix, SearchOption.AllDirectories))
        {
            try { File.Delete(f); n++; } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return n;
    }

    /// <summary>Writes a whole text file atomically.</summary>
    public static void WriteAllText(string path, string text)
    {
        using var f = new AtomicFile(path);
        f.Writer.Write(text);
        f.Commit();
    }

    /// <summary>Writes a whole binary file atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var f = new AtomicFile(path);
        f.Writer.Flush();
        f._stream.Write(bytes);
        f.Commit();
    }
}
