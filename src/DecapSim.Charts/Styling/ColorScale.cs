using ScottPlot;

namespace DecapSim.Charts;

/// <summary>A sequential colour scale, low to high, usable as a ScottPlot colormap (colour bars).</summary>
public sealed class ColorScale : IColormap
{
    private readonly Color[] _stops;

    /// <summary>Creates a scale interpolating evenly between the given stops (low to high).</summary>
    public ColorScale(string name, params Color[] stops)
    {
        if (stops.Length < 2) throw new ArgumentException("A colour scale needs at least two stops.", nameof(stops));
        Name = name;
        _stops = stops;
    }

    /// <summary>Light yellow to dark brown, for "more is worse" quantities (homicide rates).</summary>
    public static ColorScale YellowOrangeBrown { get; } = new("YlOrBr",
        Color.FromHex("#ffffe5"), Color.FromHex("#fee391"), Color.FromHex("#fec44f"), Color.FromHex("#fb9a29"),
        Color.FromHex("#ec7014"), Color.FromHex("#cc4c02"), Color.FromHex("#8c2d04"));

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Stops, low to high.</summary>
    public IReadOnlyList<Color> Stops => _stops;

    /// <summary>Colour at fraction t in [0, 1] (clamped; NaN is the lowest colour).</summary>
    public Color GetColor(double t)
    {
        if (double.IsNaN(t)) t = 0;
        t = Math.Clamp(t, 0, 1) * (_stops.Length - 1);
        int i = Math.Min((int)Math.Floor(t), _stops.Length - 2);
        double f = t - i;
        Color a = _stops[i], b = _stops[i + 1];
        byte Mix(byte x, byte y) => (byte)Math.Round(x + (y - x) * f);
        return new Color(Mix(a.R, b.R), Mix(a.G, b.G), Mix(a.B, b.B));
    }
}
