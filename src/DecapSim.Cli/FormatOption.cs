using System.CommandLine;
using DecapSim.Experiments.Output;

namespace DecapSim.Cli;

/// <summary>The <c>--format csv|parquet|both</c> option shared by the commands that write tables.</summary>
public static class FormatOption
{
    /// <summary>A new option with the given default.</summary>
    public static Option<string> Create(OutputFormat fallback) => new("--format")
    {
        Description = $"Tables as csv, parquet or both (default {fallback.ToString().ToLowerInvariant()}); charts, report and manifest are written either way",
        DefaultValueFactory = _ => fallback.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads the option; prints the error and returns false for a value other than csv, parquet or both.</summary>
    public static bool TryGet(ParseResult parse, Option<string> option, CliConsole console, out OutputFormat format)
    {
        var text = parse.GetValue(option);
        if (OutputFormats.TryParse(text, out format)) return true;
        console.Error.WriteLine($"error: --format: '{text}' is not a table format (allowed: {OutputFormats.Allowed})");
        return false;
    }
}
