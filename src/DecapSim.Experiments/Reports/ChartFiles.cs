using DecapSim.Charts;
using DecapSim.Experiments.Output;

namespace DecapSim.Experiments.Reports;

/// <summary>Writes rendered charts as NAME.svg and NAME.png, each atomically; a format that cannot be rendered or
/// written is reported through the warning callback, never silently dropped.</summary>
public static class ChartFiles
{
    /// <summary>Writes every chart into <paramref name="dir"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string dir, IReadOnlyList<RenderedChart> charts, Action<string>? warn = null)
    {
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        foreach (var c in charts)
        {
            foreach (var problem in c.Problems) warn?.Invoke(problem);
            if (c.Svg is { } svg) Try(Path.Combine(dir, c.Name + ".svg"), f => AtomicFile.WriteAllText(f, svg), files, warn);
            if (c.Png is { } png) Try(Path.Combine(dir, c.Name + ".png"), f => WriteBytes(f, png), files, warn);
        }
        if (ChartFonts.Warning is { } w) warn?.Invoke(w);
        return files;
    }

    private static void WriteBytes(string path, byte[] bytes)
    {
        string tmp = path + ".partial";
        try { File.WriteAllBytes(tmp, bytes); File.Move(tmp, path, overwrite: true); }
        finally { if (File.Exists(tmp)) File.Delete(tmp); }
    }

    private static void Try(string path, Action<string> write, List<string> files, Action<string>? warn)
    {
        try { write(path); files.Add(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn?.Invoke($"{Path.GetFileName(path)} could not be written: {e.Message}");
        }
    }
}
