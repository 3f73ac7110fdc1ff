using System.CommandLine;
using System.Globalization;
using DecapSim.Experiments.Research;
using DecapSim.Scenarios;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim experiment run|merge|slurm`: sweeps, sensitivity analyses and calibrations, sharded and resumable.</summary>
public static class ExperimentCommand
{
    public static Command Build(CliConsole console)
    {
        var cmd = new Command("experiment", "Sweeps, sensitivity analysis (Morris, Sobol), calibration (ABC); sharded, resumable, Slurm");
        cmd.Subcommands.Add(BuildRun(console));
        cmd.Subcommands.Add(BuildMerge(console));
        cmd.Subcommands.Add(BuildSlurm(console));
        cmd.Subcommands.Add(DiscoverCommand.Build(console));
        return cmd;
    }

    private static bool TryLoad(string file, CliConsole console, out Experiment e)
    {
        e = null!;
        try { e = ExperimentFile.Load(file); return true; }
        catch (ScenarioException ex) { ScenarioCli.PrintErrors(ex.Errors, console); return false; }
    }

    /// <summary>Parses "i/N" (0 &lt;= i &lt; N).</summary>
    public static bool TryParseShard(string? text, out int shard, out int shards)
    {
        shard = 0; shards = 1;
        if (text is null) return true;
        var parts = text.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out shard)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out shards) && shards >= 1 && shard < shards && shards <= 1_000_000;
    }

    private static Command BuildRun(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "Experiment file (JSON)" };
        var outDir = new Option<string?>("--out") { Description = "Output folder (default: experiments/<name>)" };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of N (units with index % N == i), e.g. 0/4; merge the shards afterwards" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var noCharts = new Option<bool>("--no-charts") { Description = "Skip the charts" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output" };
        var format = FormatOption.Create(DecapSim.Experiments.Output.OutputFormat.Both);
        var cmd = new Command("run", "Run an experiment (or one shard of it); finished units are stored and skipped on re-runs") { file, outDir, shard, threads, noCharts, quiet, format };
        cmd.SetAction(parse =>
        {
            if (!TryParseShard(parse.GetValue(shard), out int i, out int n))
            { console.Error.WriteLine($"error: --shard: '{parse.GetValue(shard)}' is not i/N (allowed: 0 <= i < N, e.g. 0/4)"); return ExitCodes.BadInput; }
            int th = parse.GetValue(threads);
            if (th < 1 || th > 1024) { console.Error.WriteLine($"error: --threads: {th} is out of range (allowed: 1..1024)"); return ExitCodes.BadInput; }
            if (!FormatOption.TryGet(parse, format, console, out var fmt)) return ExitCodes.BadInput;
            if (!TryLoad(parse.GetValue(file)!, console, out var e)) return ExitCodes.BadInput;
            string dir = parse.GetValue(outDir) ?? Path.Combine("experiments", System.Text.RegularExpressions.Regex.Replace(e.Name, "[^A-Za-z0-9_.-]", "_"));
            bool q = parse.GetValue(quiet);
            bool sharded = parse.GetValue(shard) is not null && n > 1;
            if (sharded && e.Design.Type == DesignType.AbcSmc)
            { console.Error.WriteLine($"error: --shard: {parse.GetValue(file)}: an abc-smc calibration runs generation by generation and cannot be sharded (allowed: no --shard, or 0/1)"); return ExitCodes.BadInput; }
            using var cts = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, a) => { a.Cancel = true; cts.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                long units = DesignPlan.PointCount(e.Design, e.Parameters) * e.Replicates;
                if (!q) console.Out.WriteLine($"experiment {e.Name} ({e.Id[..12]}): {DesignSettings.TypeName(e.Design.Type)} design, {(e.Design.Type == DesignType.AbcSmc ? "at most " : "")}{units} runs" + (sharded ? $", shard {i}/{n}" : "") + $", {th} thread(s)");
                var sw = System.Diagnostics.Stopwatch.StartNew();
                object gate = new();
                var s = ExperimentRunner.Run(e, dir, i, n, th, (done, total) =>
                {
                    if (!q) lock (gate) console.Out.WriteLine($"  run {done}/{total} done ({sw.Elapsed.TotalSeconds:F1} s)");
                }, cts.Token);
                if (!q) console.Out.WriteLine($"{s.Ran} run(s) done, {s.Skipped} already stored, in {s.WallSeconds:F1} s");
                if (sharded)
                {
                    if (!q) console.Out.WriteLine($"shard {i}/{n} stored in {dir}; when all shards are done: decapsim experiment merge <shard folders> --out <dir>");
                    return ExitCodes.Ok;
                }
                var files = ExperimentReport.Write(e, dir, !parse.GetValue(noCharts), w => console.Error.WriteLine("warning: " + w), fmt);
                if (!q) console.Out.WriteLine($"wrote {files.Count} files to {dir}: {string.Join(", ", files.Where(f => !f.StartsWith("charts/", StringComparison.Ordinal)))}");
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("cancelled: finished runs are stored; run the same command again to resume");
                return ExitCodes.RunFailed;
            }
            catch (ScenarioException ex) { ScenarioCli.PrintErrors(ex.Errors, console); return ExitCodes.BadInput; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: cannot write to {dir}: {ex.Message}");
                return ExitCodes.RunFailed;
            }
            finally { Console.CancelKeyPress -= onCancel; }
        });
        return cmd;
    }

    private static Command BuildMerge(CliConsole console)
    {
        var dirs = new Argument<string[]>("shards") { Description = "Shard folders (written by `experiment run --shard i/N --out ...`)", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Output folder of the merged experiment", Required = true };
        var noCharts = new Option<bool>("--no-charts") { Description = "Skip the charts" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output" };
        var format = FormatOption.Create(DecapSim.Experiments.Output.OutputFormat.Both);
        var cmd = new Command("merge", "Join the shards of one experiment and run its analysis (identical to a single-machine run)") { dirs, outDir, noCharts, quiet, format };
        cmd.SetAction(parse =>
        {
            string dir = parse.GetValue(outDir)!;
            if (!FormatOption.TryGet(parse, format, console, out var fmt)) return ExitCodes.BadInput;
            try
            {
                var e = ExperimentRunner.Merge(parse.GetValue(dirs)!, dir);
                var files = ExperimentReport.Write(e, dir, !parse.GetValue(noCharts), w => console.Error.WriteLine("warning: " + w), fmt);
                if (!parse.GetValue(quiet)) console.Out.WriteLine($"merged {parse.GetValue(dirs)!.Length} shard(s) of {e.Name} ({e.Id[..12]}); wrote {files.Count} files to {dir}");
                return ExitCodes.Ok;
            }
            catch (MergeException ex) { console.Error.WriteLine("error: " + ex.Message); return ExitCodes.BadInput; }
            catch (ScenarioException ex) { ScenarioCli.PrintErrors(ex.Errors, console); return ExitCodes.BadInput; }
            catch (IncompleteException ex) { console.Error.WriteLine("error: " + ex.Message); return ExitCodes.RunFailed; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: cannot write to {dir}: {ex.Message}");
                return ExitCodes.RunFailed;
            }
        });
        return cmd;
    }

    private static Command BuildSlurm(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "Experiment file (JSON)" };
        var shards = new Option<int>("--shards") { Description = "Number of array tasks N", Required = true };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the cluster's default)" };
        var time = new Option<string>("--time") { Description = "Time limit per task, HH:MM:SS", DefaultValueFactory = _ => "01:00:00" };
        var cpus = new Option<int>("--cpus") { Description = "CPUs per task (the shard's --threads)", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out") { Description = "Folder for the script, logs, shard-K folders and the merged result", Required = true };
        var command = new Option<string>("--command") { Description = "How the nodes invoke DecapSim", DefaultValueFactory = _ => "decapsim" };
        var cmd = new Command("slurm", "Write an sbatch job-array script that runs the experiment's shards on Slurm") { file, shards, partition, time, cpus, outDir, command };
        cmd.SetAction(parse =>
        {
            int n = parse.GetValue(shards), c = parse.GetValue(cpus);
            string t = parse.GetValue(time)!;
            if (n < 1 || n > 100_000) { console.Error.WriteLine($"error: --shards: {n} is out of range (allowed: 1..100000)"); return ExitCodes.BadInput; }
            if (c < 1 || c > 1024) { console.Error.WriteLine($"error: --cpus: {c} is out of range (allowed: 1..1024)"); return ExitCodes.BadInput; }
            if (!SlurmScript.IsTime(t)) { console.Error.WriteLine($"error: --time: '{t}' is not a time limit (allowed: HH:MM:SS or D-HH:MM:SS)"); return ExitCodes.BadInput; }
            string f = parse.GetValue(file)!;
            if (!TryLoad(f, console, out var e)) return ExitCodes.BadInput;
            if (e.Design.Type == DesignType.AbcSmc && n > 1)
            { console.Error.WriteLine($"error: --shards: {f}: an abc-smc calibration runs generation by generation and cannot be sharded (allowed: --shards 1)"); return ExitCodes.BadInput; }
            string dir = parse.GetValue(outDir)!;
            var o = new SlurmScript.Options(f, dir, n, parse.GetValue(partition), t, c, parse.GetValue(command)!);
            string path;
            try { path = SlurmScript.Write(e, o); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { console.Error.WriteLine($"error: cannot write to {dir}: {ex.Message}"); return ExitCodes.RunFailed; }
            console.Out.WriteLine($"wrote {path}");
            console.Out.WriteLine($"submit:  sbatch {path}        (or sbatch --wait {path})");
            console.Out.WriteLine($"then:    {o.Command} experiment merge {Path.GetFullPath(dir)}/shard-* --out {Path.Combine(Path.GetFullPath(dir), "merged")}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
