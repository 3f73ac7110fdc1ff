using DecapSim.Experiments.Reports;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Runs;

/// <summary>
/// What `decapsim batch` does: runs a baseline and many scenarios unattended, each through <see cref="RunPipeline"/>
/// into its own folder, with one master seed so replicate k uses the same replicate seed everywhere (common random
/// numbers), then writes index.html with paired differences from the baseline. A failing scenario is recorded and
/// does not stop the others.
/// </summary>
public static class BatchRunner
{
    /// <summary>Options of a batch.</summary>
    /// <param name="Seed">Master seed for every scenario; null uses the baseline's <c>Seed</c> (else 1).</param>
    public sealed record Options(string OutDir, ulong? Seed, int Replicates, int Threads, bool Charts = true, string Command = "decapsim batch")
    {
        /// <summary>Each scenario folder's tables as CSV, Parquet or both.</summary>
        public Output.OutputFormat Format { get; init; } = Output.OutputFormat.Csv;
    }

    /// <summary>One scenario of a batch, run or failed.</summary>
    /// <param name="Input">The argument as given (a path, a bundled name or, for a pattern matching nothing, the pattern).</param>
    /// <param name="Name">Output folder name under the batch folder.</param>
    /// <param name="Path">The resolved scenario file, when one was found.</param>
    /// <param name="Scenario">The loaded scenario, null when it could not be loaded.</param>
    /// <param name="Outcome">The run's outcome, null when it failed.</param>
    /// <param name="Error">Why it failed, null when it ran.</param>
    /// <param name="IsBaseline">True for the baseline.</param>
    /// <param name="BadInput">True when the input itself was bad (missing or invalid file), false for a run failure.</param>
    public sealed record Entry(string Input, string Name, string? Path, LoadedScenario? Scenario, RunPipeline.Outcome? Outcome, string? Error,
        bool IsBaseline, bool BadInput)
    {
        public bool Ok => Error is null && Outcome is not null;
    }

    /// <summary>A finished batch.</summary>
    /// <param name="ExitCode">0 all ran, 1 something failed, 2 every scenario input was bad.</param>
    public sealed record Result(IReadOnlyList<Entry> Entries, Entry Baseline, ulong Seed, string IndexPath, int ExitCode);

