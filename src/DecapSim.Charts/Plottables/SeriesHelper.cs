using System.Text;
using DecapSim.Charts.Svg;

namespace DecapSim.Charts.Plottables;

/// <summary>Shared path-building helpers for series plottables.</summary>
internal static class SeriesHelper
{
    /// <summary>Path data for a polyline; NaN points (or non-positive on a log axis) break the line.</summary>
    public static string LinePath(RenderContext ctx, IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var sb = new StringBuilder();
        bool pen = false;
        int n = Math.Min(xs.Count, ys.Count);
        for (int i = 0; i < n; i++)
        {
            double px = double.IsFinite(xs[i]) ? ctx.X(xs[i]) : double.NaN;
            double py = double.IsFinite(ys[i]) ? ctx.Y(ys[i]) : double.NaN;
            if (double.IsNaN(px) || double.IsNaN(py)) { pen = false; continue; }
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(pen ? 'L' : 'M').Append(SvgWriter.Num(px)).Append(',').Append(SvgWriter.Num(py));
            pen = true;
        }
        return sb.ToString();
    }

    /// <summary>Index ranges [start, end) of consecutive points where all given series are finite.</summary>
    public static IEnumerable<(int Start, int End)> FiniteRuns(int n, Func<int, bool> ok)
    {
        int start = -1;
        for (int i = 0; i <= n; i++)
        {
            bool good = i < n && ok(i);
            if (good && start < 0) start = i;
            else if (!good && start >= 0) { yield return (start, i); start = -1; }
        }
    }

    /// <summary>Polygon "points" attribute for the area between upper and lower pixel curves over [start, end).</summary>
    public static string AreaPoints(RenderContext ctx, IReadOnlyList<double> xs, Func<int, double> lower, Func<int, double> upper, int start, int end)
    {
        var sb = new StringBuilder();
        for (int i = start; i < end; i++) Append(sb, ctx.X(xs[i]), upper(i));
        for (int i = end - 1; i >= start; i--) Append(sb, ctx.X(xs[i]), lower(i));
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, double px, double py)
    {
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(SvgWriter.Num(px)).Append(',').Append(SvgWriter.Num(py));
    }

    /// <summary>Checks two arrays have the same length.</summary>
    public static void RequireSameLength(IReadOnlyList<double> a, IReadOnlyList<double> b, string name)
    {
        if (a.Count != b.Count)
            throw new ArgumentException($"{name}: xs has {a.Count} values but ys has {b.Count}.", name);
    }
}
