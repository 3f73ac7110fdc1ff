using DecapSim.Charts;

namespace DecapSim.Experiments.Research;

/// <summary>A sweep's charts: each output against each varied key, median with 50% and 90% bands over every run at
/// that value (its replicates and the other keys' values).</summary>
public static class SweepCharts
{
    /// <summary>The chart of output <paramref name="o"/> against parameter <paramref name="j"/>.</summary>
    public static Figure Render(Experiment e, DesignPlan plan, IReadOnlyList<UnitResult> results, int o, int j)
    {
        var p = e.Parameters[j];
        bool numeric = ExperimentTables.IsNumeric(p);
        var levels = new SortedDictionary<double, List<double>>();
        foreach (var r in results)
        {
            string text = p.TextAt(plan.Unit[r.Point][j]);
            double x = numeric ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : p.Values!.ToList().IndexOf(text);
            if (!levels.TryGetValue(x, out var list)) levels[x] = list = new List<double>();
            list.Add(r.Outputs[o]);
        }
        string output = e.Outputs[o].Text;
        int others = plan.Count / Math.Max(1, levels.Count);
        string xLabel = (numeric ? p.Key : $"{p.Key} ({string.Join(", ", p.Values!.Select((v, i) => $"{i} = {v}"))})")
            + $"; each value: {e.Replicates} replicate(s) x {others} point(s) of the other keys";
        var series = new SweepSeries(output, levels.Keys.ToArray(), levels.Values.Select(l => l.ToArray()).ToList());
        return SweepChart.Build($"{output} by {p.Key}", xLabel, output, new[] { series });
    }
}

/// <summary>PRIM's trade-off chart: coverage against density of every box on the peeling trajectory.</summary>
public static class DiscoveryCharts
{
    public static Figure TradeOff(DiscoveryData data, CaseRule rule, PrimResult prim)
    {
        var peel = prim.Trajectory.Where(b => b.Stage != "paste" && b.Index != prim.Final).ToList();
        var final = prim.Trajectory[prim.Final];
        var groups = new List<ScatterGroup>
        {
            new("boxes of the peeling trajectory", peel.Select(b => b.Coverage).ToArray(), peel.Select(b => b.Density).ToArray()),
            new($"chosen box {final.Index}{(prim.Final != prim.Chosen ? $" (box {prim.Chosen} after pasting)" : "")}: {final.Restricted(prim).Length} parameter(s)",
                new[] { final.Coverage }, new[] { final.Density }),
        };
        return ScatterChart.Build($"PRIM trade-off: runs with {data.Output} {(rule.Below ? "low" : "high")}",
            "coverage (share of the cases inside the box)", "density (share of the box's runs that are cases)", groups,
            xLimits: (0, 1.05), yLimits: (0, 1.3)); // room above density 1 for the legend (upper right)
    }
}
