using System.Text.Json;
using DecapSim.Core.Metrics;
using DecapSim.Core.Random;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Compare;

/// <summary>
/// What `decapsim compare` does: runs a baseline and scenarios under common random numbers (replicate k of every
/// scenario uses seed <see cref="Core.Seeds.ForReplicate"/>(seed, k)), writes each ensemble's outputs into
/// DIR/&lt;name&gt;/, then comparison.csv (paired differences with 95% intervals: cumulative homicides at several
/// horizons, over the run split into contested and uncontested cells, active factions, revenue) and event_study.csv.
/// </summary>
public static class ComparePipeline
{
    /// <summary>Options of a comparison.</summary>
    /// <param name="Charts">Draw the comparison charts and report.html, and each scenario's own charts and report.</param>
    /// <param name="BootstrapResamples">Resamples of the bootstrap percentile interval (0 skips it).</param>
    /// <param name="Warn">Receives warnings (a chart format that could not be written).</param>
    public sealed record Options(string OutDir, ulong Seed, int Replicates, int Threads, string Command, bool Charts = false,
        int BootstrapResamples = 2000, Action<string>? Warn = null)
    {
        /// <summary>Each scenario folder's tables as CSV, Parquet or both (comparison.csv and event_study.csv stay CSV).</summary>
        public OutputFormat Format { get; init; } = OutputFormat.Csv;
    }

    /// <summary>Horizons (weeks) of the cumulative-homicide differences: 6, 12, 24 and 60 months. Horizons beyond
    /// the run are skipped; the run's full length is added when it is not one of them.</summary>
    public static readonly int[] HorizonsWeeks = { 26, 52, 104, 260 };

    /// <summary>Metric names in comparison.csv.</summary>
    public const string CumulativeHomicides = "cumulative_homicides", ActiveFactions = "active_factions", CumulativeRevenue = "cumulative_revenue_usd";

    /// <summary>Metric names of the contested/uncontested split of the run's homicides in comparison.csv: homicides in
    /// cells contested when the week's fighting happened (weekly metric homicides_contested) and in the other cells.</summary>
    public const string CumulativeHomicidesContested = "cumulative_homicides_contested", CumulativeHomicidesUncontested = "cumulative_homicides_uncontested";

    /// <summary>Runs the comparison and writes its files. <paramref name="progress"/> gets (replicates done, total)
    /// over all scenarios (calling thread); <paramref name="weekDone"/> is called from worker threads after every
    /// simulated week (progress bars).</summary>
    public static CompareResult Run(CompareInput baseline, IReadOnlyList<CompareInput> scenarios, Options o,
        Action<int, int>? progress = null, CancellationToken cancel = default, Action? weekDone = null)
    {
        if (scenarios.Count == 0) throw new ArgumentException("at least one scenario to compare with the baseline", nameof(scenarios));
        using var folder = OutputFolder.Open(o.OutDir); // checked and locked before the first week; published as one set
        string finalDir = o.OutDir;
        o = o with { OutDir = folder.Staging };
        var start = DateTimeOffset.Now;
        var inputs = new[] { baseline }.Concat(scenarios).ToList();
        var names = UniqueNames(inputs.Select(i => i.Scenario.Name).ToList());
        int total = inputs.Count * o.Replicates;
        var runs = new List<ScenarioRun>();
        // scenarios on the same world share one set-up (world, landscape, spin-up, warm-up): built for the first
        var setUps = new SetUpShare();
        // and each scenario continues from the baseline's replicates at the week it first differs from it
        var common = inputs.Select(x => BranchRelay.FirstDifference(baseline.Parameters, x.Parameters)).ToArray();
        common[0] = 0;
        var relay = new BranchRelay(common.Skip(1));
        bool branch = relay.Fits(o.Replicates);
        for (int i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            string dir = Path.Combine(o.OutDir, names[i]);
            int offset = i * o.Replicates;
            int from = common[i];
            Func<int, RunStart>? begin = !branch ? null : i == 0 ? relay.Leave : from >= BranchRelay.MinWeeks ? k => relay.Continue(k, from) : null;
            if (begin is null || i == 0) common[i] = 0;
            var ensemble = RunPipeline.RunEnsemble(input.Scenario, input.Parameters,
                new RunPipeline.Options(dir, o.Seed, o.Replicates, o.Threads, o.Charts, o.Command, Warn: o.Warn) { Format = o.Format, SetUps = setUps, Start = begin },
                done => progress?.Invoke(offset + done, total), cancel, weekDone);
            string title = string.IsNullOrWhiteSpace(input.Scenario.Title) ? input.Scenario.Name : input.Scenario.Title;
            runs.Add(new ScenarioRun(names[i], title, dir, input.Parameters, ensemble));
        }
        relay.Clear();
        var b = runs[0];
        var rows = new List<ComparisonRow>();
        var study = new List<EventStudyRow>();
        for (int i = 1; i < runs.Count; i++)
        {
            rows.AddRange(Compare(runs[i], b, CounterRng.Child(o.Seed, (ulong)i), o.BootstrapResamples));
            study.AddRange(EventStudy.Compute(runs[i], b));
        }
        var files = new List<string> { "comparison.csv", "event_study.csv" };
        WriteComparison(Path.Combine(o.OutDir, "comparison.csv"), rows);
        EventStudy.Write(Path.Combine(o.OutDir, "event_study.csv"), study);
        foreach (var r in runs) files.AddRange(r.Ensemble.Files.Select(f => Path.Combine(r.Name, f)));
        var result = new CompareResult(b, runs.Skip(1).ToList(), rows, study, o.Seed, o.Replicates, o.OutDir, files)
        {
            SetUpsBuilt = setUps.Built, SetUpsReused = setUps.Reused, SetUpSecondsSaved = setUps.SecondsSaved,
            BranchWeeks = common.Skip(1).ToArray(),
        };
        if (o.Charts) files.AddRange(Reports.CompareReport.Write(result, o.Warn));
        files.Add("manifest.json");
        WriteManifest(Path.Combine(o.OutDir, "manifest.json"), runs, o, start, files, result);
        folder.Publish();
        ScenarioRun Final(ScenarioRun r) => r with { Dir = Path.Combine(finalDir, r.Name) };
        return result with { OutDir = finalDir, Baseline = Final(result.Baseline), Scenarios = result.Scenarios.Select(Final).ToList() };
    }

