using System.Runtime.InteropServices;
using System.Text.Json;

namespace DecapSim.Experiments.Output;

/// <summary>An output folder that cannot be used (bad input: exit code 2). The message names the folder and what is
/// allowed.</summary>
public sealed class OutputFolderException(string message) : Exception(message);

/// <summary>
/// The one way a command writes an output folder, so that a finished folder holds exactly one run's files:
/// <code>
/// using var folder = OutputFolder.Open(o.OutDir);    // checks and locks the folder before any work (OutputFolderException)
/// string dir = folder.Staging;                        // write every file below here (AtomicFile, any sub-folders)
/// ...
/// folder.Publish();                                   // replaces the earlier run's set with this one, manifest last
/// </code>
/// <list type="bullet">
/// <item>Checks first: an empty path, a path naming a file, a folder that cannot be created or written, and a
/// non-empty folder that holds no DecapSim output (no set record, manifest, shard manifest or lock) are refused.</item>
/// <item>One writer at a time: <c>.decapsim.lock</c> is held with an exclusive lock (released by the system when the
/// owner dies, so a stale lock never blocks) and holds the owner's pid; a second run into the same folder is
/// refused, naming that pid.</item>
/// <item>Files are written into a private staging folder <c>.decapsim-staging-&lt;pid&gt;-&lt;random&gt;</c>;
/// <see cref="Publish"/> removes the files of the earlier run (those its set record <c>.decapsim-set.json</c>
/// lists), moves the new entries in and writes the manifest and the set record last. Disposing without publishing
/// (cancelled, failed) deletes the staging folder and leaves the earlier set untouched.</item>
/// <item>Opening a folder inside this process's own staging folder (a compare's or batch's scenario folders) neither
/// locks nor stages again: the enclosing folder publishes everything at once.</item>
/// <item>Unstaged folders (<c>staged: false</c>, the experiment store, which resumes in place) are checked and
/// locked only.</item>
/// </list>
/// </summary>
public sealed class OutputFolder : IDisposable
{
    /// <summary>Lock file name.</summary>
    public const string LockName = ".decapsim.lock";
    /// <summary>The record of the published set (top-level entries).</summary>
    public const string SetName = ".decapsim-set.json";
    private const string StagingPrefix = ".decapsim-staging-";
    private const string TrashPrefix = ".decapsim-trash-";

    private readonly FileStream? _lock;
    private readonly bool _staged;
    private bool _published, _disposed;

    /// <summary>The final folder (full path).</summary>
    public string Path { get; }

    /// <summary>Where the files are written until <see cref="Publish"/> (the folder itself when unstaged).</summary>
    public string Staging { get; }

    /// <summary>The pid of an earlier owner that died holding this folder (its lock was stale), or null.</summary>
    public int? StaleOwner { get; }

    private OutputFolder(string path, string staging, FileStream? lockStream, bool staged, int? staleOwner)
    {
        Path = path; Staging = staging; _lock = lockStream; _staged = staged; StaleOwner = staleOwner;
    }

