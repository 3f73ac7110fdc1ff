using ScottPlot;

namespace DecapSim.Charts;

/// <summary>One series of a sweep: at each value of the varied key, the output of every replicate.</summary>
/// <param name="Label">Legend label.</param>
/// <param name="X">Values of the varied key, ascending.</param>
/// <param name="Replicates">Replicates[i] = the outputs of the replicates run at X[i].</param>
public sealed record SweepSeries(string Label, double[] X, IReadOnlyList<double[]> Replicates);

/// <summary>An output against a varied parameter: the median of the replicates at each value, with the middle 50% and
/// 90% of replicates as bands.</summary>
public static class SweepChart
{
    /// <summary>Builds the chart; a sweep with no points says so on the chart.</summary>
    public static Figure Build(string title, string xLabel, string yLabel, IReadOnlyList<SweepSeries> series, int width = 900, int height = 500)
    {
        var p = ChartStyle.NewPlot(title);
        p.XLabel(xLabel);
        p.YLabel(yLabel);
        var drawn = series.Where(s => s.X.Length > 0 && s.Replicates.Count == s.X.Length && s.Replicates.All(r => r.Length > 0)).ToArray();
        if (drawn.Length == 0) { ChartStyle.NoData(p, "no sweep points to show"); return new Figure(p, width, height); }
        for (int i = 0; i < drawn.Length; i++)
        {
            var s = drawn[i];
            var q = s.Replicates.Select(r => { var v = r.Where(double.IsFinite).OrderBy(x => x).ToArray(); return v; }).ToArray();
            double[] At(double level) => q.Select(v => QuantileBands.Quantile(v, level)).ToArray();
            int reps = s.Replicates.Min(r => r.Length);
            var band = new Band(At(0.05), At(0.25), At(0.5), At(0.75), At(0.95), reps);
            var line = Draw.Band(p, s.X, band, ChartColors.Get(i), drawn.Length > 1 ? s.Label : "");
            line.MarkerSize = 6;
            line.MarkerShape = MarkerShape.FilledCircle;
        }
        ChartStyle.LegendInside(p, Alignment.UpperLeft);
        return new Figure(p, width, height);
    }
}

/// <summary>A group of points of a scatter chart.</summary>
/// <param name="Label">Legend label.</param>
/// <param name="X">x values.</param>
/// <param name="Y">y values.</param>
public sealed record ScatterGroup(string Label, double[] X, double[] Y);

/// <summary>Points of one or more groups (e.g. coverage against density of the boxes a box search proposes).</summary>
public static class ScatterChart
{
    /// <summary>Builds the chart; with no points it says so on the chart.</summary>
    public static Figure Build(string title, string xLabel, string yLabel, IReadOnlyList<ScatterGroup> groups, int width = 900, int height = 500,
        (double Min, double Max)? xLimits = null, (double Min, double Max)? yLimits = null)
    {
        var p = ChartStyle.NewPlot(title);
        p.XLabel(xLabel);
        p.YLabel(yLabel);
        var drawn = groups.Where(g => g.X.Length > 0 && g.X.Length == g.Y.Length).ToArray();
        if (drawn.Length == 0) { ChartStyle.NoData(p, "no points to show"); return new Figure(p, width, height); }
        for (int i = 0; i < drawn.Length; i++)
        {
            var s = p.Add.ScatterPoints(drawn[i].X, drawn[i].Y);
            s.Color = ChartColors.Get(i);
            s.MarkerSize = 7;
            s.LegendText = drawn[i].Label;
        }
        if (xLimits is { } xl) p.Axes.SetLimitsX(xl.Min, xl.Max);
        if (yLimits is { } yl) p.Axes.SetLimitsY(yl.Min, yl.Max);
        ChartStyle.LegendInside(p, Alignment.UpperRight);
        return new Figure(p, width, height);
    }
}
