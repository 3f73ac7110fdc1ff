using System.CommandLine;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim validate &lt;file&gt;...`: checks scenario files without running them.</summary>
public static class ValidateCommand
{
    public static Command Build(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "Scenario files (or bundled scenario names)", Arity = ArgumentArity.OneOrMore };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: Section.Key=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings (e.g. non-default values without a note) as errors" };
        var cmd = new Command("validate", "Check scenario files without running them (exit code 2 when any is invalid)");
        cmd.Arguments.Add(files);
        cmd.Options.Add(set);
        cmd.Options.Add(strict);
        cmd.SetAction(parse =>
        {
            bool ok = true;
            foreach (var f in parse.GetValue(files) ?? Array.Empty<string>())
            {
                if (!ScenarioCli.TryLoad(f, parse.GetValue(set) ?? Array.Empty<string>(), console, out var s))
                {
                    console.Out.WriteLine($"{f}: invalid");
                    ok = false;
                    continue;
                }
                ScenarioCli.PrintWarnings(s.Warnings, console);
                bool failed = parse.GetValue(strict) && s.Warnings.Count > 0;
                ok &= !failed;
                console.Out.WriteLine($"{f}: {(failed ? "invalid (warnings)" : "ok")}" + (s.Warnings.Count > 0 ? $", {s.Warnings.Count} warning(s)" : ""));
            }
            return ok ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return cmd;
    }
}
