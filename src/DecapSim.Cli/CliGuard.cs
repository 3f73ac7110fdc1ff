using DecapSim.Experiments.Output;

namespace DecapSim.Cli;

/// <summary>
/// What every long-running command does around its work: Ctrl-C cancels cleanly (partial files are deleted, nothing
/// half-written stays under a final name), an output folder that cannot be written is a clear error, and the exit
/// code says what happened.
/// </summary>
public static class CliGuard
{
    /// <summary>Runs <paramref name="body"/> with a cancellation token wired to Ctrl-C.</summary>
    public static int Run(CliConsole console, string outDir, Func<CancellationToken, int> body)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            return body(cts.Token);
        }
        catch (OperationCanceledException)
        {
            AtomicFile.DeletePartials(outDir);
            console.Error.WriteLine("cancelled: no partial files left under final names");
            return ExitCodes.RunFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AtomicFile.DeletePartials(outDir);
            console.Error.WriteLine($"error: cannot write to {outDir}: {e.Message}");
            return ExitCodes.RunFailed;
        }
        finally { Console.CancelKeyPress -= onCancel; }
    }

    /// <summary>Checks an integer option's range; prints the error and returns false when it is outside.</summary>
    public static bool InRange(CliConsole console, string option, int value, int min, int max, string? why = null)
    {
        if (value >= min && value <= max) return true;
        console.Error.WriteLine($"error: {option}: {value} is out of range (allowed: {min}..{max}{(why is null ? "" : "; " + why)})");
        return false;
    }
}
