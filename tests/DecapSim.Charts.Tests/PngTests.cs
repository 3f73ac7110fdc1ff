using System.Buffers.Binary;
using System.IO.Compression;
using Xunit.Abstractions;

namespace DecapSim.Charts.Tests;

/// <summary>
/// PNG output through rsvg-convert. When it is missing these tests pass with a message locally and fail
/// when CI=true, so a CI machine without librsvg2-bin is noticed.
/// </summary>
public class PngTests(ITestOutputHelper output)
{
    /// <summary>Directory where example PNGs are left for inspection.</summary>
    public static readonly string ExampleDir = Path.Combine(Path.GetTempPath(), "decapsim-chart-examples");

    [Fact]
    public void SavePng_TwoDifferentCharts_NonBlankDifferentFiles()
    {
        if (!RsvgAvailable()) return;
        Directory.CreateDirectory(ExampleDir);
        string a = Path.Combine(ExampleDir, "violence-curve.png"), b = Path.Combine(ExampleDir, "stacked.png");
        Fixtures.ViolenceCurve().SavePng(a, 900, 450);
        Fixtures.Stacked().SavePng(b, 900, 450);
        byte[] pa = File.ReadAllBytes(a), pb = File.ReadAllBytes(b);
        Assert.True(pa.Length > 10_000, $"{a} is only {pa.Length} bytes");
        Assert.True(pb.Length > 10_000, $"{b} is only {pb.Length} bytes");
        Assert.NotEqual(pa, pb);
        var (w, h, distinct) = PngStats(pa);
        Assert.Equal((900, 450), (w, h));
        Assert.True(distinct > 20, $"only {distinct} distinct byte values: the image looks blank");
    }

    [Fact]
    public void SavePng_SpecialisedCharts_NonBlank()
    {
        if (!RsvgAvailable()) return;
        Directory.CreateDirectory(ExampleDir);
        var files = new (string Name, SvgChartBase Chart, int W, int H)[]
        {
            ("tilemap.png", Fixtures.MexicoMap(), 1200, 480),
            ("lineage.png", Fixtures.Lineage(), 900, 400),
            ("multiplot.png", MultiplotExample(), 900, 600),
            ("violence-short.png", Fixtures.ViolenceCurve(40), 700, 380),
        };
        foreach (var (name, chart, w, h) in files)
        {
            string path = Path.Combine(ExampleDir, name);
            chart.SavePng(path, w, h);
            var (pw, ph, distinct) = PngStats(File.ReadAllBytes(path));
            Assert.Equal((w, h), (pw, ph));
            Assert.True(distinct > 20, $"{name} looks blank");
        }
    }

    [Fact]
    public void SavePng_WithoutRsvgOnPath_ThrowsClearException()
    {
        string? old = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", Path.Combine(Path.GetTempPath(), "no-such-dir"));
            var ex = Assert.Throws<RsvgConvertNotFoundException>(() => new Chart().SavePng(Path.Combine(Path.GetTempPath(), "x.png"), 10, 10));
            Assert.Contains("librsvg2-bin", ex.Message);
            Assert.Contains("rsvg-convert", ex.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", old);
        }
    }

    private static Multiplot MultiplotExample()
    {
        var m = new Multiplot(2, 2) { Title = "Runs" };
        for (int i = 0; i < 4; i++)
        {
            var xs = Enumerable.Range(0, 50).Select(x => (double)x).ToArray();
            m.Charts[i].Title = $"seed {i}";
            m.Charts[i].Add.Line(xs, xs.Select(x => Math.Sin(x / (3.0 + i)) * 10 + i).ToArray()).WithLabel("violence");
        }
        return m;
    }

    private bool RsvgAvailable()
    {
        if (RsvgConvert.IsAvailable) return true;
        Assert.False(Environment.GetEnvironmentVariable("CI") == "true",
            "rsvg-convert is not on PATH but CI=true: install librsvg2-bin on the CI machine.");
        output.WriteLine("SKIPPED: rsvg-convert not on PATH (apt-get install librsvg2-bin).");
        return false;
    }

    /// <summary>Width, height and number of distinct byte values in the decompressed image data.</summary>
    private static (int W, int H, int Distinct) PngStats(byte[] png)
    {
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        int w = 0, h = 0;
        using var idat = new MemoryStream();
        for (int pos = 8; pos < png.Length;)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            if (type == "IHDR")
            {
                w = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos + 8));
                h = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos + 12));
            }
            else if (type == "IDAT") idat.Write(png, pos + 8, len);
            pos += 12 + len;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var seen = new bool[256];
        var buf = new byte[65536];
        int n;
        while ((n = z.Read(buf)) > 0)
            for (int i = 0; i < n; i++) seen[buf[i]] = true;
        return (w, h, seen.Count(s => s));
    }
}
