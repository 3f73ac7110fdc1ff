namespace DecapSim.Charts.Svg;

/// <summary>Rough text extent estimates (no font engine): average glyph width of DejaVu Sans.</summary>
public static class TextMeasure
{
    /// <summary>Estimated width in pixels of <paramref name="text"/> at <paramref name="fontSize"/>.</summary>
    public static double Width(string text, double fontSize) => text.Length * fontSize * 0.6;
}