    /// <summary>Horizons used for a run of <paramref name="weeks"/> weeks.</summary>
    public static int[] Horizons(int weeks)
    {
        var h = HorizonsWeeks.Where(x => x <= weeks).ToList();
        if (!h.Contains(weeks)) h.Add(weeks);
        return h.ToArray();
    }

    /// <summary>The comparison rows of one scenario against the baseline (paired by replicate).</summary>
    public static List<ComparisonRow> Compare(ScenarioRun scenario, ScenarioRun baseline, ulong bootstrapSeed, int bootstrapResamples = 2000)
    {
        int weeks = Math.Min(scenario.Parameters.Weeks, baseline.Parameters.Weeks);
        int n = Math.Min(scenario.Weekly.Count, baseline.Weekly.Count);
        var metrics = new List<(string Metric, int Horizon, Func<WeeklyMetrics[], double> Value)>();
        foreach (int h in Horizons(weeks)) metrics.Add((CumulativeHomicides, h, m => Sum(m, h, x => x.Homicides)));
        metrics.Add((CumulativeHomicidesContested, weeks, m => Sum(m, weeks, x => x.HomicidesContested)));
        metrics.Add((CumulativeHomicidesUncontested, weeks, m => Sum(m, weeks, x => x.Homicides - x.HomicidesContested)));
        metrics.Add((ActiveFactions, weeks, m => m[weeks - 1].ActiveFactions));
        metrics.Add((CumulativeRevenue, weeks, m => Sum(m, weeks, x => x.RevenueUsd)));
        var rows = new List<ComparisonRow>();
        for (int j = 0; j < metrics.Count; j++)
        {
            var (metric, h, value) = metrics[j];
            var vb = new double[n]; var vs = new double[n]; var d = new double[n];
            for (int k = 0; k < n; k++) { vb[k] = value(baseline.Weekly[k]); vs[k] = value(scenario.Weekly[k]); d[k] = vs[k] - vb[k]; }
            double mb = vb.Average(), ms = vs.Average();
            var t = PairedInterval.T(d);
            rows.Add(new ComparisonRow(scenario.Name, baseline.Name, metric, h, mb, ms, t.Mean, t.Low, t.High, n, "paired-t"));
            if (bootstrapResamples > 0)
            {
                var bs = PairedInterval.Bootstrap(d, CounterRng.Child(bootstrapSeed, (ulong)j), bootstrapResamples);
                rows.Add(new ComparisonRow(scenario.Name, baseline.Name, metric, h, mb, ms, bs.Mean, bs.Low, bs.High, n, "bootstrap-percentile"));
            }
        }
        return rows;
    }

