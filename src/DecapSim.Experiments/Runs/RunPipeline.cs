using DecapSim.Core.Parameters;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Reports;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Runs;

/// <summary>What `decapsim run` does: run the replicates, stream the CSVs, then summary, charts and manifest.</summary>
public static class RunPipeline
{
    /// <summary>Options of a run.</summary>
    public sealed record Options(string OutDir, ulong Seed, int Replicates, int Threads, bool Charts, string Command);

    /// <summary>Runs and writes everything; returns the output files.</summary>
    public static IReadOnlyList<string> Run(LoadedScenario scenario, ModelParameters p, Options o, Action<int>? progress = null, CancellationToken cancel = default)
    {
        var start = DateTimeOffset.Now;
        Directory.CreateDirectory(o.OutDir);
        var world = new Core.Simulation(p with { Weeks = 1, Timeline = Array.Empty<Core.Timeline.TimelineEvent>() }, ReplicateRunner.ReplicateSeed(o.Seed, 0)).State.World;
        var files = new List<string> { "weekly.csv", "regions.csv", "factions.csv", "events.csv", "summary.csv" };
        using (var writer = new RunWriter(o.OutDir, p, world.RegionNames))
        {
            EnsembleRunner.Run(p, o.Seed, o.Replicates, o.Threads, writer.Add, progress, cancel);
            writer.Commit();
            SummaryWriter.Write(Path.Combine(o.OutDir, "summary.csv"), writer.Weekly, p.StartDate);
            if (o.Charts)
            {
                string title = string.IsNullOrWhiteSpace(scenario.Title) ? scenario.Name : scenario.Title;
                foreach (var f in RunCharts.Write(Path.Combine(o.OutDir, "charts"), title, p, writer, world))
                    files.Add(Path.GetRelativePath(o.OutDir, f));
            }
            files.Add("manifest.json");
            ManifestWriter.Write(Path.Combine(o.OutDir, "manifest.json"), scenario, p, o.Seed, o.Replicates, o.Threads, start, DateTimeOffset.Now,
                writer.ProcessMilliseconds, o.Command, files);
        }
        return files;
    }
}
