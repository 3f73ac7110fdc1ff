namespace DecapSim.Charts;

/// <summary>A sequential colour scale (default: viridis, perceptually uniform and colour-blind safe).</summary>
public sealed class ColorScale
{
    private readonly Color[] _stops;

    /// <summary>Creates a scale interpolating evenly between the given stops (low to high).</summary>
    public ColorScale(params Color[] stops)
    {
        if (stops.Length < 2) throw new ArgumentException("A colour scale needs at least two stops.", nameof(stops));
        _stops = stops;
    }

    /// <summary>Viridis, sampled at 9 stops.</summary>
    public static ColorScale Viridis { get; } = new(
        Color.FromHex("#440154"), Color.FromHex("#472d7b"), Color.FromHex("#3b528b"), Color.FromHex("#2c728e"),
        Color.FromHex("#21918c"), Color.FromHex("#28ae80"), Color.FromHex("#5ec962"), Color.FromHex("#addc30"),
        Color.FromHex("#fde725"));

    /// <summary>Light yellow to dark red (Tol's YlOrBr-like), for "more is worse" quantities.</summary>
    public static ColorScale YellowOrangeBrown { get; } = new(
        Color.FromHex("#ffffe5"), Color.FromHex("#fee391"), Color.FromHex("#fec44f"), Color.FromHex("#fb9a29"),
        Color.FromHex("#ec7014"), Color.FromHex("#cc4c02"), Color.FromHex("#8c2d04"));

    /// <summary>Stops, low to high.</summary>
    public IReadOnlyList<Color> Stops => _stops;

    /// <summary>Colour at fraction t in [0, 1] (clamped).</summary>
    public Color At(double t)
    {
        if (double.IsNaN(t)) t = 0;
        t = Math.Clamp(t, 0, 1) * (_stops.Length - 1);
        int i = Math.Min((int)Math.Floor(t), _stops.Length - 2);
        return Color.Lerp(_stops[i], _stops[i + 1], t - i);
    }
}
