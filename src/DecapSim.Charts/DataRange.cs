namespace DecapSim.Charts;

/// <summary>Extent of data in data units; NaN components mean "no finite data".</summary>
public readonly record struct DataRange(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>A range containing nothing.</summary>
    public static DataRange Empty { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>True when there is at least one finite point in both dimensions.</summary>
    public bool HasData => !double.IsNaN(XMin) && !double.IsNaN(YMin);

    /// <summary>Smallest range containing both.</summary>
    public DataRange Union(DataRange o) =>
        new(Min(XMin, o.XMin), Max(XMax, o.XMax), Min(YMin, o.YMin), Max(YMax, o.YMax));

    /// <summary>Range of finite points (x[i], y[i]); when <paramref name="positiveYOnly"/> only y &gt; 0 counts.</summary>
    public static DataRange Of(IReadOnlyList<double> xs, IReadOnlyList<double> ys, bool positiveYOnly = false)
    {
        var r = Empty;
        int n = Math.Min(xs.Count, ys.Count);
        for (int i = 0; i < n; i++)
        {
            double x = xs[i], y = ys[i];
            if (!double.IsFinite(x) || !double.IsFinite(y) || (positiveYOnly && y <= 0)) continue;
            r = r.Union(new DataRange(x, x, y, y));
        }
        return r;
    }

    private static double Min(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);
    private static double Max(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);
}
