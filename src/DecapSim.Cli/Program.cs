using System.CommandLine;
using DecapSim.Cli.Commands;

namespace DecapSim.Cli;

/// <summary>Entry point: wires the subcommands, nothing else.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, CliConsole.System);

    /// <summary>Replaces .NET type names in parser messages with words ("a whole number").</summary>
    internal static string FriendlyTypes(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"as expected type '([^']+)'", m => "as " + (m.Groups[1].Value switch
        {
            var t when t.Contains("Int32") => "a whole number",
            var t when t.Contains("UInt64") => "a whole number >= 0",
            var t when t.Contains("Double") => "a number",
            var t when t.Contains("Boolean") => "true or false",
            var t => t,
        }));

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
        root.Subcommands.Add(SweepCommand.Build(console));
        root.Subcommands.Add(MetricsCommand.Build(console));
        root.Subcommands.Add(ServeCommand.Build(console));
        ScenarioCli.ModelCatalog ??= new DecapSim.Scenarios.CoreModelCatalog();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) console.Error.WriteLine("error: " + FriendlyTypes(e.Message));
            console.Error.WriteLine("(see `decapsim --help`)");
            return ExitCodes.BadInput;
        }
        return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
