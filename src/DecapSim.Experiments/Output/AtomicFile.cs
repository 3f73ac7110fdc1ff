namespace DecapSim.Experiments.Output;

/// <summary>Writes a file under a temporary name and renames it into place when complete, so an interrupted run
/// never leaves a half-written file under the final name.</summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _path;
    private readonly string _tmp;
    private bool _committed;

    /// <summary>The writer (UTF-8, no BOM, "\n" line ends).</summary>
    public StreamWriter Writer { get; }

    public AtomicFile(string path)
    {
        _path = path;
        _tmp = path + ".partial";
        Writer = new StreamWriter(_tmp, false, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }

    /// <summary>Closes and renames into place.</summary>
    public void Commit()
    {
        Writer.Flush();
        Writer.Dispose();
        File.Move(_tmp, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        Writer.Dispose();
        try { File.Delete(_tmp); } catch (IOException) { }
    }

    /// <summary>Deletes every leftover <c>*.partial</c> file under <paramref name="dir"/> (after a cancelled or failed
    /// run; normally disposal already removed them). Returns how many were deleted.</summary>
    public static int DeletePartials(string dir)
    {
        if (!Directory.Exists(dir)) return 0;
        int n = 0;
        foreach (var f in Directory.EnumerateFiles(dir, "*.partial", SearchOption.AllDirectories))
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
}
