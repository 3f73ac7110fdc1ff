namespace DecapSim.Cli;

/// <summary>The console a command writes to; injected so commands can be tested.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The process console.</summary>
    public static CliConsole System => new(Console.Out, Console.Error);

    /// <summary>True when this is the process console writing to an interactive terminal (not redirected, not a
    /// test's StringWriter): only then are progress bars and rich tables drawn.</summary>
    public bool IsTerminal => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;
}

/// <summary>Exit codes: 0 ok, 1 run failed, 2 bad input.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int RunFailed = 1;
    public const int BadInput = 2;
}
