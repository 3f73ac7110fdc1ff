using System.CommandLine;

namespace DecapSim.Cli;

/// <summary>
/// The options several commands share, made in one place so they mean the same everywhere (run, compare, batch,
/// reference): the same names, short aliases (<c>-o</c>, <c>-r</c>, <c>-s</c>), ranges and words.
/// </summary>
public static class CommonOptions
{
    /// <summary>Largest accepted <c>--weeks</c> (100 years).</summary>
    public const int MaxWeeks = 5200;

    /// <summary><c>--out</c>, <c>-o</c>.</summary>
    public static Option<string> Out(string? defaultValue, string description = "Output folder (a new or empty folder, or an earlier DecapSim output, which is replaced as a whole)")
    {
        var o = new Option<string>("--out", "-o") { Description = description };
        if (defaultValue is null) o.Required = true;
        else o.DefaultValueFactory = _ => defaultValue;
        return o;
    }

    /// <summary><c>--replicates</c>, <c>-r</c>, with its default said in the help.</summary>
    public static Option<int> Replicates(int defaultValue, string description) =>
        new("--replicates", "-r") { Description = description, DefaultValueFactory = _ => defaultValue };

    /// <summary><c>--seed</c>, <c>-s</c>.</summary>
    public static Option<ulong?> Seed(string description = "Master seed (default: the scenario's Seed, else 1)") =>
        new("--seed", "-s") { Description = description };

    /// <summary><c>--weeks</c>.</summary>
    public static Option<int?> Weeks(string description = "Override the number of weeks (1..5200)") =>
        new("--weeks") { Description = description };

    /// <summary><c>--set</c>.</summary>
    public static Option<string[]> Set(string description = "Override a parameter: Section.Key=value (repeatable)") =>
        new("--set") { Description = description, AllowMultipleArgumentsPerToken = false };

    /// <summary><c>--no-charts</c>.</summary>
    public static Option<bool> NoCharts(string description = "Skip the charts") => new("--no-charts") { Description = description };

    /// <summary><c>--threads</c>.</summary>
    public static Option<int> Threads() =>
        new("--threads") { Description = "Worker threads (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };

    /// <summary><c>--quiet</c>, <c>-q</c>.</summary>
    public static Option<bool> Quiet(string description = "No progress output") => new("--quiet", "-q") { Description = description };

    /// <summary>Checks <c>--weeks</c>; prints the error and returns false when it is outside 1..5200.</summary>
    public static bool WeeksOk(CliConsole console, int? weeks) =>
        weeks is not { } w || CliGuard.InRange(console, "--weeks", w, 1, MaxWeeks);
}
