using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DecapSim.Experiments.Reports;
using DecapSim.Experiments.Runs;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Tests.Reports;

/// <summary>report.html, batch index.html and the comparison chart on a tiny grid world (a few seconds in all).</summary>
public sealed class ReportTests : IDisposable
{
    private const string Tiny = """
        { "Name": "Tiny <grid> & \"friends\"", "Question": "Does a tiny world work? <b>bold</b>",
          "Description": "A small grid world for tests & checks.", "Sources": [ "nowhere <script>alert(1)</script>" ],
          "World": { "Kind": "grid", "Width": 8, "Height": 8 }, "Factions": { "Count": 8, "InitialMembers": 2000 }, "Weeks": 60,
          "Timeline": [ { "Type": "kingpin-list", "Week": 10, "Count": 3, "OverWeeks": 20, "Label": "three <leaders> go" } ],
          "Notes": { "Weeks": "short & fast", "Timeline": "test", "World.Kind": "test", "World.Width": "test", "World.Height": "test",
                     "Factions.Count": "test", "Factions.InitialMembers": "test" } }
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("decapsim-report-").FullName;
    public void Dispose() { try { Directory.Delete(dir, true); } catch (IOException) { } }

    private string Write(string name, string text)
    {
        var p = Path.Combine(dir, name);
        File.WriteAllText(p, text, new UTF8Encoding(false));
        return p;
    }

    private static XDocument ParseXhtml(string html) =>
        XDocument.Parse(html.Replace("<!DOCTYPE html>", ""), LoadOptions.None);

    private static void AssertNoNetworkReferences(string html)
    {
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
        foreach (Match m in Regex.Matches(html, "(?:src|href)\\s*=\\s*\"([^\"]*)\""))
            Assert.DoesNotContain("//", m.Groups[1].Value);
    }

    [Fact]
    public void RunPipeline_TinyGrid_WritesSelfContainedReport()
    {
        var scenario = ScenarioLoader.Load(Write("tiny.json", Tiny));
        var outDir = Path.Combine(dir, "run");
        var files = RunPipeline.Run(scenario, scenario.Parameters, new RunPipeline.Options(outDir, 7, 3, 2, true, "test"));

        Assert.Contains("report.html", files);
        Assert.Contains("report.html", File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        string html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        var doc = ParseXhtml(html);
        Assert.Equal("html", doc.Root!.Name.LocalName);

        // every chart written is inline
        var svgFiles = Directory.GetFiles(Path.Combine(outDir, "charts"), "*.svg");
        Assert.NotEmpty(svgFiles);
        foreach (var f in svgFiles) Assert.Contains($"id=\"chart-{Path.GetFileNameWithoutExtension(f)}\"", html);
        Assert.Equal(svgFiles.Length, Regex.Matches(html, "<svg").Count);
        Assert.Equal(svgFiles.Length, doc.Descendants("figcaption").Count());
        // ids are unique across the inline charts
        var ids = doc.Descendants().Select(e => (string?)e.Attribute("id")).Where(i => i != null).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());

        AssertNoNetworkReferences(html);

        // every parameter key path appears, in the parameter table
        var text = doc.Root.Value;
        foreach (var d in ParameterCatalog.All) Assert.Contains(d.KeyPath, text);

        // text is escaped: the title and the source come back as text, not markup
        Assert.Contains("Tiny <grid> & \"friends\"", doc.Descendants("h1").Single().Value);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Empty(doc.Descendants("b"));
        Assert.Contains("three <leaders> go", text);
        Assert.Contains("people killed in the first 6 months", text);
        Assert.Contains("file (tiny.json)", text);
        Assert.Contains("docs/model.md", text);
    }

    [Fact]
    public void BatchRunner_GoodAndBrokenScenario_IndexMentionsBothAndExitCodeIsOne()
    {
        var good = Write("good.json", Tiny);
        var baseline = Write("base.json", Tiny.Replace("\"Count\": 3", "\"Count\": 1"));
        var broken = Write("broken.json", "{ \"Weeks\": ");
        var outDir = Path.Combine(dir, "batch");
        var result = BatchRunner.Run(new[] { Path.Combine(dir, "*.json") }, baseline,
            new BatchRunner.Options(outDir, 11, 2, 2), ScenarioLoader.Load);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.Entries.Count); // base.json is run once, as the baseline
        string index = File.ReadAllText(result.IndexPath);
        var doc = ParseXhtml(index);
        string text = doc.Root!.Value;
        Assert.Contains("broken", text);
        Assert.Contains("malformed JSON", text);
        Assert.Contains("good", text);
        Assert.Contains("vs baseline on average (95% CI of the mean difference", text);
        Assert.Contains("paired differences, 90% of replicates", text);
        Assert.Contains("Only 2 replicates", text); // intervals from two runs are flagged
        Assert.Contains("good/report.html", index);
        Assert.True(File.Exists(Path.Combine(outDir, "good", "report.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "base", "report.html")));
        Assert.False(Directory.Exists(Path.Combine(outDir, "broken")));
        Assert.Single(doc.Descendants("svg"));
        AssertNoNetworkReferences(index);
    }

    [Fact]
    public void BatchRunner_OnlyBadInputs_ExitCodeIsTwo()
    {
        var baseline = Write("base.json", Tiny);
        var result = BatchRunner.Run(new[] { Path.Combine(dir, "missing.json"), Path.Combine(dir, "nothing-*.json") }, baseline,
            new BatchRunner.Options(Path.Combine(dir, "bad"), 1, 1, 1), ScenarioLoader.Load);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no file matches", File.ReadAllText(result.IndexPath));
    }

    [Fact]
    public void ComparisonCharts_Violence_HasBothPanelsTheBaselineOnceAndTheEvents()
    {
        var rng = new Random(3);
        double[][] Series(double level) => Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, 40).Select(w => level + w + rng.NextDouble() * 10).ToArray()).ToArray();
        var chart = ComparisonCharts.Violence(
            new[] { new ComparisonSeries("more <violence>", Series(50), new[] { (10, "leader killed") }), new ComparisonSeries("less", Series(20)) },
            new ComparisonSeries("baseline", Series(30)), new DateOnly(2026, 2, 1));
        Assert.Equal(2, chart.Panels.Count);
        var legend = chart.Panels[0].GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText).Where(t => t.Length > 0).ToList();
        Assert.Contains("baseline", legend);
        Assert.DoesNotContain(legend, t => t.Contains("(baseline)"));
        Assert.Contains("more <violence>", legend);
        Assert.Contains("event: leader killed", legend);
        Assert.Single(chart.Panels[1].GetPlottables().OfType<ScottPlot.Plottables.VerticalLine>());
        var svg = XDocument.Parse(chart.ToSvg());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains("more <violence>", svg.Root.Value);
        Assert.Contains("Difference from the baseline", svg.Root.Value);
    }

    [Fact]
    public void PairedCumulativeDifferences_PairsByReplicate()
    {
        var s = new[] { new double[] { 1, 2, 3 }, new double[] { 10, 10, 10 } };
        var b = new[] { new double[] { 1, 1, 1 }, new double[] { 5, 5, 5 } };
        Assert.Equal(new double[] { 1, 10 }, ComparisonCharts.PairedCumulativeDifferences(s, b, 2));
    }

    [Theory]
    [InlineData("a<b & \"c\"", "a&lt;b &amp; &quot;c&quot;")]
    [InlineData("it's", "it&apos;s")]
    public void HtmlWriter_Escape_EscapesMarkup(string input, string expected) => Assert.Equal(expected, HtmlWriter.Escape(input));
}
