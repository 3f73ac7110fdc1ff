using DecapSim.Charts;
using DecapSim.Experiments.Output;
using MathNet.Numerics.Statistics;

namespace DecapSim.Experiments.Research;

/// <summary>A sweep's charts: each output against each varied key, median with 50% and 90% bands over every run at
/// that value (its replicates and the other keys' values).</summary>
public static class SweepCharts
{
    /// <summary>The SVG of output <paramref name="o"/> against parameter <paramref name="j"/>.</summary>
    public static string Render(Experiment e, DesignPlan plan, IReadOnlyList<UnitResult> results, int o, int j)
    {
        var p = e.Parameters[j];
        bool numeric = ExperimentTables.IsNumeric(p);
        var levels = new SortedDictionary<double, List<double>>();
        var names = new Dictionary<double, string>();
        foreach (var r in results)
        {
            double v = r.Outputs[o];
            if (!double.IsFinite(v)) continue;
            string text = p.TextAt(plan.Unit[r.Point][j]);
            double x = numeric ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : p.Values!.ToList().IndexOf(text);
            names[x] = text;
            if (!levels.TryGetValue(x, out var list)) levels[x] = list = new List<double>();
            list.Add(v);
        }
        var xs = levels.Keys.ToArray();
        double[] Q(double q) => levels.Values.Select(l => { var s = l.ToArray(); Array.Sort(s); return SortedArrayStatistics.QuantileCustom(s, q, QuantileDefinition.R7); }).ToArray();
        string output = e.Outputs[o].Text;
        int perLevel = levels.Count == 0 ? 0 : levels.Values.Min(l => l.Count);
        var c = new Chart { Title = $"{output} by {p.Key}" };
        c.Axes.Bottom.Label = numeric ? p.Key : $"{p.Key} (in list order)";
        c.Axes.Left.Label = output;
        c.Add.Band(xs, Q(0.05), Q(0.95)).WithLabel($"90% of runs ({perLevel}+ per value: replicates x other keys)");
        c.Add.Band(xs, Q(0.25), Q(0.75)).WithLabel("50% of runs");
        c.Add.Line(xs, Q(0.5)).WithLabel("median").WithWidth(2);
        c.Add.Scatter(xs, Q(0.5));
        if (!numeric) foreach (var x in xs) c.Add.Annotation(x, Q(0.5)[Array.IndexOf(xs, x)], names[x]);
        return c.GetSvg(800, 500);
    }
}

/// <summary>PRIM's trade-off chart: coverage against density of every box on the peeling trajectory.</summary>
public static class DiscoveryCharts
{
    public static string TradeOff(DiscoveryData data, CaseRule rule, PrimResult prim)
    {
        var c = new Chart { Title = $"PRIM peeling trajectory: {data.Output} {(rule.Below ? "low" : "high")}" };
        c.Axes.Bottom.Label = "coverage (share of the cases inside the box)";
        c.Axes.Left.Label = "density (share of the box's runs that are cases)";
        c.Axes.Bottom.Min = 0; c.Axes.Bottom.Max = 1.02;
        c.Axes.Left.Min = 0; c.Axes.Left.Max = 1.02;
        var peel = prim.Trajectory.Where(b => b.Stage != "paste").ToList();
        c.Add.Line(peel.Select(b => b.Coverage).ToArray(), peel.Select(b => b.Density).ToArray()).WithLabel("peeling trajectory").WithColor("#0072B2");
        c.Add.Scatter(peel.Select(b => b.Coverage).ToArray(), peel.Select(b => b.Density).ToArray()).WithColor("#0072B2");
        var final = prim.Trajectory[prim.Final];
        c.Add.Scatter(new[] { final.Coverage }, new[] { final.Density }).WithLabel($"final box {final.Index} ({final.Restricted(prim).Length} parameter(s))").WithColor("#D55E00");
        c.Add.Annotation(final.Coverage, final.Density, $"box {final.Index}");
        if (prim.Chosen != prim.Final)
        {
            var chosen = prim.Trajectory[prim.Chosen];
            c.Add.Annotation(chosen.Coverage, chosen.Density, $"box {chosen.Index} (before pasting)");
        }
        return c.GetSvg(800, 500);
    }
}
