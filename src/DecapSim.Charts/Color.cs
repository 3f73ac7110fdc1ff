using System.Globalization;

namespace DecapSim.Charts;

/// <summary>An sRGB colour with optional opacity.</summary>
public readonly record struct Color(byte R, byte G, byte B, double Alpha = 1.0)
{
    /// <summary>Parses "#rrggbb".</summary>
    public static Color FromHex(string hex)
    {
        string h = hex.TrimStart('#');
        if (h.Length != 6) throw new FormatException($"Expected #rrggbb, got '{hex}'.");
        return new Color(
            byte.Parse(h.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(h.AsSpan(2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(h.AsSpan(4, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    /// <summary>"#rrggbb" (opacity is written separately by renderers).</summary>
    public string ToHex() => $"#{R:x2}{G:x2}{B:x2}";

    /// <summary>Same colour with a different opacity.</summary>
    public Color WithAlpha(double alpha) => this with { Alpha = alpha };

    /// <summary>Relative luminance (0 = black, 1 = white), used to pick readable label colours.</summary>
    public double Luminance()
    {
        static double Lin(byte c) { double v = c / 255.0; return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4); }
        return 0.2126 * Lin(R) + 0.7152 * Lin(G) + 0.0722 * Lin(B);
    }

    /// <summary>Linear interpolation between two colours, t in [0, 1].</summary>
    public static Color Lerp(Color a, Color b, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new Color((byte)Math.Round(a.R + (b.R - a.R) * t), (byte)Math.Round(a.G + (b.G - a.G) * t),
            (byte)Math.Round(a.B + (b.B - a.B) * t));
    }

    /// <inheritdoc/>
    public override string ToString() => ToHex();
}
