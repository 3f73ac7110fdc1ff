using SkiaSharp;

namespace DecapSim.Charts;

/// <summary>
/// The font every chart uses. Skia picks a serif face when none is named, and on a machine without fonts every label
/// silently disappears, so the family is chosen once from what is installed (DejaVu Sans first) and a warning is
/// available when nothing usable exists.
/// </summary>
public static class ChartFonts
{
    /// <summary>Families tried in order.</summary>
    public static readonly string[] Preferred = { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "FreeSans" };

    private static readonly Lazy<string?> Chosen = new(Choose, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The family in use, or null when the machine has no font at all.</summary>
    public static string? Family => Chosen.Value;

    /// <summary>A sentence for the terminal when charts would have no text, else null.</summary>
    public static string? Warning => Family is null
        ? "no font found: chart text will be missing (install one, for example `apt-get install fonts-dejavu-core`)"
        : null;

    /// <summary>Sets ScottPlot's default font (idempotent, thread-safe); call before building a plot.</summary>
    public static void Ensure()
    {
        if (Family is { } f) ScottPlot.Fonts.Default = f;
    }

    private static string? Choose()
    {
        var families = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var p in Preferred)
            if (families.Contains(p)) { ScottPlot.Fonts.Default = p; return p; }
        var any = families.FirstOrDefault(f => f.Contains("Sans", StringComparison.OrdinalIgnoreCase)) ?? families.FirstOrDefault();
        if (any is not null) ScottPlot.Fonts.Default = any;
        return any;
    }
}