    /// <summary>Expands arguments containing <c>*</c> or <c>?</c> in their file name (for shells that did not); other
    /// arguments pass through. A pattern matching nothing is kept as is, so it is reported as a bad input.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var list = new List<string>();
        foreach (var input in inputs)
        {
            string file = System.IO.Path.GetFileName(input);
            if (file.IndexOfAny(new[] { '*', '?' }) < 0) { list.Add(input); continue; }
            string dir = System.IO.Path.GetDirectoryName(input) is { Length: > 0 } d ? d : ".";
            string[] matches = Directory.Exists(dir) ? Directory.GetFiles(dir, file) : Array.Empty<string>();
            if (matches.Length == 0) list.Add(input);
            else list.AddRange(matches.OrderBy(m => m, StringComparer.Ordinal));
        }
        return list;
    }

    /// <summary>Runs the baseline and every scenario and writes index.html into <c>o.OutDir</c>.</summary>
    /// <param name="inputs">Scenario paths, bundled names or patterns.</param>
    /// <param name="baseline">The baseline scenario (path or bundled name).</param>
    /// <param name="load">Loads a resolved scenario path; throws <see cref="ScenarioException"/> when it is invalid.</param>
    /// <param name="log">Progress lines (null for none).</param>
    public static Result Run(IReadOnlyList<string> inputs, string baseline, Options o, Func<string, LoadedScenario> load,
        Action<string>? log = null, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(o.OutDir);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "index" };
        Entry Prepare(string input, bool isBaseline)
        {
            string path = ScenarioLocator.Resolve(input);
            string name = Unique(Safe(System.IO.Path.GetFileNameWithoutExtension(path)), names);
            if (System.IO.Path.GetFileName(input).IndexOfAny(new[] { '*', '?' }) >= 0)
                return new Entry(input, name, null, null, null, "no file matches this pattern", isBaseline, true);
            if (!File.Exists(path))
                return new Entry(input, name, null, null, null, $"scenario not found: {input}", isBaseline, true);
            try
            {
                return new Entry(input, name, path, load(path), null, null, isBaseline, false);
            }
            catch (ScenarioException e)
            {
                return new Entry(input, name, path, null, null, string.Join("\n", e.Errors.Select(x => x.ToString())), isBaseline, true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return new Entry(input, name, path, null, null, e.Message, isBaseline, true);
            }
        }

        var baseEntry = Prepare(baseline, true);
        string? basePath = baseEntry.Path is { } bp ? System.IO.Path.GetFullPath(bp) : null;
        var entries = new List<Entry>();
        foreach (var input in Expand(inputs))
        {
            // the baseline is run once, as the baseline
            if (basePath != null && File.Exists(ScenarioLocator.Resolve(input)) &&
                System.IO.Path.GetFullPath(ScenarioLocator.Resolve(input)) == basePath) continue;
            entries.Add(Prepare(input, false));
        }
        ulong seed = o.Seed ?? baseEntry.Scenario?.Seed ?? 1;

        Entry Execute(Entry e)
        {
            if (e.Scenario is null) { log?.Invoke($"skipped {e.Input}: {FirstLine(e.Error)}"); return e; }
            string dir = System.IO.Path.Combine(o.OutDir, e.Name);
            log?.Invoke($"running {e.Name}{(e.IsBaseline ? " (baseline)" : "")}: {e.Scenario.Parameters.Weeks} weeks, {o.Replicates} replicate(s), seed {seed}");
            try
            {
                var outcome = RunPipeline.Execute(e.Scenario, e.Scenario.Parameters,
                    new RunPipeline.Options(dir, seed, o.Replicates, o.Threads, o.Charts, o.Command, Warn: w => log?.Invoke("warning: " + w)) { Format = o.Format }, null, cancel);
                return e with { Outcome = outcome };
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested) { throw; }
            catch (Exception ex)
            {
                log?.Invoke($"failed {e.Name}: {ex.Message}");
                return e with { Error = "the run failed: " + ex.Message };
            }
        }

        baseEntry = Execute(baseEntry);
        for (int i = 0; i < entries.Count; i++) entries[i] = Execute(entries[i]);

        int code = entries.Count > 0 && entries.All(e => e.BadInput) ? 2
            : entries.Any(e => !e.Ok) || !baseEntry.Ok || entries.Count == 0 ? 1 : 0;
        if (entries.Count == 0 && baseEntry.BadInput) code = 2;
        string? chartSvg = null;
        if (BatchIndex.Comparison(entries, baseEntry) is { } chart)
        {
            // the comparison chart also as files, for slides and papers
            var rendered = Charts.ChartRenderer.Render(new Charts.ChartSpec("comparison", "Violence, scenario by scenario", chart));
            Reports.ChartFiles.Write(o.OutDir, new[] { rendered }, w => log?.Invoke("warning: " + w));
            chartSvg = rendered.Svg;
        }
        string index = System.IO.Path.Combine(o.OutDir, "index.html");
        Output.AtomicFile.WriteAllText(index, BatchIndex.Build(entries, baseEntry, seed, o.Replicates, chartSvg));
        log?.Invoke($"wrote {index}");
        return new Result(entries, baseEntry, seed, index, code);
    }

    private static string FirstLine(string? s) => s is null ? "" : s.Split('\n')[0];

    private static string Safe(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var s = new string(chars).Trim('.', '-');
        return s.Length == 0 ? "scenario" : s;
    }

    private static string Unique(string name, HashSet<string> used)
    {
        string n = name;
        for (int k = 2; !used.Add(n); k++) n = $"{name}-{k}";
        return n;
    }
}
