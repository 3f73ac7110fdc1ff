using System.CommandLine;
using DecapSim.Scenarios;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim scenarios`: lists the bundled scenarios with their questions.</summary>
public static class ScenariosCommand
{
    public static Command Build(CliConsole console)
    {
        var dir = new Option<string>("--dir") { Description = "Scenario directory (default: scenarios/ found from the current directory or the executable's ancestors)" };
        var cmd = new Command("scenarios", "List the bundled scenarios and the question each asks");
        cmd.Options.Add(dir);
        cmd.SetAction(parse =>
        {
            var directory = parse.GetValue(dir) ?? ScenarioLocator.FindScenarioDirectory();
            if (directory is null || !Directory.Exists(directory))
            {
                console.Error.WriteLine("error: no scenarios directory found (looked for scenarios/*.json from the current directory and the executable's directory)");
                return ExitCodes.BadInput;
            }
            var list = ScenarioLocator.List(directory);
            if (list.Count == 0)
            {
                console.Error.WriteLine($"error: no scenario files in {directory}");
                return ExitCodes.BadInput;
            }
            int width = list.Max(s => s.Name.Length);
            foreach (var (name, _, question) in list)
                console.Out.WriteLine($"{name.PadRight(width)}  {question}".TrimEnd());
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
