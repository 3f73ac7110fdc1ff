using System.Text;

namespace DecapSim.Charts;

/// <summary>Anything that renders to a standalone SVG document, with file output helpers.</summary>
public abstract class SvgChartBase
{
    /// <summary>The chart as an SVG document of the given pixel size. Touches no files.</summary>
    public abstract string GetSvg(int width, int height);

    /// <summary>Writes the SVG document (UTF-8, no BOM) to <paramref name="path"/>.</summary>
    public void SaveSvg(string path, int width, int height) =>
        File.WriteAllText(path, GetSvg(width, height), new UTF8Encoding(false));

    /// <summary>Writes a PNG through rsvg-convert.</summary>
    /// <exception cref="RsvgConvertNotFoundException">rsvg-convert is not on PATH.</exception>
    public void SavePng(string path, int width, int height) => RsvgConvert.SvgToPng(GetSvg(width, height), path, width, height);
}