    /// <summary>Checks <paramref name="dir"/> (see the class comment), creates it, takes its lock and, when
    /// <paramref name="staged"/>, a fresh staging folder. <paramref name="option"/> names the option in messages.</summary>
    public static OutputFolder Open(string dir, string option = "--out", bool staged = true)
    {
        string full = Check(dir, option);
        if (InsideOwnStaging(full))
        {
            Directory.CreateDirectory(full);
            return new OutputFolder(full, full, null, false, null);
        }
        try { Directory.CreateDirectory(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"{option}: cannot create the folder {dir}: {Reason(e)}");
        }
        var (lockStream, stale) = TakeLock(full, dir, option);
        try
        {
            foreach (var leftover in Directory.EnumerateDirectories(full).Where(d => IsOwnInfrastructure(System.IO.Path.GetFileName(d))))
                DeleteEntry(leftover); // staging folders of runs that died: we hold the lock, so their owners are gone
            AtomicFile.DeletePartials(full);
            if (!staged) return new OutputFolder(full, full, lockStream, false, stale);
            string staging = System.IO.Path.Combine(full, $"{StagingPrefix}{Environment.ProcessId}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}");
            Directory.CreateDirectory(staging);
            if (new DirectoryInfo(staging).LinkTarget is not null || Directory.EnumerateFileSystemEntries(staging).Any())
                throw new OutputFolderException($"{option}: {dir}: the staging folder {staging} already existed (planted?); nothing written");
            return new OutputFolder(full, staging, lockStream, true, stale);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lockStream.Dispose();
            throw new OutputFolderException($"{option}: cannot write to {dir}: {Reason(e)}");
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    /// <summary>The checks that need no lock: returns the full path or throws <see cref="OutputFolderException"/>.</summary>
    public static string Check(string dir, string option = "--out")
    {
        if (string.IsNullOrWhiteSpace(dir)) throw new OutputFolderException($"{option}: the path is empty (allowed: a folder path, e.g. runs/latest)");
        string full;
        try { full = System.IO.Path.GetFullPath(dir); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputFolderException($"{option}: '{dir}' is not a valid folder path ({e.Message})");
        }
        if (full.Contains('\0')) throw new OutputFolderException($"{option}: the path contains a NUL character");
        if (File.Exists(full)) throw new OutputFolderException($"{option}: {dir} is a file, not a folder (allowed: a new, empty or earlier DecapSim output folder)");
        if (Directory.Exists(full) && !InsideOwnStaging(full) && !IsEmptyOrOurs(full))
            throw new OutputFolderException($"{option}: {dir} is not empty and holds no DecapSim output (no manifest.json, {SetName} or {LockName}); " +
                "DecapSim only replaces its own outputs: choose a new or empty folder");
        return full;
    }

    /// <summary>True for an empty folder or one that holds a DecapSim output.</summary>
    public static bool IsEmptyOrOurs(string dir)
    {
        var entries = Directory.EnumerateFileSystemEntries(dir).Select(e => System.IO.Path.GetFileName(e)).ToList();
        if (entries.Count == 0) return true;
        if (entries.Any(Markers.Contains)) return true;
        if (entries.All(IsOwnInfrastructure)) return true;
        return entries.Contains("manifest.json") && IsOurManifest(System.IO.Path.Combine(dir, "manifest.json"));
    }

    /// <summary>Files whose presence marks a folder as DecapSim's own: the set record, the lock, an experiment's shard
    /// manifest and a sweep's definition (written before its store is opened).</summary>
    public static readonly IReadOnlySet<string> Markers = new HashSet<string>(StringComparer.Ordinal) { SetName, LockName, "shard.json", "sweep.json" };

    private static bool IsOwnInfrastructure(string name) =>
        name.StartsWith(StagingPrefix, StringComparison.Ordinal) || name.StartsWith(TrashPrefix, StringComparison.Ordinal);

    private static bool IsOurManifest(string path)
    {
        var text = Scenarios.InputFile.TryReadAllText(path, 16L << 20, out _);
        if (text is null) return false;
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("program", out var p)
                && p.ValueKind == JsonValueKind.String && p.GetString() == "decapsim";
        }
        catch (JsonException) { return false; }
    }

    private static bool InsideOwnStaging(string full) =>
        full.Replace('\\', '/').Contains($"/{StagingPrefix}{Environment.ProcessId}-", StringComparison.Ordinal);

    private static (FileStream Lock, int? Stale) TakeLock(string full, string dir, string option)
    {
        string path = System.IO.Path.Combine(full, LockName);
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || Directory.Exists(path))
            throw new OutputFolderException($"{option}: {dir}: {LockName} is a symbolic link or a folder; remove it (DecapSim never writes through links)");
        FileStream fs;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) that the system releases when the owner dies
            fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (UnauthorizedAccessException e) { throw new OutputFolderException($"{option}: cannot write to {dir}: {Reason(e)}"); }
        catch (IOException e) when (File.Exists(path))
        {
            string owner = ReadOwner(path) is { } o ? $"process {o}" : "another process";
            throw new OutputFolderException($"{option}: {dir} is busy: {owner} is writing to it (its lock {System.IO.Path.Combine(dir, LockName)}); " +
                $"wait for it or choose another folder ({e.Message})");
        }
        catch (IOException e) { throw new OutputFolderException($"{option}: cannot write to {dir}: {Reason(e)}"); }
        int? stale = null;
        try
        {
            var previous = new byte[256];
            int n = fs.Read(previous, 0, previous.Length);
            if (ParsePid(System.Text.Encoding.UTF8.GetString(previous, 0, n)) is { } pid && pid != Environment.ProcessId) stale = pid;
            fs.SetLength(0);
            fs.Position = 0;
            var me = System.Text.Encoding.UTF8.GetBytes($"pid {Environment.ProcessId} since {DateTimeOffset.Now:o}\n");
            fs.Write(me);
            fs.Flush(flushToDisk: true);
        }
        catch (IOException e)
        {
            fs.Dispose();
            throw new OutputFolderException($"{option}: cannot write to {dir}: {Reason(e)}");
        }
        return (fs, stale);
    }

    private static int? ParsePid(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text, @"^pid (\d{1,10})\b");
        return m.Success && int.TryParse(m.Groups[1].Value, out var pid) ? pid : null;
    }

    // .NET's own readers take a shared lock, which fails while the owner holds its exclusive one: read the pid with
    // plain open/read (no lock)
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int NativeOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint NativeRead(int fd, byte[] buffer, nint count);
    [DllImport("libc", EntryPoint = "close")]
    private static extern int NativeClose(int fd);

    private static int? ReadOwner(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            int fd = NativeOpen(path, 0);
            if (fd < 0) return null;
            try
            {
                var buf = new byte[256];
                nint n = NativeRead(fd, buf, buf.Length);
                return n > 0 ? ParsePid(System.Text.Encoding.UTF8.GetString(buf, 0, (int)n)) : null;
            }
            finally { NativeClose(fd); }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
    }

    /// <summary>Replaces the earlier run's set with the staged one: the set record first lists both (so an interrupted
    /// publish is cleaned up by the next run), the earlier entries go, the new ones move in, the manifest and the set
    /// record come last. No-op for unstaged folders.</summary>
    public void Publish()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_staged || _published) { _published = true; return; }
        var fresh = Directory.EnumerateFileSystemEntries(Staging).Select(e => System.IO.Path.GetFileName(e)!)
            .Where(n => n != LockName && n != SetName).Order(StringComparer.Ordinal).ToList();
        var old = EarlierSet().Where(n => !IsOwnInfrastructure(n) && n != LockName && n != SetName).ToList();
        WriteSet(old.Union(fresh).Order(StringComparer.Ordinal).ToList(), complete: false);
        DeleteEntry(System.IO.Path.Combine(Path, "manifest.json"));
        foreach (var name in old.Except(fresh)) DeleteEntry(System.IO.Path.Combine(Path, name));
        var trash = new List<string>();
        foreach (var name in fresh.Where(n => n != "manifest.json").Append("manifest.json"))
        {
            string src = System.IO.Path.Combine(Staging, name), dst = System.IO.Path.Combine(Path, name);
            bool srcIsDir = Directory.Exists(src);
            if (!srcIsDir && !File.Exists(src)) continue;
            var target = new FileInfo(dst);
            if (target.LinkTarget is null && Directory.Exists(dst) || srcIsDir && (File.Exists(dst) || target.LinkTarget is not null))
            {
                string t = System.IO.Path.Combine(Path, TrashPrefix + Guid.NewGuid().ToString("N"));
                if (target.LinkTarget is not null || File.Exists(dst)) File.Move(dst, t); else Directory.Move(dst, t);
                trash.Add(t);
            }
            if (srcIsDir) Directory.Move(src, dst);
            else File.Move(src, dst, overwrite: true); // rename(2): replaces a link at dst, never writes through it
        }
        WriteSet(fresh, complete: true);
        _published = true;
        foreach (var t in trash) DeleteEntry(t);
        DeleteEntry(Staging);
    }

    /// <summary>The top-level entries of the earlier run: its set record, else (older outputs) its manifest's files.</summary>
    private List<string> EarlierSet()
    {
        string set = System.IO.Path.Combine(Path, SetName);
        if (File.Exists(set) && Scenarios.InputFile.TryReadAllText(set, 16L << 20, out _) is { } text)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                return doc.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetString()!).Where(SafeName).ToList();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { }
        }
        string manifest = System.IO.Path.Combine(Path, "manifest.json");
        if (File.Exists(manifest) && IsOurManifest(manifest) && Scenarios.InputFile.TryReadAllText(manifest, 16L << 20, out _) is { } m)
        {
            try
            {
                using var doc = JsonDocument.Parse(m);
                if (doc.RootElement.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
                    return files.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String)
                        .Select(f => f.GetString()!.Replace('\\', '/').Split('/')[0]).Where(SafeName).Distinct().ToList();
            }
            catch (JsonException) { }
        }
        return new List<string>();
    }

    /// <summary>A plain entry name (no path, no "..").</summary>
    private static bool SafeName(string n) => n.Length > 0 && n != "." && n != ".." && n.IndexOfAny(['/', '\\', '\0']) < 0;

    private void WriteSet(IReadOnlyList<string> entries, bool complete)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("program", "decapsim");
            w.WriteString("state", complete ? "complete" : "publishing");
            w.WriteNumber("pid", Environment.ProcessId);
            w.WriteString("published", DateTimeOffset.Now.ToString("o"));
            w.WriteStartArray("entries");
            foreach (var e in entries) w.WriteStringValue(e);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        AtomicFile.WriteAllBytes(System.IO.Path.Combine(Path, SetName), ms.ToArray());
    }

    /// <summary>Deletes a file, a link (not what it points to) or a folder.</summary>
    private static void DeleteEntry(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || File.Exists(path)) { File.Delete(path); return; }
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };

    /// <summary>Releases the lock; without <see cref="Publish"/>, deletes the staging folder first.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (_staged && !_published) DeleteEntry(Staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        finally
        {
            if (_lock is not null)
            {
                try { _lock.SetLength(0); } catch (IOException) { }
                _lock.Dispose();
            }
        }
    }
}
