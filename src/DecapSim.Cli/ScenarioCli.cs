using DecapSim.Scenarios;

namespace DecapSim.Cli;

/// <summary>Loads scenarios for commands: resolves bundled names, reads the process environment and prints errors.</summary>
public static class ScenarioCli
{
    /// <summary>The model's faction/region names used to check events; null skips those checks.
    /// Set once at start-up by the code that owns the model.</summary>
    public static IModelCatalog? ModelCatalog { get; set; }

    /// <summary>Environment used for <c>DECAPSIM__*</c> overrides; defaults to the process environment (tests replace it).</summary>
    public static Func<IReadOnlyDictionary<string, string>> Environment { get; set; } = ScenarioLoader.ProcessEnvironment;

    /// <summary>Loads <paramref name="scenario"/> (a path or a bundled scenario's name) with <c>--set</c> overrides.
    /// On error prints every problem to <c>console.Error</c> and returns false (the caller exits with 2).</summary>
    public static bool TryLoad(string scenario, IReadOnlyList<string>? sets, CliConsole console, out LoadedScenario loaded)
    {
        loaded = null!;
        try
        {
            loaded = ScenarioLoader.Load(ScenarioLocator.Resolve(scenario), Environment(), sets ?? Array.Empty<string>(), ModelCatalog);
            return true;
        }
        catch (ScenarioException e)
        {
            PrintErrors(e.Errors, console);
            return false;
        }
    }

    /// <summary><c>--set-from DATE</c>: <paramref name="full"/> (the scenario loaded with every <c>--set</c>, with its
    /// final Weeks) becomes the scenario loaded with the <c>Timeline.*</c> overrides only plus one policy event per
    /// overridden lever at DATE (<see cref="SetFrom"/>). On error prints it and returns false.</summary>
    public static bool TryApplySetFrom(string scenario, IReadOnlyList<string> sets, string date, DecapSim.Core.Parameters.ModelParameters full,
        CliConsole console, out DecapSim.Core.Parameters.ModelParameters result)
    {
        result = full;
        try
        {
            var from = SetFrom.ParseDate(date);
            var start = ScenarioLoader.Load(ScenarioLocator.Resolve(scenario), Environment(), SetFrom.FromStart(sets), ModelCatalog).Parameters
                with { Weeks = full.Weeks };
            result = SetFrom.Apply(start, full, sets, from);
            return true;
        }
        catch (ScenarioException e)
        {
            PrintErrors(e.Errors, console);
            return false;
        }
    }

    /// <summary>Prints errors as <c>error: file(line,col): Key.Path: message (value: v; allowed: a)</c>.</summary>
    public static void PrintErrors(IEnumerable<ScenarioError> errors, CliConsole console)
    {
        foreach (var e in errors) console.Error.WriteLine("error: " + e);
    }

    /// <summary>Prints warnings the same way with a <c>warning:</c> prefix.</summary>
    public static void PrintWarnings(IEnumerable<ScenarioError> warnings, CliConsole console)
    {
        foreach (var w in warnings) console.Error.WriteLine("warning: " + w);
    }
}
