using DecapSim.Charts;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Reports;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Runs;

/// <summary>What `decapsim run` does: run the replicates, stream the CSVs, then summaries, charts, report and manifest.</summary>
public static class RunPipeline
{
    /// <summary>Options of a run.</summary>
    /// <param name="Report">Write report.html (with the charts inline when <paramref name="Charts"/> is set).</param>
    /// <param name="Warn">Receives warnings (a chart format that could not be written, no font for chart text).</param>
    /// <param name="Baseline">The counterfactual to run with the same seeds (files under baseline/, drawn on the
    /// violence chart), with the parameters to run it with; null for none.</param>
    public sealed record Options(string OutDir, ulong Seed, int Replicates, int Threads, bool Charts, string Command, bool Report = true,
        Action<string>? Warn = null, (LoadedScenario Scenario, ModelParameters Parameters)? Baseline = null)
    {
        /// <summary>Called with each replicate's result right after it is written, in replicate order (the explorer's
        /// live curves).</summary>
        public Action<ReplicateResult>? OnReplicate { get; init; }
        /// <summary>How replicate k starts (a branch to continue from, weeks to leave branches at: the explorer);
        /// the results are the same as without it.</summary>
        public Func<int, RunStart>? Start { get; init; }
        /// <summary>Set-ups shared with other ensembles on the same world (compare's scenarios); the run's baseline
        /// shares the run's set-up in any case when their worlds are the same.</summary>
        public SetUpShare? SetUps { get; init; }
        /// <summary>Tables as CSV, Parquet or both (the charts, report and manifest are written whatever the format).</summary>
        public OutputFormat Format { get; init; } = OutputFormat.Csv;
    }

    /// <summary>Sub-folder of a run's output that holds its baseline's files.</summary>
    public const string BaselineFolder = "baseline";

    /// <summary>What a run produced: the files (relative to the output folder) and every replicate's weekly metrics
    /// (replicate k used <see cref="Core.Seeds.ForReplicate"/>(seed, k)).</summary>
    public sealed record Outcome(IReadOnlyList<string> Files, IReadOnlyList<WeeklyMetrics[]> Weekly);

    /// <summary>What an ensemble keeps in memory after its files are written (for comparisons and charts).</summary>
    /// <param name="Weekly">[replicate][week] metrics.</param>
    /// <param name="RegionHomicides">[replicate][week][region] homicides.</param>
    /// <param name="RegionBlockades">[replicate][week][region] blockades.</param>
    /// <param name="Removals">Leader removals of every replicate, in replicate order.</param>
    /// <param name="RegionNames">Region names by region id.</param>
    /// <param name="RegionNeighbours">Adjacent regions of each region.</param>
    /// <param name="Files">Files written, relative to the output folder.</param>
    /// <param name="Baseline">The counterfactual's replicates when one was run.</param>
    public sealed record Ensemble(
        IReadOnlyList<WeeklyMetrics[]> Weekly,
        IReadOnlyList<double[][]> RegionHomicides,
        IReadOnlyList<double[][]> RegionBlockades,
        IReadOnlyList<(int Replicate, EventRecord Event)> Removals,
        IReadOnlyList<string> RegionNames,
        IReadOnlyList<int[]> RegionNeighbours,
        IReadOnlyList<string> Files,
        BaselineRun? Baseline = null);

    /// <summary>Runs and writes everything; returns the output files.</summary>
    public static IReadOnlyList<string> Run(LoadedScenario scenario, ModelParameters p, Options o, Action<int>? progress = null,
        CancellationToken cancel = default, Action? weekDone = null) =>
        RunEnsemble(scenario, p, o, progress, cancel, weekDone).Files;

    /// <summary>Runs and writes everything; returns the files and the weekly metrics of every replicate.</summary>
    public static Outcome Execute(LoadedScenario scenario, ModelParameters p, Options o, Action<int>? progress = null, CancellationToken cancel = default)
    {
        var e = RunEnsemble(scenario, p, o, progress, cancel);
        return new Outcome(e.Files, e.Weekly);
    }

