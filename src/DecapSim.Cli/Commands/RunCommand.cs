using System.CommandLine;
using DecapSim.Experiments.Runs;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim run &lt;scenario&gt;`: runs a scenario and writes weekly/regions/factions/events CSVs, a summary,
/// charts, report.html and a manifest.</summary>
public static class RunCommand
{
    public static Command Build(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file or bundled scenario name (see `decapsim scenarios`)" };
        var seed = CommonOptions.Seed();
        var weeks = CommonOptions.Weeks();
        var outDir = CommonOptions.Out("runs/latest");
        var replicates = CommonOptions.Replicates(1, "Number of replicates (default 1: one run; more give the spread of outcomes)");
        var threads = CommonOptions.Threads();
        var set = CommonOptions.Set();
        var noCharts = CommonOptions.NoCharts();
        var quiet = CommonOptions.Quiet();
        var setFrom = new Option<string?>("--set-from") { Description = "Apply the --set values of policy levers from this date (yyyy-mm-dd) as a policy event, not from the start" };
        var format = FormatOption.Create(DecapSim.Experiments.Output.OutputFormat.Csv);
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Do not run the scenario's counterfactual (its \"Baseline\" key) alongside it" };
        var checkpointAt = new Option<string?>("--checkpoint-at") { Description = "Also save every replicate as it is on this date (yyyy-mm-dd; with --checkpoint)" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "File the --checkpoint-at state is written to" };
        var fromCheckpoint = new Option<string?>("--from-checkpoint") { Description = "Continue the replicates from a file written by --checkpoint (same scenario and overrides before its date, seed and replicates; later timeline events apply)" };
        var cmd = new Command("run", "Run a scenario (agent-based model) and write its outputs")
        {
            scenario, seed, weeks, outDir, replicates, threads, set, setFrom, noCharts, quiet, noBaseline, format,
            checkpointAt, checkpoint, fromCheckpoint,
        };
        cmd.SetAction(parse =>
        {
            var sets = parse.GetValue(set) ?? Array.Empty<string>();
            if (!ScenarioCli.TryLoad(parse.GetValue(scenario)!, sets, console, out var loaded)) return ExitCodes.BadInput;
            var p = loaded.Parameters;
            int? w = parse.GetValue(weeks);
            if (!CommonOptions.WeeksOk(console, w)) return ExitCodes.BadInput;
            if (w is { } ww) p = p with { Weeks = ww };
            if (parse.GetValue(setFrom) is { } from && !ScenarioCli.TryApplySetFrom(parse.GetValue(scenario)!, sets, from, p, console, out p))
                return ExitCodes.BadInput;
            int reps = parse.GetValue(replicates);
            if (!CliGuard.InRange(console, "--replicates", reps, 1, 100_000)) return ExitCodes.BadInput;
            int th = parse.GetValue(threads);
            if (!CliGuard.InRange(console, "--threads", th, 1, 1024)) return ExitCodes.BadInput;
            if (!FormatOption.TryGet(parse, format, console, out var fmt)) return ExitCodes.BadInput;
            ulong s = parse.GetValue(seed) ?? loaded.Seed;
            (DecapSim.Scenarios.LoadedScenario, DecapSim.Core.Parameters.ModelParameters)? baseline = null;
            if (loaded.Baseline is { } basePath && !parse.GetValue(noBaseline))
            {
                // the counterfactual gets the same parameter overrides, not Timeline.N.* ones (its timeline is another file's)
                var baseSets = sets.Where(DecapSim.Scenarios.SetFrom.AppliesFromDate).ToArray();
                if (!ScenarioCli.TryLoad(basePath, baseSets, console, out var b)) return ExitCodes.BadInput;
                var bp = b.Parameters with { Weeks = p.Weeks };
                if (parse.GetValue(setFrom) is { } bfrom && !ScenarioCli.TryApplySetFrom(basePath, baseSets, bfrom, bp, console, out bp))
                    return ExitCodes.BadInput;
                baseline = (b, bp);
            }
            if (!RunCheckpoints.TryPrepare(console, p, s, reps, parse.GetValue(checkpointAt), parse.GetValue(checkpoint), parse.GetValue(fromCheckpoint), out var checkpoints))
                return ExitCodes.BadInput;
            string dir = parse.GetValue(outDir)!;
            bool q = parse.GetValue(quiet);
            var err = console.Error;
            var options = new RunPipeline.Options(dir, s, reps, th, !parse.GetValue(noCharts), "decapsim " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                Warn: w => err.WriteLine("warning: " + w), Baseline: baseline) { Format = fmt, Start = checkpoints.Start };
            var sw = System.Diagnostics.Stopwatch.StartNew();
            return CliGuard.Run(console, dir, cancel =>
            {
                // progress goes to stderr; stdout ends with the headline numbers and the report's path
                if (!q) err.WriteLine($"running {loaded.Name}: {p.Weeks} weeks from {p.StartDate:yyyy-MM-dd}, {reps} replicate(s), seed {s}, {th} thread(s)" +
                    (baseline is { } bl ? $"; then its baseline {bl.Item1.Name} with the same seeds (--no-baseline to skip)" : ""));
                bool bar = CliProgress.Enabled(console, q);
                int runs = baseline is null ? 1 : 2;
                var ensemble = CliProgress.Run(console, q, loaded.Name, (double)reps * p.Weeks * runs, weekDone =>
                    RunPipeline.RunEnsemble(loaded, p, options, done =>
                    {
                        if (!q && !bar) err.WriteLine($"  replicate {done} of {reps} done ({sw.Elapsed.TotalSeconds:F1} s)");
                    }, cancel, weekDone));
                if (!q) err.WriteLine($"wrote {ensemble.Files.Count} files to {dir} in {sw.Elapsed.TotalSeconds:F1} s");
                if (checkpoints.Save(s) is { } saved && !q) err.WriteLine($"wrote the checkpoint of {reps} replicate(s) at week {checkpoints.Week} to {saved}");
                if (!q)
                {
                    foreach (var line in DecapSim.Experiments.Reports.ReportStats.Headlines(p, ensemble.Weekly, ensemble.Baseline)) console.Out.WriteLine(line);
                    string report = Path.Combine(dir, "report.html");
                    console.Out.WriteLine(File.Exists(report) ? Path.GetFullPath(report) : $"no report.html (see {Path.GetFullPath(dir)})");
                }
                return ExitCodes.Ok;
            });
        });
        return cmd;
    }
}
