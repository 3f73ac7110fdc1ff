using SkiaSharp;

namespace DecapSim.Charts.Tests;

/// <summary>Reads a PNG for pixel checks.</summary>
internal sealed class PixelProbe : IDisposable
{
    private readonly SKBitmap _bitmap;

    public PixelProbe(byte[] png) => _bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("not a PNG");

    public int Width => _bitmap.Width;
    public int Height => _bitmap.Height;

    /// <summary>Pixels in the rectangle darker than <paramref name="luminance"/> (0-255).</summary>
    public int DarkPixels(int x0, int y0, int x1, int y1, double luminance = 110)
    {
        int n = 0;
        for (int y = Math.Max(0, y0); y < Math.Min(Height, y1); y++)
            for (int x = Math.Max(0, x0); x < Math.Min(Width, x1); x++)
            {
                var c = _bitmap.GetPixel(x, y);
                if (0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue < luminance) n++;
            }
        return n;
    }

    /// <summary>Pixels within <paramref name="tolerance"/> of the colour on every channel.</summary>
    public int PixelsNear(ScottPlot.Color color, int tolerance = 6)
    {
        int n = 0;
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                var c = _bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - color.R) <= tolerance && Math.Abs(c.Green - color.G) <= tolerance && Math.Abs(c.Blue - color.B) <= tolerance) n++;
            }
        return n;
    }

    /// <summary>The colour a translucent fill shows over white.</summary>
    public static ScottPlot.Color OverWhite(ScottPlot.Color c, double alpha)
    {
        byte Mix(byte v) => (byte)Math.Round(255 - (255 - v) * alpha);
        return new ScottPlot.Color(Mix(c.R), Mix(c.G), Mix(c.B));
    }

    public void Dispose() => _bitmap.Dispose();
}
