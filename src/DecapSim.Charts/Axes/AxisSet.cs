namespace DecapSim.Charts;

/// <summary>The axes of a chart (bottom x axis and left y axis), as in ScottPlot's <c>plot.Axes</c>.</summary>
public sealed class AxisSet
{
    /// <summary>The horizontal axis.</summary>
    public Axis Bottom { get; } = new() { Margin = 0.02 };

    /// <summary>The vertical axis.</summary>
    public Axis Left { get; } = new() { SnapToTicks = true };

    /// <summary>Fixes all four limits.</summary>
    public void SetLimits(double xMin, double xMax, double yMin, double yMax)
    {
        Bottom.SetLimits(xMin, xMax);
        Left.SetLimits(yMin, yMax);
    }

    /// <summary>Fixes the horizontal limits.</summary>
    public void SetLimitsX(double min, double max) => Bottom.SetLimits(min, max);

    /// <summary>Fixes the vertical limits.</summary>
    public void SetLimitsY(double min, double max) => Left.SetLimits(min, max);

    /// <summary>Returns both axes to automatic limits.</summary>
    public void AutoScale() { Bottom.AutoScale(); Left.AutoScale(); }
}
