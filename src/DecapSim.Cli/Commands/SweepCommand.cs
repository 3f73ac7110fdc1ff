using System.CommandLine;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Research;
using DecapSim.Scenarios;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim sweep &lt;scenario&gt; --vary Key=lo:hi:n ...`: a full-factorial sweep without an experiment
/// file, run through the experiment machinery (stored units, resume, shards, common random numbers).</summary>
public static class SweepCommand
{
    public static Command Build(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file or bundled scenario name" };
        var vary = new Option<string[]>("--vary") { Description = "A varied parameter: Key=lo:hi:n (n evenly spaced values) or Key=v1,v2,... (repeatable; every combination runs)", Required = true };
        var replicates = new Option<int>("--replicates") { Description = "Replicates per point (replicate r uses the same seed at every point)", DefaultValueFactory = _ => 1 };
        var weeks = new Option<int?>("--weeks") { Description = "Run length (default: the scenario's)" };
        var output = new Option<string[]>("--output") { Description = "An output expression, e.g. cumulative_homicides@104 (repeatable; default: cumulative_homicides, active_factions, members, cumulative_revenue_usd at the last week)" };
        var seed = new Option<ulong?>("--seed") { Description = "Master seed (default: the scenario's Seed, else 1)" };
        var set = new Option<string[]>("--set") { Description = "Fix a parameter for every point: Section.Key=value (repeatable)" };
        var outDir = new Option<string>("--out") { Description = "Output folder (results.csv, charts, the generated sweep.json)", Required = true };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of N, e.g. 0/4; then `decapsim experiment merge`" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var format = FormatOption.Create(OutputFormat.Csv);
        var noCharts = new Option<bool>("--no-charts") { Description = "Skip the charts" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output" };
        var cmd = new Command("sweep", "Full-factorial parameter sweep from the command line (resumable, shardable, common random numbers)")
        {
            scenario, vary, replicates, weeks, output, seed, set, outDir, shard, threads, format, noCharts, quiet,
        };
        cmd.SetAction(parse =>
        {
            if (!ExperimentCommand.TryParseShard(parse.GetValue(shard), out int si, out int sn))
            { console.Error.WriteLine($"error: --shard: '{parse.GetValue(shard)}' is not i/N (allowed: 0 <= i < N, e.g. 0/4)"); return ExitCodes.BadInput; }
            int reps = parse.GetValue(replicates), th = parse.GetValue(threads);
            if (!CliGuard.InRange(console, "--replicates", reps, 1, 100_000)) return ExitCodes.BadInput;
            if (!CliGuard.InRange(console, "--threads", th, 1, 1024)) return ExitCodes.BadInput;
            int? w = parse.GetValue(weeks);
            if (w is { } ww && !CliGuard.InRange(console, "--weeks", ww, 1, 5200)) return ExitCodes.BadInput;
            if (!FormatOption.TryGet(parse, format, console, out var fmt)) return ExitCodes.BadInput;
            var sets = parse.GetValue(set) ?? Array.Empty<string>();
            foreach (var s in sets)
                if (s.IndexOf('=') <= 0) { console.Error.WriteLine($"error: --set: '{s}' is not Section.Key=value"); return ExitCodes.BadInput; }
            if (!ScenarioCli.TryLoad(parse.GetValue(scenario)!, sets, console, out var loaded)) return ExitCodes.BadInput;
            var errors = new List<ScenarioError>();
            var axes = (parse.GetValue(vary) ?? Array.Empty<string>()).Select(v => Sweep.ParseVary(v, errors)).ToList();
            foreach (var dup in axes.Where(a => a is not null).GroupBy(a => a!.Key).Where(g => g.Count() > 1))
                errors.Add(new ScenarioError("decapsim sweep", "--vary " + dup.Key, dup.Key, "each parameter once", "varied twice"));
            if (errors.Count > 0) { ScenarioCli.PrintErrors(errors, console); return ExitCodes.BadInput; }
            string dir = parse.GetValue(outDir)!;
            var request = new SweepRequest(loaded.Files[0], loaded.Name, dir, axes!, reps, w ?? loaded.Parameters.Weeks, w is not null,
                parse.GetValue(seed) ?? loaded.Seed, parse.GetValue(output) ?? Array.Empty<string>(), sets);
            Experiment e;
            string json;
            try { e = Sweep.Build(request, out json); }
            catch (ScenarioException ex) { ScenarioCli.PrintErrors(ex.Errors, console); return ExitCodes.BadInput; }
            bool q = parse.GetValue(quiet);
            return CliGuard.Run(console, dir, cancel =>
            {
                Directory.CreateDirectory(dir);
                AtomicFile.WriteAllText(Path.Combine(dir, Sweep.FileName), json);
                return ExperimentCli.RunAndReport(console, e, dir, si, sn, parse.GetValue(shard) is not null && sn > 1, th, q, !parse.GetValue(noCharts), fmt, cancel);
            });
        });
        return cmd;
    }
}
