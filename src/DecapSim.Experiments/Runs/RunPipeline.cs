using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Reports;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Runs;

/// <summary>What `decapsim run` does: run the replicates, stream the CSVs, then summary, charts, report and manifest.</summary>
public static class RunPipeline
{
    /// <summary>Options of a run.</summary>
    /// <param name="Report">Write report.html (with the charts inline when <paramref name="Charts"/> is set).</param>
    public sealed record Options(string OutDir, ulong Seed, int Replicates, int Threads, bool Charts, string Command, bool Report = true);

    /// <summary>What a run produced: the files (relative to the output folder) and every replicate's weekly metrics
    /// (replicate k used <see cref="ReplicateRunner.ReplicateSeed"/>(seed, k)).</summary>
    public sealed record Outcome(IReadOnlyList<string> Files, IReadOnlyList<WeeklyMetrics[]> Weekly);

    /// <summary>Runs and writes everything; returns the output files.</summary>
    public static IReadOnlyList<string> Run(LoadedScenario scenario, ModelParameters p, Options o, Action<int>? progress = null, CancellationToken cancel = default) =>
        Execute(scenario, p, o, progress, cancel).Files;

    /// <summary>Runs and writes everything; returns the files and the weekly metrics of every replicate.</summary>
    public static Outcome Execute(LoadedScenario scenario, ModelParameters p, Options o, Action<int>? progress = null, CancellationToken cancel = default)
    {
        var start = DateTimeOffset.Now;
        Directory.CreateDirectory(o.OutDir);
        var world = new Core.Simulation(p with { Weeks = 1, Timeline = Array.Empty<Core.Timeline.TimelineEvent>() }, ReplicateRunner.ReplicateSeed(o.Seed, 0)).State.World;
        var files = new List<string> { "weekly.csv", "regions.csv", "factions.csv", "events.csv", "summary.csv" };
        using var writer = new RunWriter(o.OutDir, p, world.RegionNames);
        EnsembleRunner.Run(p, o.Seed, o.Replicates, o.Threads, writer.Add, progress, cancel);
        writer.Commit();
        SummaryWriter.Write(Path.Combine(o.OutDir, "summary.csv"), writer.Weekly, p.StartDate);
        string title = string.IsNullOrWhiteSpace(scenario.Title) ? scenario.Name : scenario.Title;
        IReadOnlyList<RenderedChart> charts = o.Charts ? RunCharts.Render(title, p, writer, world) : Array.Empty<RenderedChart>();
        if (o.Charts)
            foreach (var f in RunCharts.Write(Path.Combine(o.OutDir, "charts"), charts))
                files.Add(Path.GetRelativePath(o.OutDir, f));
        if (o.Report)
        {
            RunReport.Write(Path.Combine(o.OutDir, "report.html"), scenario, p, o, writer, charts);
            files.Add("report.html");
        }
        files.Add("manifest.json");
        ManifestWriter.Write(Path.Combine(o.OutDir, "manifest.json"), scenario, p, o.Seed, o.Replicates, o.Threads, start, DateTimeOffset.Now,
            writer.ProcessMilliseconds, o.Command, files);
        return new Outcome(files, writer.Weekly);
    }
}
