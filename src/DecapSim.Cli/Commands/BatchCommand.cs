using System.CommandLine;
using DecapSim.Experiments.Runs;
using DecapSim.Scenarios;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim batch &lt;scenario-or-glob&gt;...`: runs a baseline and many scenarios unattended, each into
/// OUT/&lt;name&gt;/ with its charts and report, and writes OUT/index.html with paired differences from the baseline.</summary>
public static class BatchCommand
{
    public static Command Build(CliConsole console)
    {
        var scenarios = new Argument<string[]>("scenarios")
        {
            Description = "Scenario files, bundled names or patterns such as scenarios/*.json",
            Arity = ArgumentArity.OneOrMore,
        };
        var baseline = new Option<string>("--baseline") { Description = "The baseline every scenario is compared with", DefaultValueFactory = _ => "baseline" };
        var seed = new Option<ulong?>("--seed") { Description = "Master seed for every scenario (default: the baseline's Seed, else 1)" };
        var replicates = new Option<int>("--replicates") { Description = "Replicates per scenario", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var outDir = new Option<string>("--out") { Description = "Output folder", Required = true };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output" };
        var format = FormatOption.Create(DecapSim.Experiments.Output.OutputFormat.Csv);
        var cmd = new Command("batch", "Run many scenarios and a baseline unattended; write a report for each and an index comparing them")
        {
            scenarios, baseline, seed, replicates, threads, outDir, quiet, format,
        };
        cmd.SetAction(parse =>
        {
            int reps = parse.GetValue(replicates);
            if (!CliGuard.InRange(console, "--replicates", reps, 1, 100_000)) return ExitCodes.BadInput;
            int th = parse.GetValue(threads);
            if (!CliGuard.InRange(console, "--threads", th, 1, 1024)) return ExitCodes.BadInput;
            if (!FormatOption.TryGet(parse, format, console, out var fmt)) return ExitCodes.BadInput;
            string dir = parse.GetValue(outDir)!;
            bool q = parse.GetValue(quiet);
            var options = new BatchRunner.Options(dir, parse.GetValue(seed), reps, th, true,
                "decapsim " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1))) { Format = fmt };
            return CliGuard.Run(console, dir, cancel =>
            {
                var result = BatchRunner.Run(parse.GetValue(scenarios)!, parse.GetValue(baseline)!, options,
                    path => ScenarioLoader.Load(path, ScenarioCli.Environment(), Array.Empty<string>(), ScenarioCli.ModelCatalog),
                    q ? null : line => console.Out.WriteLine(line), cancel);
                foreach (var e in result.Entries.Prepend(result.Baseline).Where(e => !e.Ok))
                    console.Error.WriteLine($"error: {e.Input}: {(e.Error ?? "").Replace("\n", "\n  ")}");
                if (!q) console.Out.WriteLine($"{result.Entries.Count(e => e.Ok)} of {result.Entries.Count} scenario(s) ran; see {result.IndexPath}");
                return result.ExitCode;
            });
        });
        return cmd;
    }
}
