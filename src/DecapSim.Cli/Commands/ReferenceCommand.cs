using System.CommandLine;
using System.Text;
using DecapSim.Core.Metrics;
using DecapSim.Core.Reference;
using DecapSim.Experiments.Output;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim reference &lt;scenario&gt;`: solves the mean-field reference model (Prieto-Curiel et al. 2023) for the
/// scenario's initial factions and writes weekly.csv with the columns that have a meaning there.</summary>
public static class ReferenceCommand
{
    public static Command Build(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file or bundled scenario name" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed used to build the initial factions (default: the scenario's)" };
        var weeks = new Option<int?>("--weeks") { Description = "Override the number of weeks" };
        var outDir = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "runs/reference" };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: Section.Key=value (repeatable)" };
        var cmd = new Command("reference", "Solve the mean-field reference model (ODE) for a scenario") { scenario, seed, weeks, outDir, set };
        cmd.SetAction(parse =>
        {
            if (!ScenarioCli.TryLoad(parse.GetValue(scenario)!, parse.GetValue(set) ?? Array.Empty<string>(), console, out var loaded)) return ExitCodes.BadInput;
            var p = loaded.Parameters;
            if (parse.GetValue(weeks) is { } w)
            {
                if (w < 1 || w > 5200) { console.Error.WriteLine($"error: --weeks: {w} is out of range (allowed: 1..5200)"); return ExitCodes.BadInput; }
                p = p with { Weeks = w };
            }
            ulong s = parse.GetValue(seed) ?? loaded.Seed;
            string dir = parse.GetValue(outDir)!;
            var start = DateTimeOffset.Now;
            var metrics = ReferenceModel.Run(p, s); // the same initial factions as `run` with this seed (structure seed = master seed)
            Directory.CreateDirectory(dir);
            using (var f = new AtomicFile(Path.Combine(dir, "weekly.csv")))
            {
                f.Writer.WriteLine(RunWriter.WeeklyHeader);
                var sb = new StringBuilder();
                for (int k = 0; k < metrics.Count; k++) f.Writer.WriteLine(RunWriter.WeeklyRow(sb.Clear(), "0", k, p.StartDate, metrics[k]));
                f.Commit();
            }
            ManifestWriter.Write(Path.Combine(dir, "manifest.json"), loaded, p, s, 1, 1, start, DateTimeOffset.Now,
                new Dictionary<string, double>(), "decapsim reference", new[] { "weekly.csv", "manifest.json" });
            console.Out.WriteLine($"reference model: {metrics.Count} weeks written to {dir}/weekly.csv (empty cells: not defined in the mean-field model)");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
