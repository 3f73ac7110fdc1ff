using System.Runtime.CompilerServices;

namespace DecapSim.Charts.Tests;

/// <summary>
/// Exact comparisons against checked-in SVG files. To accept intended changes run
/// <c>UPDATE_GOLDEN=1 dotnet test tests/DecapSim.Charts.Tests</c> and review the diff.
/// </summary>
public class GoldenTests
{
    [Fact]
    public void ViolenceCurve_Fixed_MatchesGolden() => Check("violence-curve.svg", Fixtures.ViolenceCurve(120).GetSvg(800, 420));

    [Fact]
    public void TileMap_Fixed_MatchesGolden() => Check("tilemap.svg", Fixtures.MexicoMap(2).GetSvg(900, 420));

    [Fact]
    public void LineageTree_Fixed_MatchesGolden() => Check("lineage.svg", Fixtures.Lineage().GetSvg(800, 360));

    private static void Check(string name, string actual, [CallerFilePath] string thisFile = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with UPDATE_GOLDEN=1 to create it.");
        string expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            File.WriteAllText(path + ".actual", actual);
            Assert.Fail($"{name} differs from the golden file (actual written to {path}.actual); " +
                        "if the change is intended, rerun with UPDATE_GOLDEN=1.");
        }
    }
}
