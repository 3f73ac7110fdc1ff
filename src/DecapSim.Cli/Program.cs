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

    /// <summary>Runs the CLI against an injected console (used by tests). Never throws: the last-resort handler
    /// (<see cref="CliGuard.Report"/>) turns any exception into one line and an exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        try
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
            // an unknown --option that an argument list swallowed ("compare a b --no-chart") is an error too
            var unknown = parse.Tokens.TakeWhile(t => t.Type != System.CommandLine.Parsing.TokenType.DoubleDash)
                .Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal) && t.Value.Length > 2)
                .Select(t => t.Value).ToList();
            if (parse.Errors.Count == 0 && unknown.Count > 0)
            {
                foreach (var u in unknown)
                    console.Error.WriteLine($"error: Unrecognized option '{u}'." + DidYouMean($"Unrecognized command or argument '{u}'.", parse.CommandResult.Command));
                console.Error.WriteLine($"(see `{CommandPath(parse.CommandResult)} --help`)");
                return ExitCodes.BadInput;
            }
            if (parse.Errors.Count > 0)
            {
                var command = parse.CommandResult.Command;
                var errors = parse.Errors.Count > 1 ? parse.Errors.Where(e => !e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)) : parse.Errors;
                foreach (var e in errors) console.Error.WriteLine("error: " + FriendlyTypes(e.Message) + DidYouMean(e.Message, command));
                console.Error.WriteLine($"(see `{CommandPath(parse.CommandResult)} --help`)");
                return ExitCodes.BadInput;
            }
            return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return CliGuard.Report(e, console);
        }
    }

    /// <summary>"decapsim run" for the command a parse ended in.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is System.CommandLine.Parsing.CommandResult c) names.Insert(0, c.Command is RootCommand ? "decapsim" : c.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>" Did you mean 'run'?" for an unrecognised token near a subcommand or option of
    /// <paramref name="command"/>, else "".</summary>
    internal static string DidYouMean(string message, Command command)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, "^Unrecognized command or argument '(.*)'\\.?$");
        if (!m.Success) return "";
        string token = m.Groups[1].Value;
        IEnumerable<string> candidates = token.StartsWith('-')
            ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var list = candidates.ToList();
        if (list.Count == 0) return "";
        // prefix matches first ("--replicate" -> "--replicates"), then edit distance
        var prefix = list.Where(c => token.Length >= 3 && (c.StartsWith(token, StringComparison.OrdinalIgnoreCase) || token.StartsWith(c, StringComparison.OrdinalIgnoreCase))).ToList();
        if (prefix.Count == 1) return $" Did you mean '{prefix[0]}'?";
        return DecapSim.Scenarios.Suggest.DidYouMean(token, list);
    }
}
