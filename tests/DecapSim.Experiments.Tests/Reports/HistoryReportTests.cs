using DecapSim.Experiments.Reports;
using DecapSim.Experiments.Research;
using DecapSim.Experiments.Runs;
using DecapSim.Scenarios;
using DecapSim.Experiments.Tests.Research;

namespace DecapSim.Experiments.Tests.Reports;

public class HistoryReportTests
{
    private const string Scenario = """
        { "Name": "tiny history", "Seed": 3, "StartDate": "2025-12-28", "Weeks": 110,
          "World": { "Kind": "grid", "Width": 4, "Height": 4 }, "Factions": { "Count": 6, "InitialMembers": 1500 },
          "References": [ { "Metric": "homicides", "File": "obs.csv", "Fit": [2026, 2026], "Source": "made up" },
                          { "Metric": "members", "File": "obs.csv" } ] }
        """;

    [Fact]
    public void Compute_YearlySumsAndStocks_InAndOutOfSample_MatchAHandCount()
    {
        using var t = new ResearchDir();
        t.Write("obs.csv", "year,value\n2026,100\n2027,120\n");
        var s = ScenarioLoader.Load(t.Write("h.json", Scenario));
        var p = s.Parameters;
        var weekly = new[] { ModelRun.Execute(p, 11, 0, RunRecording.WeeklyOnly).Weekly, ModelRun.Execute(p, 12, 0, RunRecording.WeeklyOnly).Weekly };
        var (rows, fits) = HistoryReport.Compute(s.References, weekly, p.StartDate, p.Weeks);
        var hom = rows.Where(r => r.Metric == "homicides").ToArray();
        Assert.Equal(new[] { 2026, 2027 }, hom.Select(r => r.Year)); // 2025 and 2028 are not complete
        // 2026 by hand: the week starting 2025-12-28 has 4 of its 7 days in 2026
        double Hand(int rep) => weekly[rep].Select((m, w) => (m, d: p.StartDate.AddDays(7 * w)))
            .Sum(x => x.m.Homicides * Enumerable.Range(0, 7).Count(k => x.d.AddDays(k).Year == 2026) / 7.0);
        Assert.Equal((Hand(0) + Hand(1)) / 2, hom[0].Mean, 6);
        Assert.Equal(("in-sample", "out-of-sample"), (hom[0].Sample, hom[1].Sample));
        Assert.Equal(100, hom[0].Reference);
        Assert.True(hom[0].P05 <= hom[0].P50 && hom[0].P50 <= hom[0].P95);
        var mem = rows.Where(r => r.Metric == "members").ToArray();
        int last2026 = Enumerable.Range(0, p.Weeks).Last(w => p.StartDate.AddDays(7 * w).Year == 2026);
        Assert.Equal((weekly[0][last2026].Members + weekly[1][last2026].Members) / 2.0, mem[0].Mean, 6);
        var fin = fits.Single(f => f.Metric == "homicides" && f.Sample == "in-sample");
        Assert.Equal(1, fin.Score.Rows);
        Assert.Equal(100 * Math.Abs(hom[0].Mean - 100) / 100, fin.Score.MapePercent, 6);
        Assert.Contains(fits, f => f.Metric == "members" && f.Sample == "in-sample" && f.Score.Rows == 2); // no Fit: every year fitted
    }

    [Fact]
    public void Write_WritesTablesAndCharts_OnlyWhenReferencesExist()
    {
        using var t = new ResearchDir();
        t.Write("obs.csv", "year,value\n2026,100\n2027,120\n");
        var s = ScenarioLoader.Load(t.Write("h.json", Scenario));
        var weekly = new[] { ModelRun.Execute(s.Parameters, 11, 0, RunRecording.WeeklyOnly).Weekly };
        var files = HistoryReport.Write(t.Path, s, s.Parameters.StartDate, s.Parameters.Weeks, weekly, charts: true);
        Assert.Equal(new[] { "history.csv", "history_fit.csv", "charts/history_homicides.svg", "charts/history_homicides.png", "charts/history_members.svg", "charts/history_members.png" }, files);
        var csv = File.ReadAllLines(Path.Combine(t.Path, "history.csv"));
        Assert.Equal("metric,year,sample,reference,mean,p05,median,p95", csv[0]);
        Assert.StartsWith("homicides,2026,in-sample,100,", csv[1]);
        Assert.Contains("end of the fitted period", File.ReadAllText(Path.Combine(t.Path, "charts/history_homicides.svg")));
        var none = ScenarioLoader.Load(t.Write("n.json", """{ "StartDate": "2025-12-28", "Weeks": 60, "World": { "Kind": "grid", "Width": 4, "Height": 4 }, "Factions": { "Count": 6, "InitialMembers": 1500 } }"""));
        Assert.Empty(HistoryReport.Write(t.Sub("none"), none, none.Parameters.StartDate, 60, weekly, charts: true));
    }

    [Fact]
    public void RunReport_WithReferences_HasTheRecordSection_FitTableWordsAndCharts()
    {
        using var t = new ResearchDir();
        t.Write("obs.csv", "year,value\n2026,100\n2027,120\n");
        var s = ScenarioLoader.Load(t.Write("h.json", Scenario));
        var weekly = new[] { ModelRun.Execute(s.Parameters, 11, 0, RunRecording.WeeklyOnly).Weekly, ModelRun.Execute(s.Parameters, 12, 0, RunRecording.WeeklyOnly).Weekly };
        HistoryReport.Write(t.Path, s, s.Parameters.StartDate, s.Parameters.Weeks, weekly, charts: true, out var view);
        Assert.NotNull(view);
        var html = RunReport.Build(s, s.Parameters, 3, weekly, null, Array.Empty<DecapSim.Charts.RenderedChart>(), null, view);
        int at = html.IndexOf("id=\"history\"", StringComparison.Ordinal);
        Assert.True(at > 0, "no history section");
        var section = html[at..html.IndexOf("</section>", at, StringComparison.Ordinal)];
        Assert.Contains("held out (1)", section);   // homicides: 2027 is outside the fitted years
        Assert.Contains("fitted (1)", section);
        Assert.Contains("made up", section);        // the reference's source
        Assert.Contains("<svg", section);           // the history charts inline
        Assert.Matches(@"homicides: closest in 202[67] \(model [0-9,]+ against 1[02]0 observed\)", section);
        // without references: no section
        var plain = RunReport.Build(s, s.Parameters, 3, weekly, null, Array.Empty<DecapSim.Charts.RenderedChart>());
        Assert.DoesNotContain("id=\"history\"", plain);
    }
}
