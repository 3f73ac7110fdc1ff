using System.CommandLine;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim reference`.</summary>
public static class ReferenceCommand
{
    public static Command Build(CliConsole console)
    {
        var cmd = new Command("reference", "(under construction)");
        cmd.SetAction(_ => ExitCodes.RunFailed);
        return cmd;
    }
}
