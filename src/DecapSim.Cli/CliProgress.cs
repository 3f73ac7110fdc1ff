using Spectre.Console;

namespace DecapSim.Cli;

/// <summary>A progress bar with ETA for long work (Spectre.Console), drawn only on an interactive terminal and
/// never with <c>--quiet</c>; otherwise the work runs with no bar.</summary>
internal static class CliProgress
{
    /// <summary>Whether a bar is drawn for <paramref name="console"/>.</summary>
    public static bool Enabled(CliConsole console, bool quiet) =>
        !quiet && ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected && ErrorConsole.Profile.Capabilities.Interactive;

    /// <summary>The bar is drawn on stderr, so stdout carries only results.</summary>
    private static readonly IAnsiConsole ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>Runs <paramref name="work"/>, which reports finished units (thread-safe) through the action it is
    /// given; <paramref name="total"/> units make 100%.</summary>
    public static T Run<T>(CliConsole console, bool quiet, string description, double total, Func<Action, T> work)
    {
        if (!Enabled(console, quiet)) return work(() => { });
        T result = default!;
        ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                result = work(() => task.Increment(1));
            });
        return result;
    }
}
