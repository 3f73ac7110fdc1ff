using System.CommandLine;
using DecapSim.Cli.Commands;

namespace DecapSim.Cli;

/// <summary>Entry point: wires the subcommands, nothing else.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, CliConsole.System);

    /// <summary>Runs the CLI against an injected console (used by tests).</summary>
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("DecapSim: agent-based simulation of cartel fragmentation under state action.");
        root.Subcommands.Add(RunCommand.Build(console));
        root.Subcommands.Add(CompareCommand.Build(console));
        root.Subcommands.Add(BatchCommand.Build(console));
        root.Subcommands.Add(ReferenceCommand.Build(console));
        root.Subcommands.Add(ShowCommand.Build(console));
        root.Subcommands.Add(ValidateCommand.Build(console));
        root.Subcommands.Add(ScenariosCommand.Build(console));
        root.Subcommands.Add(ExperimentCommand.Build(console));
        ScenarioCli.ModelCatalog ??= new DecapSim.Scenarios.CoreModelCatalog();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) console.Error.WriteLine("error: " + e.Message);
            console.Error.WriteLine("(see `decapsim --help`)");
            return ExitCodes.BadInput;
        }
        return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
