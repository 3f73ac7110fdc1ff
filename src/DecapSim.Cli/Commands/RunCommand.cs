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
        var seed = new Option<ulong?>("--seed") { Description = "Master seed (default: the scenario's Seed, else 1)" };
        var weeks = new Option<int?>("--weeks") { Description = "Override the number of weeks" };
        var outDir = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "runs/latest" };
        var replicates = new Option<int>("--replicates") { Description = "Number of replicates", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: Section.Key=value (repeatable)" };
        var setFrom = new Option<string?>("--set-from") { Description = "Apply the --set values of policy levers from this date (yyyy-mm-dd) as a policy event, not from the start" };
        var noCharts = new Option<bool>("--no-charts") { Description = "Skip the charts" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output" };
        var cmd = new Command("run", "Run a scenario (agent-based model) and write its outputs")
        {
            scenario, seed, weeks, outDir, replicates, threads, set, setFrom, noCharts, quiet,
        };
        cmd.SetAction(parse =>
        {
            var sets = parse.GetValue(set) ?? Array.Empty<string>();
            if (!ScenarioCli.TryLoad(parse.GetValue(scenario)!, sets, console, out var loaded)) return ExitCodes.BadInput;
            var p = loaded.Parameters;
            int? w = parse.GetValue(weeks);
            if (w is { } ww)
            {
                if (ww < 1 || ww > 5200) { console.Error.WriteLine($"error: --weeks: {ww} is out of range (allowed: 1..5200)"); return ExitCodes.BadInput; }
                p = p with { Weeks = ww };
            }
            if (parse.GetValue(setFrom) is { } from && !ScenarioCli.TryApplySetFrom(parse.GetValue(scenario)!, sets, from, p, console, out p))
                return ExitCodes.BadInput;
            int reps = parse.GetValue(replicates);
            if (!CliGuard.InRange(console, "--replicates", reps, 1, 100_000)) return ExitCodes.BadInput;
            int th = parse.GetValue(threads);
            if (!CliGuard.InRange(console, "--threads", th, 1, 1024)) return ExitCodes.BadInput;
            ulong s = parse.GetValue(seed) ?? loaded.Seed;
            string dir = parse.GetValue(outDir)!;
            bool q = parse.GetValue(quiet);
            var options = new RunPipeline.Options(dir, s, reps, th, !parse.GetValue(noCharts), "decapsim " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
            var sw = System.Diagnostics.Stopwatch.StartNew();
            return CliGuard.Run(console, dir, cancel =>
            {
                if (!q) console.Out.WriteLine($"running {loaded.Name}: {p.Weeks} weeks from {p.StartDate:yyyy-MM-dd}, {reps} replicate(s), seed {s}, {th} thread(s)");
                bool bar = CliProgress.Enabled(console, q);
                var files = CliProgress.Run(console, q, loaded.Name, (double)reps * p.Weeks, weekDone =>
                    RunPipeline.Run(loaded, p, options, done => { if (!q && !bar && reps > 1) console.Out.WriteLine($"  replicate {done}/{reps} done ({sw.Elapsed.TotalSeconds:F1} s)"); },
                        cancel, weekDone));
                if (!q) console.Out.WriteLine($"wrote {files.Count} files to {dir} in {sw.Elapsed.TotalSeconds:F1} s");
                return ExitCodes.Ok;
            });
        });
        return cmd;
    }
}