    private static double Sum(WeeklyMetrics[] m, int weeks, Func<WeeklyMetrics, double> f)
    {
        double s = 0;
        for (int w = 0; w < weeks && w < m.Length; w++) s += f(m[w]);
        return s;
    }

    /// <summary>Writes comparison.csv.</summary>
    public static void WriteComparison(string path, IEnumerable<ComparisonRow> rows)
    {
        using var f = new AtomicFile(path);
        f.Writer.WriteLine("scenario,baseline,metric,horizon_weeks,mean_baseline,mean_scenario,mean_difference,ci_low,ci_high,replicates,method");
        foreach (var r in rows)
            f.Writer.WriteLine(string.Join(',', Csv.Text(r.Scenario), Csv.Text(r.Baseline), r.Metric, r.HorizonWeeks, Csv.Num(r.MeanBaseline),
                Csv.Num(r.MeanScenario), Csv.Num(r.MeanDifference), Csv.Num(r.CiLow), Csv.Num(r.CiHigh), r.Replicates, r.Method));
        f.Commit();
    }

    /// <summary>Names made unique by appending -2, -3, ... to repeats (comparing a scenario with itself).</summary>
    public static List<string> UniqueNames(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var n in names)
        {
            string name = string.IsNullOrWhiteSpace(n) ? "scenario" : n;
            string candidate = name;
            for (int k = 2; !seen.Add(candidate); k++) candidate = $"{name}-{k}";
            result.Add(candidate);
        }
        return result;
    }

    private static void WriteManifest(string path, List<ScenarioRun> runs, Options o, DateTimeOffset start, List<string> files, CompareResult result)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var (version, commit) = ManifestWriter.VersionInfo();
            w.WriteStartObject();
            w.WriteString("program", "decapsim");
            w.WriteString("version", version);
            w.WriteString("commit", commit);
            w.WriteString("command", o.Command);
            w.WriteString("baseline", runs[0].Name);
            w.WriteStartArray("scenarios");
            foreach (var r in runs.Skip(1)) w.WriteStringValue(r.Name);
            w.WriteEndArray();
            w.WriteNumber("seed", o.Seed);
            w.WriteNumber("replicates", o.Replicates);
            w.WriteString("common_random_numbers", "replicate k of every scenario uses CounterRng.Child(seed, k); differences are paired by replicate");
            w.WriteString("intervals", "95%: paired t (MathNet StudentT) and bootstrap percentile (" + o.BootstrapResamples + " resamples, seeded)");
            w.WriteNumber("threads", o.Threads);
            w.WriteStartObject("shared_setup");
            w.WriteString("what", "scenarios on the same world (same structural parameters; on a warmed-up world any policy levers) copy one set-up: world, landscape, spin-up and warm-up, built once");
            w.WriteNumber("setups_built", result.SetUpsBuilt);
            w.WriteNumber("setups_reused", result.SetUpsReused);
            w.WriteNumber("seconds_saved_estimate", Math.Round(result.SetUpSecondsSaved, 2));
            w.WriteEndObject();
            w.WriteStartArray("branched");
            for (int i = 0; i < result.BranchWeeks.Count; i++)
            {
                if (result.BranchWeeks[i] <= 0) continue;
                w.WriteStartObject();
                w.WriteString("scenario", runs[i + 1].Name);
                w.WriteNumber("from_week", result.BranchWeeks[i]);
                w.WriteNumber("replicate_weeks_not_rerun", (long)result.BranchWeeks[i] * o.Replicates);
                w.WriteString("what", "identical to the baseline before this week: its replicates continued from the baseline's at that week");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("started", start.ToString("o"));
            w.WriteString("ended", DateTimeOffset.Now.ToString("o"));
            w.WriteStartArray("files");
            foreach (var f in files) w.WriteStringValue(f.Replace('\\', '/'));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        AtomicFile.WriteAllText(path, System.Text.Encoding.UTF8.GetString(ms.ToArray()));
    }
}
