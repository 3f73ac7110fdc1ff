using DecapSim.Experiments.Output;
using DecapSim.Experiments.Research;

namespace DecapSim.Cli;

/// <summary>Runs an experiment's units (or one shard) with progress lines, then its analysis and tables.</summary>
public static class ExperimentCli
{
    public static int RunAndReport(CliConsole console, Experiment e, string dir, int shard, int shards, bool sharded, int threads, bool quiet,
        bool charts, OutputFormat format, CancellationToken cancel)
    {
        long units = DesignPlan.PointCount(e.Design, e.Parameters) * e.Replicates;
        if (!quiet) console.Out.WriteLine($"{e.Name} ({e.Id[..12]}): {e.Design.Type.ToString().ToLowerInvariant()} design, {units} runs" + (sharded ? $", shard {shard}/{shards}" : "") + $", {threads} thread(s)");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        object gate = new();
        var s = ExperimentRunner.Run(e, dir, shard, shards, threads, (done, total) =>
        {
            if (!quiet) lock (gate) console.Out.WriteLine($"  run {done}/{total} done ({sw.Elapsed.TotalSeconds:F1} s)");
        }, cancel);
        if (!quiet) console.Out.WriteLine($"{s.Ran} run(s) done, {s.Skipped} already stored, in {s.WallSeconds:F1} s");
        if (sharded)
        {
            if (!quiet) console.Out.WriteLine($"shard {shard}/{shards} stored in {dir}; when all shards are done: decapsim experiment merge <shard folders> --out <dir>");
            return ExitCodes.Ok;
        }
        var files = ExperimentReport.Write(e, dir, charts, w => console.Error.WriteLine("warning: " + w), format);
        if (!quiet) console.Out.WriteLine($"wrote {files.Count} files to {dir}: {string.Join(", ", files.Where(f => !f.StartsWith("charts/", StringComparison.Ordinal)))}");
        return ExitCodes.Ok;
    }
}
