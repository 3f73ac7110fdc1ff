using System.Runtime.InteropServices;
using DecapSim.Experiments.Output;
using DecapSim.Scenarios;

namespace DecapSim.Cli;

/// <summary>
/// What every command runs inside: Ctrl-C (SIGINT) and SIGTERM cancel the same way (the work unwinds, temporary and
/// staged files are deleted, the earlier output stays as it was), an output folder that cannot be used is a clear
/// error, and no exception leaves the CLI unhandled: the last-resort handler says in one line what failed and where
/// the details are, with exit code 2 for bad input and 1 for a failed run.
/// </summary>
public static class CliGuard
{
    /// <summary>A cancellation source cancelled by SIGINT and SIGTERM while it lives (the default termination is
    /// suppressed so the work can clean up).</summary>
    public sealed class SignalCancellation : IDisposable
    {
        private readonly CancellationTokenSource _cts = new();
        private readonly List<PosixSignalRegistration> _registrations = new();

        internal SignalCancellation()
        {
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            {
                try
                {
                    _registrations.Add(PosixSignalRegistration.Create(signal, c => { c.Cancel = true; Cancel(); }));
                }
                catch (PlatformNotSupportedException) { }
            }
        }

        /// <summary>The token the work observes.</summary>
        public CancellationToken Token => _cts.Token;

        /// <summary>Cancels (as a signal would).</summary>
        public void Cancel()
        {
            try { _cts.Cancel(); } catch (ObjectDisposedException) { }
        }

        public void Dispose()
        {
            foreach (var r in _registrations) r.Dispose();
            _cts.Dispose();
        }
    }

    /// <summary>Starts listening for SIGINT and SIGTERM.</summary>
    public static SignalCancellation Signals() => new();

    /// <summary>The signal cancellation of the command running now (tests send "signals" through it).</summary>
    internal static SignalCancellation? Current { get; private set; }

    /// <summary>Runs <paramref name="body"/> with a cancellation token wired to SIGINT and SIGTERM.</summary>
    public static int Run(CliConsole console, string outDir, Func<CancellationToken, int> body)
    {
        try { OutputFolder.Check(outDir); } // before anything is printed or simulated
        catch (OutputFolderException e)
        {
            console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }
        using var signals = Signals();
        Current = signals;
        try
        {
            return body(signals.Token);
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("cancelled: nothing half-written is left; the output folder keeps its earlier run, if any");
            return ExitCodes.RunFailed;
        }
        catch (Exception e) when (Unwrap(e) is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot write to {outDir}: {Unwrap(e).Message} (nothing half-written is left)");
            return ExitCodes.RunFailed;
        }
        finally { Current = null; }
    }

    /// <summary>The inner exception of a parallel loop's <see cref="AggregateException"/> (the first one).</summary>
    internal static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } a)
            e = a.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? a.InnerExceptions[0];
        return e;
    }

    /// <summary>The last-resort handler: one line on stderr, the details in a file; returns the exit code.</summary>
    public static int Report(Exception ex, CliConsole console)
    {
        var e = Unwrap(ex);
        switch (e)
        {
            case ScenarioException se:
                ScenarioCli.PrintErrors(se.Errors, console);
                return ExitCodes.BadInput;
            case OutputFolderException oe:
                console.Error.WriteLine("error: " + oe.Message);
                return ExitCodes.BadInput;
            case OperationCanceledException:
                console.Error.WriteLine("cancelled");
                return ExitCodes.RunFailed;
            case IOException or UnauthorizedAccessException:
                console.Error.WriteLine("error: " + OneLine(e.Message) + " (nothing half-written is left)");
                return ExitCodes.RunFailed;
        }
        string details = WriteDetails(ex);
        bool badInput = e is ArgumentException or FormatException or System.Text.Json.JsonException or InvalidDataException;
        console.Error.WriteLine($"error: {(badInput ? "bad input" : "internal error")}: {e.GetType().Name}: {OneLine(e.Message)} (details: {details})");
        return badInput ? ExitCodes.BadInput : ExitCodes.RunFailed;
    }

    private static string OneLine(string s)
    {
        var line = s.Replace("\r", " ").Replace("\n", " ");
        return line.Length > 300 ? line[..300] + "..." : line;
    }

    /// <summary>Writes the exception with its stack trace to a new file in the temporary folder; returns its path
    /// (or a note when even that fails).</summary>
    private static string WriteDetails(Exception ex)
    {
        try
        {
            string path = Path.Combine(Path.GetTempPath(), $"decapsim-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.txt");
            using var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var w = new StreamWriter(f);
            w.WriteLine($"decapsim {ManifestWriter.VersionInfo().Version} ({ManifestWriter.VersionInfo().Commit})");
            w.WriteLine("command: decapsim " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
            w.WriteLine(ex.ToString());
            return path;
        }
        catch (Exception) { return "could not be written to the temporary folder"; }
    }

    /// <summary>Checks an integer option's range; prints the error and returns false when it is outside.</summary>
    public static bool InRange(CliConsole console, string option, int value, int min, int max, string? why = null)
    {
        if (value >= min && value <= max) return true;
        console.Error.WriteLine($"error: {option}: {value} is out of range (allowed: {min}..{max}{(why is null ? "" : "; " + why)})");
        return false;
    }
}