    /// <summary>Runs and writes everything; returns what was kept in memory with the output files.</summary>
    /// <remarks><paramref name="weekDone"/> is called from worker threads after every simulated week (progress bars).</remarks>
    public static Ensemble RunEnsemble(LoadedScenario scenario, ModelParameters p, Options o, Action<int>? progress = null,
        CancellationToken cancel = default, Action? weekDone = null)
    {
        var start = DateTimeOffset.Now;
        using var folder = OutputFolder.Open(o.OutDir); // checked and locked before the first week; published as one set
        o = o with { OutDir = folder.Staging };
        var world = Core.Simulation.BuildWorld(p.World, o.Seed); // the world every replicate runs on (structure seed)
        using var writer = new RunWriter(o.OutDir, p, world.RegionNames, o.Format);
        Action<ReplicateResult> sink = o.OnReplicate is { } on ? r => { writer.Add(r); on(r); } : writer.Add;
        var setUps = o.SetUps ?? new SetUpShare();
        // the baseline's weeks before the scenario's first difference are the scenario's: run them once and branch
        int common = o.Baseline is { } cb && o.Start is null ? BranchRelay.FirstDifference(p, cb.Parameters) : 0;
        var relay = new BranchRelay(new[] { common });
        bool branch = relay.Fits(o.Replicates);
        var starts = o.Start ?? (branch ? relay.Leave : null);
        EnsembleRunner.Run(p, o.Seed, o.Replicates, o.Threads, sink, progress, cancel, weekDone, starts, setUps);
        using var summaries = new Output.Tables.TableSet(o.OutDir, o.Format);
        SummaryWriter.Write(summaries, writer.Weekly, p.StartDate);
        RegionSummaryWriter.Write(summaries, world.RegionNames, writer.RegionHomicides, writer.RegionBlockades, p.StartDate);
        var files = writer.Files.Concat(summaries.Files).ToList();
        string title = string.IsNullOrWhiteSpace(scenario.Title) ? scenario.Name : scenario.Title;
        BaselineRun? baseline = null;
        if (o.Baseline is { } b)
        {
            // the counterfactual: same seeds, its own tables under baseline/, no charts or report of its own
            var bo = o with
            {
                OutDir = Path.Combine(o.OutDir, BaselineFolder), Charts = false, Report = false, Baseline = null, SetUps = setUps,
                Start = branch ? k => relay.Continue(k, common) : null,
            };
            var be = RunEnsemble(b.Scenario, b.Parameters, bo, null, cancel, weekDone);
            relay.Clear();
            baseline = new BaselineRun(b.Scenario.Name, be.Weekly);
            files.AddRange(be.Files.Select(f => BaselineFolder + "/" + f));
        }
        IReadOnlyList<RenderedChart> charts = o.Charts
            ? RunCharts.Render(new RunChartData(title, p, writer.Weekly, writer.RegionHomicides, writer.First, world, baseline))
            : Array.Empty<RenderedChart>();
        if (o.Charts)
            foreach (var f in ChartFiles.Write(Path.Combine(o.OutDir, "charts"), charts, o.Warn))
                files.Add(Path.GetRelativePath(o.OutDir, f));
        files.AddRange(HistoryReport.Write(o.OutDir, scenario, p.StartDate, p.Weeks, writer.Weekly, o.Charts, out var history, o.Warn));
        if (o.Report)
        {
            RunReport.Write(Path.Combine(o.OutDir, "report.html"), scenario, p, o, writer, charts, baseline, history);
            files.Add("report.html");
        }
        files.Add("manifest.json");
        string manifest = ManifestWriter.Build(scenario, p, o.Seed, o.Replicates, o.Threads, start, DateTimeOffset.Now,
            writer.ProcessMilliseconds, o.Command, files);
        writer.Commit(manifest);
        summaries.Commit(manifest);
        AtomicFile.WriteAllText(Path.Combine(o.OutDir, "manifest.json"), manifest);
        writer.Dispose();
        folder.Publish();
        return new Ensemble(writer.Weekly, writer.RegionHomicides, writer.RegionBlockades, writer.Removals, world.RegionNames,
            world.RegionNeighbours, files, baseline);
    }
}
