using System.CommandLine;
using System.Globalization;
using DecapSim.Experiments.Compare;
using DecapSim.Experiments.Output;
using Spectre.Console;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim compare &lt;baseline&gt; &lt;scenario&gt;...`: runs every scenario with the same replicate seeds
/// (common random numbers) and reports paired differences from the baseline with 95% intervals, plus an event study
/// of leader removals.</summary>
public static class CompareCommand
{
    public static Command Build(CliConsole console)
    {
        var baseline = new Argument<string>("baseline") { Description = "Baseline scenario file or bundled name" };
        var scenarios = new Argument<string[]>("scenarios") { Description = "Scenarios to compare with the baseline", Arity = ArgumentArity.OneOrMore };
        var replicates = CommonOptions.Replicates(20, "Paired replicates per scenario (default 20, at least 2: intervals need two; replicate k uses the same seed in every scenario)");
        var threads = CommonOptions.Threads();
        var seed = CommonOptions.Seed("Master seed (default: the baseline's Seed, else 1)");
        var weeks = CommonOptions.Weeks("Override the number of weeks of every scenario (1..5200)");
        var outDir = CommonOptions.Out("runs/compare");
        var set = CommonOptions.Set("Override a parameter in every scenario: Section.Key=value (repeatable)");
        var quiet = CommonOptions.Quiet("No progress output and no table");
        var noCharts = CommonOptions.NoCharts("Skip the charts and reports (tables only)");
        var format = FormatOption.Create(OutputFormat.Csv);
        var cmd = new Command("compare", "Compare scenarios with a baseline under common random numbers")
        {
            baseline, scenarios, replicates, threads, seed, weeks, outDir, set, quiet, noCharts, format,
        };
        cmd.SetAction(parse =>
        {
            var sets = parse.GetValue(set) ?? Array.Empty<string>();
            int? w = parse.GetValue(weeks);
            if (!CommonOptions.WeeksOk(console, w)) return ExitCodes.BadInput;
            int reps = parse.GetValue(replicates);
            if (!CliGuard.InRange(console, "--replicates", reps, 2, 100_000, "intervals need at least 2")) return ExitCodes.BadInput;
            int th = parse.GetValue(threads);
            if (!CliGuard.InRange(console, "--threads", th, 1, 1024)) return ExitCodes.BadInput;
            if (!FormatOption.TryGet(parse, format, console, out var fmt)) return ExitCodes.BadInput;
            var inputs = new List<CompareInput>();
            ulong? baselineSeed = null;
            foreach (var name in new[] { parse.GetValue(baseline)! }.Concat(parse.GetValue(scenarios)!))
            {
                if (!ScenarioCli.TryLoad(name, sets, console, out var loaded)) return ExitCodes.BadInput;
                baselineSeed ??= loaded.Seed;
                var p = loaded.Parameters;
                if (w is { } weeksOverride) p = p with { Weeks = weeksOverride };
                inputs.Add(new CompareInput(loaded, p));
            }
            if (inputs.Select(i => i.Parameters.Weeks).Distinct().Count() > 1)
                console.Error.WriteLine("warning: scenarios run for different numbers of weeks; differences use the shortest");
            ulong s = parse.GetValue(seed) ?? baselineSeed ?? 1;
            string dir = parse.GetValue(outDir)!;
            bool q = parse.GetValue(quiet);
            var options = new ComparePipeline.Options(dir, s, reps, th, "decapsim " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                Charts: !parse.GetValue(noCharts), Warn: w => console.Error.WriteLine("warning: " + w)) { Format = fmt };
            var sw = System.Diagnostics.Stopwatch.StartNew();
            return CliGuard.Run(console, dir, cancel =>
            {
                if (!q) console.Error.WriteLine($"comparing {string.Join(", ", inputs.Skip(1).Select(i => i.Scenario.Name))} with {inputs[0].Scenario.Name}: {reps} paired replicate(s) each, seed {s}, {th} thread(s)");
                bool bar = CliProgress.Enabled(console, q);
                double totalWeeks = inputs.Sum(i => (double)i.Parameters.Weeks) * reps;
                var result = CliProgress.Run(console, q, "compare", totalWeeks, weekDone =>
                    ComparePipeline.Run(inputs[0], inputs.Skip(1).ToList(), options, (done, total) =>
                    {
                        // one line per finished replicate, on stderr (stdout keeps the table)
                        if (!q && !bar && done > 0)
                            console.Error.WriteLine($"  {inputs[Math.Min(inputs.Count - 1, (done - 1) / reps)].Scenario.Name}: replicate {(done - 1) % reps + 1} of {reps} done " +
                                $"(scenario {(done - 1) / reps + 1} of {total / reps}, {sw.Elapsed.TotalSeconds:F1} s)");
                    }, cancel, weekDone));
                if (!q)
                {
                    PrintTable(console, result);
                    console.Error.WriteLine($"wrote comparison.csv, event_study.csv and {result.Scenarios.Count + 1} scenario folders to {dir} in {sw.Elapsed.TotalSeconds:F1} s");
                    if (result.SetUpsReused > 0)
                        console.Error.WriteLine($"shared set-up: {result.SetUpsReused} of {result.Scenarios.Count + 1} scenarios copied the world, landscape and warm-up built for another (~{result.SetUpSecondsSaved:F1} s saved)");
                    for (int i = 0; i < result.BranchWeeks.Count; i++)
                        if (result.BranchWeeks[i] > 0)
                            console.Error.WriteLine($"branched: {result.Scenarios[i].Name} equals the baseline before week {result.BranchWeeks[i]}: continued from its replicates there ({result.BranchWeeks[i] * reps} replicate-weeks not run again)");
                    string report = Path.Combine(dir, "report.html");
                    if (File.Exists(report)) console.Out.WriteLine(Path.GetFullPath(report));
                }
                return ExitCodes.Ok;
            });
        });
        return cmd;
    }

    private static readonly string[] Header = { "scenario", "metric", "weeks", "baseline mean", "scenario mean", "difference", "95% CI (paired t)" };

    /// <summary>The paired-t rows as table cells.</summary>
    internal static List<string[]> TableRows(CompareResult result) =>
        result.Rows.Where(r => r.Method == "paired-t").Select(r => new[]
        {
            r.Scenario, r.Metric, r.HorizonWeeks.ToString(CultureInfo.InvariantCulture), Fmt(r.MeanBaseline), Fmt(r.MeanScenario),
            (r.MeanDifference >= 0 ? "+" : "") + Fmt(r.MeanDifference), $"[{Fmt(r.CiLow)}, {Fmt(r.CiHigh)}]",
        }).ToList();

    private static void PrintTable(CliConsole console, CompareResult result)
    {
        var rows = TableRows(result);
        if (console.IsTerminal && AnsiConsole.Profile.Capabilities.Ansi)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"difference from {Markup.Escape(result.Baseline.Name)} ({result.Replicates} paired replicates)");
            for (int c = 0; c < Header.Length; c++)
            {
                var col = new TableColumn(Markup.Escape(Header[c]));
                if (c >= 2) col.RightAligned();
                table.AddColumn(col);
            }
            foreach (var r in rows) table.AddRow(r.Select(Markup.Escape).ToArray());
            AnsiConsole.Write(table);
            return;
        }
        console.Out.WriteLine($"difference from {result.Baseline.Name} ({result.Replicates} paired replicates):");
        var widths = Header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((x, c) => c >= 2 ? x.PadLeft(widths[c]) : x.PadRight(widths[c]))).TrimEnd();
        console.Out.WriteLine(Line(Header));
        foreach (var r in rows) console.Out.WriteLine(Line(r));
    }

    private static string Fmt(double v)
    {
        if (double.IsNaN(v)) return "n/a";
        double a = Math.Abs(v);
        if (a >= 100) return v.ToString("#,0", CultureInfo.InvariantCulture);
        return v.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
