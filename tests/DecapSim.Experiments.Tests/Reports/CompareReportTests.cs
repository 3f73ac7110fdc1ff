using System.Xml.Linq;
using DecapSim.Experiments.Compare;

namespace DecapSim.Experiments.Tests.Reports;

public sealed class CompareReportTests : IDisposable
{
    private readonly TestScenarios s = new();
    private readonly List<string> outs = new();

    public void Dispose()
    {
        s.Dispose();
        foreach (var d in outs) try { Directory.Delete(d, true); } catch (IOException) { }
    }

    [Fact]
    public void Run_WithCharts_WritesComparisonChartsAndAReportLinkingEachScenario()
    {
        string dir = s.NewOutDir();
        outs.Add(dir);
        CompareInput Input(string name) { var l = s.Load(name); return new CompareInput(l, l.Parameters with { Weeks = 30 }); }
        var r = ComparePipeline.Run(Input("small.json"), new[] { Input("lethal.json") },
            new ComparePipeline.Options(dir, 3, 3, 2, "test", Charts: true, BootstrapResamples: 100));

        foreach (var name in new[] { "comparison-violence", "comparison-fragmentation", "comparison-revenue" })
        {
            var svg = XDocument.Load(Path.Combine(dir, "charts", name + ".svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "path");
        }
        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("https://", html);
        Assert.Equal(3, html.Split("<svg").Length - 1);
        Assert.Contains("href=\"lethal/report.html\"", html);
        Assert.Contains("homicides over the first", html);
        Assert.True(File.Exists(Path.Combine(dir, "lethal", "report.html")));
        Assert.Contains("report.html", r.Files);
    }
}
