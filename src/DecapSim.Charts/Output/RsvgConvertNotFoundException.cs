namespace DecapSim.Charts;

/// <summary>Thrown by SavePng when the rsvg-convert program is not on PATH.</summary>
public sealed class RsvgConvertNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception with an explanation of how to install rsvg-convert.</summary>
    public RsvgConvertNotFoundException()
        : base("PNG output needs the rsvg-convert program on PATH, which was not found. Install it " +
               "(Debian/Ubuntu package librsvg2-bin: apt-get install librsvg2-bin) or use SaveSvg instead.")
    {
    }
}
