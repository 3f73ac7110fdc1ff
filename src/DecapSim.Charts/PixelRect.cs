namespace DecapSim.Charts;

/// <summary>A rectangle in SVG pixel coordinates (y grows downwards).</summary>
public readonly record struct PixelRect(double Left, double Top, double Width, double Height)
{
    /// <summary>Right edge.</summary>
    public double Right => Left + Width;

    /// <summary>Bottom edge.</summary>
    public double Bottom => Top + Height;

    /// <summary>True when the point lies inside (edges included).</summary>
    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Top && y <= Bottom;
}
