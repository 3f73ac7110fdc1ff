using System.Text.RegularExpressions;

namespace DecapSim.Core.Tests;

/// <summary>Core is a function of (parameters, seeds): no I/O, console, clock or unseeded randomness. Checked on the
/// source (every .cs file of src/DecapSim.Core, comments left out) and on the assembly's references.</summary>
public sealed class CorePurityTests
{
    /// <summary>What Core must not call, with why.</summary>
    private static readonly (string Pattern, string Why)[] Forbidden =
    {
        (@"(?<![\w.])(File|Directory|Path|FileInfo|DirectoryInfo|FileStream|StreamReader|StreamWriter|DriveInfo)\s*[.(]", "file I/O"),
        (@"(?<![\w.])Console\s*\.", "console"),
        (@"(?<![\w.])(DateTime|DateTimeOffset)\s*\.\s*(Now|UtcNow|Today)\b", "the clock"),
        (@"(?<![\w.])(Stopwatch|TimeProvider)\b", "the clock"),
        (@"(?<![\w.])Environment\s*\.\s*(TickCount|TickCount64|GetEnvironmentVariable|CurrentDirectory|ProcessorCount|MachineName)\b", "the environment"),
        (@"new\s+(System\.)?Random\s*\(", "unseeded or shared System.Random"),
        (@"(?<![\w.])Random\s*\.\s*Shared\b", "shared System.Random"),
        (@"(?<![\w.])(Guid\s*\.\s*NewGuid|RandomNumberGenerator|SystemRandomSource)\b", "unseeded randomness"),
        (@"new\s+MersenneTwister\s*\(\s*\)", "unseeded randomness"),
        (@"(?<![\w.])(HttpClient|WebClient|Socket|Process)\s*[.(]", "network or processes"),
    };

    private static string CoreSource()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DecapSim.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "src", "DecapSim.Core");
    }

    /// <summary>The code of a file without comments and string contents.</summary>
    internal static string Code(string text)
    {
        text = Regex.Replace(text, @"/\*.*?\*/", " ", RegexOptions.Singleline);
        text = Regex.Replace(text, @"//[^\n]*", "");
        return Regex.Replace(text, "\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\"");
    }

    [Fact]
    public void CoreSource_CallsNoIoConsoleClockOrUnseededRandomness()
    {
        var files = Directory.EnumerateFiles(CoreSource(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(files.Count > 20, "the Core sources were found");
        var found = new List<string>();
        foreach (var f in files)
        {
            var lines = Code(File.ReadAllText(f)).Split('\n');
            for (int i = 0; i < lines.Length; i++)
                foreach (var (pattern, why) in Forbidden)
                    if (Regex.IsMatch(lines[i], pattern))
                        found.Add($"{Path.GetFileName(f)}:{i + 1}: {why}: {lines[i].Trim()}");
        }
        Assert.True(found.Count == 0, "Core must be a pure function of (parameters, seeds):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("var t = Stopwatch.GetTimestamp();")]
    [InlineData("File.WriteAllText(p, x);")]
    [InlineData("var r = new Random();")]
    [InlineData("Console.WriteLine(x);")]
    [InlineData("var now = DateTime.UtcNow;")]
    public void Scan_FindsForbiddenCalls(string line) =>
        Assert.Contains(Forbidden, f => Regex.IsMatch(Code(line), f.Pattern));

    [Theory]
    [InlineData("TerritoryProcess.UpdateControl(s); // File.Delete in a comment")]
    [InlineData("var label = \"Console.Write\";")]
    [InlineData("s.Seeds.Dynamics; Parallel.For(0, n, i => { });")]
    public void Scan_IgnoresCommentsStringsAndLongerNames(string line) =>
        Assert.DoesNotContain(Forbidden, f => Regex.IsMatch(Code(line), f.Pattern));

    [Fact]
    public void CoreAssembly_ReferencesNoConsoleNetworkOrProcessAssembly()
    {
        var refs = typeof(Simulation).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(refs, r => r is "System.Console" or "System.Diagnostics.Process" or "System.IO.FileSystem" || r.StartsWith("System.Net", StringComparison.Ordinal));
    }
}
