namespace DecapSim.Charts.Plottables;

/// <summary>Factory for plottables, reached as <c>chart.Add</c> (ScottPlot's <c>plot.Add</c>).</summary>
public sealed class PlottableAdder
{
    private readonly List<Plottable> _target;

    internal PlottableAdder(List<Plottable> target) => _target = target;

    /// <summary>Adds any plottable.</summary>
    public T Plottable<T>(T p) where T : Plottable { _target.Add(p); return p; }

    /// <summary>Adds a line; NaN breaks it.</summary>
    public LinePlot Line(IReadOnlyList<double> xs, IReadOnlyList<double> ys) => Plottable(new LinePlot(xs, ys));

    /// <summary>Adds a shaded band between lower and upper.</summary>
    public BandPlot Band(IReadOnlyList<double> xs, IReadOnlyList<double> lower, IReadOnlyList<double> upper) =>
        Plottable(new BandPlot(xs, lower, upper));

    /// <summary>Adds point markers.</summary>
    public ScatterPlot Scatter(IReadOnlyList<double> xs, IReadOnlyList<double> ys) => Plottable(new ScatterPlot(xs, ys));

    /// <summary>Adds bars centred on xs.</summary>
    public BarPlot Bars(IReadOnlyList<double> xs, IReadOnlyList<double> values) => Plottable(new BarPlot(xs, values));

    /// <summary>Adds bars at 0, 1, 2, ...</summary>
    public BarPlot Bars(IReadOnlyList<double> values) =>
        Bars(Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray(), values);

    /// <summary>Adds stacked layers (bottom first) with legend labels.</summary>
    public StackedAreaPlot StackedArea(IReadOnlyList<double> xs, IReadOnlyList<double[]> layers, IReadOnlyList<string>? labels = null) =>
        Plottable(new StackedAreaPlot(xs, layers, labels));

    /// <summary>Adds a vertical marker line with an optional label.</summary>
    public VerticalLine VerticalLine(double x, string? label = null) => Plottable(new VerticalLine(x, label));

    /// <summary>Adds a text note at a data position.</summary>
    public Annotation Annotation(double x, double y, string text) => Plottable(new Annotation(x, y, text));
}
