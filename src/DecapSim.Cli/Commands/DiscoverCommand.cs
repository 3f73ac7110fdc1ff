using System.CommandLine;
using DecapSim.Experiments.Research;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim experiment discover DIR --output NAME --below Q`: scenario discovery (PRIM) over an
/// experiment's or sweep's results.</summary>
public static class DiscoverCommand
{
    public static Command Build(CliConsole console)
    {
        var dir = new Argument<string>("dir") { Description = "A finished experiment or sweep folder (with experiment.json and results.csv or results.parquet)" };
        var output = new Option<string>("--output") { Description = "The output, by its expression or an unambiguous prefix (e.g. cumulative_homicides)", Required = true };
        var below = new Option<double?>("--below") { Description = "Cases of interest: runs with the output at or below its Q-quantile (0 < Q < 1)" };
        var above = new Option<double?>("--above") { Description = "Cases of interest: runs with the output at or above its Q-quantile (0 < Q < 1)" };
        var belowValue = new Option<double?>("--below-value") { Description = "Cases of interest: runs with the output at or below V" };
        var aboveValue = new Option<double?>("--above-value") { Description = "Cases of interest: runs with the output at or above V" };
        var alpha = new Option<double>("--alpha") { Description = "Share of the box's runs each peel removes (at least one value of a parameter)", DefaultValueFactory = _ => 0.05 };
        var minMass = new Option<double>("--min-mass") { Description = "Smallest share of all runs a box may hold", DefaultValueFactory = _ => 0.05 };
        var box = new Option<int?>("--box") { Description = "Report this box of the peeling trajectory (see prim.csv) instead of the one with the largest coverage x density" };
        var outDir = new Option<string?>("--out") { Description = "Folder for prim.csv, prim.txt and charts/ (default: DIR)" };
        var noCharts = new Option<bool>("--no-charts") { Description = "Skip the trade-off chart" };
        var cmd = new Command("discover", "Scenario discovery (PRIM): where in the varied parameters the output is low (or high)")
        {
            dir, output, below, above, belowValue, aboveValue, alpha, minMass, box, outDir, noCharts,
        };
        cmd.SetAction(parse =>
        {
            var rules = new (string Name, double? V, bool Below, bool IsQuantile)[]
            {
                ("--below", parse.GetValue(below), true, true), ("--above", parse.GetValue(above), false, true),
                ("--below-value", parse.GetValue(belowValue), true, false), ("--above-value", parse.GetValue(aboveValue), false, false),
            }.Where(r => r.V is not null).ToList();
            if (rules.Count != 1)
            {
                console.Error.WriteLine("error: give exactly one of --below Q, --above Q, --below-value V, --above-value V" + (rules.Count > 1 ? $" (got {string.Join(", ", rules.Select(r => r.Name))})" : ""));
                return ExitCodes.BadInput;
            }
            var (name, v, isBelow, isQuantile) = rules[0];
            if (isQuantile && !(v > 0 && v < 1)) { console.Error.WriteLine($"error: {name}: {v} is not a quantile level (allowed: 0 < Q < 1)"); return ExitCodes.BadInput; }
            if (!double.IsFinite(v!.Value)) { console.Error.WriteLine($"error: {name}: {v} is not a finite number"); return ExitCodes.BadInput; }
            double a = parse.GetValue(alpha), m = parse.GetValue(minMass);
            if (!(a > 0 && a < 0.5)) { console.Error.WriteLine($"error: --alpha: {a} is out of range (allowed: 0 < alpha < 0.5)"); return ExitCodes.BadInput; }
            if (!(m > 0 && m < 1)) { console.Error.WriteLine($"error: --min-mass: {m} is out of range (allowed: 0 < mass < 1)"); return ExitCodes.BadInput; }
            string d = parse.GetValue(dir)!;
            string o = parse.GetValue(outDir) ?? d;
            DiscoveryData data;
            try { data = ScenarioDiscovery.Load(d, parse.GetValue(output)!); }
            catch (DiscoveryException ex) { console.Error.WriteLine("error: " + ex.Message); return ExitCodes.BadInput; }
            var rule = new CaseRule(isBelow, isQuantile ? v : null, isQuantile ? null : v);
            return CliGuard.Run(console, o, _ =>
            {
                try
                {
                    var result = ScenarioDiscovery.Run(data, rule, o, !parse.GetValue(noCharts), new PrimOptions(a, a, m, parse.GetValue(box)), w => console.Error.WriteLine("warning: " + w));
                    console.Out.WriteLine(result.Description);
                    console.Out.WriteLine($"wrote {string.Join(", ", result.Files)} to {o}");
                    return ExitCodes.Ok;
                }
                catch (DiscoveryException ex) { console.Error.WriteLine("error: " + ex.Message); return ExitCodes.BadInput; }
                catch (ArgumentOutOfRangeException ex) when (parse.GetValue(box) is not null) { console.Error.WriteLine("error: --box: " + ex.Message.Split(" (Parameter")[0]); return ExitCodes.BadInput; }
            });
        });
        return cmd;
    }
}
