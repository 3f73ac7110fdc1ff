using System.Runtime.InteropServices;

namespace DecapSim.Scenarios;

/// <summary>
/// The one way DecapSim reads a file a user named (scenario, faction and relation tables, experiment files, target
/// tables, stored results): only a regular file (never a directory, FIFO, socket or device such as /dev/zero, which
/// would hang or never end), at most <see cref="Limit"/> bytes (the limit is said in the error), and never more than
/// the limit even when the file grows while it is read. Errors name the file and what was expected; they never echo
/// the file's content.
/// </summary>
public static partial class InputFile
{
    /// <summary>Size limits (bytes) by kind of input.</summary>
    public static class Limit
    {
        /// <summary>Scenario and experiment files (JSON): 4 MiB, far beyond any hand-written file.</summary>
        public const long Json = 4L << 20;
        /// <summary>Data tables (factions, relations, calibration targets): 64 MiB.</summary>
        public const long Table = 64L << 20;
        /// <summary>One stored result of an experiment unit: 1 MiB.</summary>
        public const long StoreEntry = 1L << 20;
    }

    /// <summary>What a path names.</summary>
    public enum Kind { Missing, Regular, Directory, Fifo, Socket, Device, Other }

    /// <summary>The limit as text for messages ("4 MiB").</summary>
    public static string Describe(long bytes) => bytes >= 1L << 20 ? $"{bytes >> 20} MiB" : bytes >= 1024 ? $"{bytes >> 10} KiB" : $"{bytes} bytes";

    /// <summary>What <paramref name="path"/> names, following symbolic links (reading through a link the user made is
    /// fine; only writes refuse links).</summary>
    public static Kind KindOf(string path)
    {
        try
        {
            if (Directory.Exists(path)) return Kind.Directory;
            if (!File.Exists(path)) return Kind.Missing;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException) { return Kind.Missing; }
        if (OperatingSystem.IsWindows()) return Kind.Regular;
        return NativeKind(path);
    }

    /// <summary>Reads the whole file, or returns null with <paramref name="problem"/> saying why (no content echoed).</summary>
    public static byte[]? TryReadAllBytes(string path, long limit, out string problem)
    {
        problem = "";
        switch (KindOf(path))
        {
            case Kind.Missing: problem = "file not found"; return null;
            case Kind.Directory: problem = "is a folder, not a file"; return null;
            case Kind.Fifo: problem = "is a named pipe (FIFO), not a regular file"; return null;
            case Kind.Socket: problem = "is a socket, not a regular file"; return null;
            case Kind.Device: problem = "is a device, not a regular file"; return null;
            case Kind.Other: problem = "is not a regular file"; return null;
        }
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (fs.CanSeek && fs.Length > limit)
            {
                problem = $"the file is larger than the limit of {Describe(limit)} ({fs.Length:N0} bytes)";
                return null;
            }
            var ms = new MemoryStream(fs.CanSeek ? (int)Math.Min(fs.Length, limit) : 4096);
            var buffer = new byte[1 << 16];
            int n;
            while ((n = fs.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (ms.Length + n > limit)
                {
                    problem = $"the file is larger than the limit of {Describe(limit)}";
                    return null;
                }
                ms.Write(buffer, 0, n);
            }
            return ms.ToArray();
        }
        catch (UnauthorizedAccessException) { problem = "cannot read the file: permission denied"; return null; }
        catch (IOException e) { problem = "cannot read the file: " + e.Message; return null; }
    }

    /// <summary>Reads the whole file as bytes; throws <see cref="ScenarioException"/> naming <paramref name="display"/>
    /// and <paramref name="keyPath"/> when it cannot.</summary>
    public static byte[] ReadAllBytes(string path, string display, string keyPath, string expected, long limit)
        => TryReadAllBytes(path, limit, out var problem)
           ?? throw new ScenarioException(new ScenarioError(display, keyPath, "", expected, problem));

    /// <summary>Reads a UTF-8 text file (BOM removed); throws <see cref="ScenarioException"/> when it is not a regular
    /// file within the limit or not UTF-8 text.</summary>
    public static string ReadAllText(string path, string display, string keyPath, string expected, long limit)
        => TryReadAllText(path, limit, out var problem)
           ?? throw new ScenarioException(new ScenarioError(display, keyPath, "", expected, problem));

    /// <summary>Reads a UTF-8 text file (BOM removed), or null with the problem.</summary>
    public static string? TryReadAllText(string path, long limit, out string problem)
    {
        var bytes = TryReadAllBytes(path, limit, out problem);
        if (bytes is null) return null;
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        if (span.IndexOf((byte)0) >= 0 || !System.Text.Unicode.Utf8.IsValid(span))
        {
            problem = "not a text file (binary or not UTF-8)";
            return null;
        }
        return System.Text.Encoding.UTF8.GetString(span);
    }

    // The file type comes from the runtime's own stat (System.Native, shipped with every .NET on Unix); its FileStatus
    // starts with int32 Flags, int32 Mode, and Mode's type bits are the portable S_IF* values below.
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* status);

    private static unsafe Kind NativeKind(string path)
    {
        try
        {
            byte* buf = stackalloc byte[512];
            if (Stat(path, buf) != 0) return Kind.Missing;
            int mode = *(int*)(buf + 4);
            return (mode & 0xF000) switch
            {
                0x8000 => Kind.Regular,
                0x4000 => Kind.Directory,
                0x1000 => Kind.Fifo,
                0xC000 => Kind.Socket,
                0x2000 or 0x6000 => Kind.Device,
                _ => Kind.Other,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // no System.Native: fall back on the size; FIFOs and devices report 0 bytes, and an empty file is refused anyway
            return new FileInfo(path).Length > 0 ? Kind.Regular : Kind.Other;
        }
    }
}
