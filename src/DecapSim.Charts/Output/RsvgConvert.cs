using System.Diagnostics;

namespace DecapSim.Charts;

/// <summary>Converts SVG to PNG with the external rsvg-convert program (Debian package librsvg2-bin).</summary>
public static class RsvgConvert
{
    /// <summary>Full path of rsvg-convert found by scanning PATH, or null.</summary>
    public static string? FindExecutable()
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path)) return null;
        string[] names = OperatingSystem.IsWindows() ? ["rsvg-convert.exe", "rsvg-convert"] : ["rsvg-convert"];
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (string name in names)
            {
                string candidate = Path.Combine(dir.Trim('"'), name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>True when rsvg-convert is on PATH.</summary>
    public static bool IsAvailable => FindExecutable() is not null;

    /// <summary>Renders SVG markup to a PNG file of the given pixel size on a white background.</summary>
    /// <exception cref="RsvgConvertNotFoundException">rsvg-convert is not on PATH.</exception>
    public static void SvgToPng(string svg, string pngPath, int width, int height)
    {
        string exe = FindExecutable() ?? throw new RsvgConvertNotFoundException();
        string tmp = Path.Combine(Path.GetTempPath(), $"decapsim-chart-{Guid.NewGuid():N}.svg");
        try
        {
            File.WriteAllText(tmp, svg);
            var psi = new ProcessStartInfo(exe)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string a in new[] { "-w", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         "-h", height.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         "-b", "white", "-o", Path.GetFullPath(pngPath), tmp })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}.");
            string err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
                throw new InvalidOperationException($"rsvg-convert failed with exit code {p.ExitCode}: {err.Trim()}");
        }
        finally
        {
            File.Delete(tmp);
        }
    }
}
