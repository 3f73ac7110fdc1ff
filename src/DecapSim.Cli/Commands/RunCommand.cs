using System.CommandLine;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim run`.</summary>
public static class RunCommand
{
    public static Command Build(CliConsole console)
    {
        var cmd = new Command("run", "(under construction)");
        cmd.SetAction(_ => ExitCodes.RunFailed);
        return cmd;
    }
}
