using System.Globalization;
using DecapSim.Charts;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Runs;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Reports;

/// <summary>
/// report.html: one self-contained page (inline SVG and CSS, no scripts, no network references) that explains a run
/// to someone who has never seen the tool: the scenario, key numbers in words, every chart with a caption, the
/// timeline, the events of the first replicate, how the model works and every parameter with its origin.
/// </summary>
public static class RunReport
{
    /// <summary>Event types of replicate 0 shown in the events table.</summary>
    public static readonly string[] TableEventTypes = { "removal", "contested-succession", "split", "retaliation-wave" };

    /// <summary>Rows of the events table before it is cut.</summary>
    public const int MaxEventRows = 30;

    /// <summary>Writes report.html atomically.</summary>
    public static void Write(string path, LoadedScenario scenario, ModelParameters p, RunPipeline.Options o, RunWriter run,
        IReadOnlyList<RenderedChart> charts, BaselineRun? baseline = null, HistoryReport.View? history = null) =>
        AtomicFile.WriteAllText(path, Build(scenario, p, o.Seed, run.Weekly, run.First, charts, baseline, history));

    /// <summary>Builds the page (no I/O).</summary>
    public static string Build(LoadedScenario scenario, ModelParameters p, ulong seed, IReadOnlyList<WeeklyMetrics[]> weekly,
        ReplicateResult? first, IReadOnlyList<RenderedChart> charts, BaselineRun? baseline = null, HistoryReport.View? history = null)
    {
        string title = string.IsNullOrWhiteSpace(scenario.Title) ? scenario.Name : scenario.Title;
        var h = new HtmlWriter();
        PageChrome.Head(h, "DecapSim: " + title);
        h.Open("body").Line().Open("main").Line();

        // --- header -------------------------------------------------------------------------------------------
        h.Open("header").Element("p", "DecapSim scenario report", ("class", "kicker")).Element("h1", title);
        if (!string.IsNullOrWhiteSpace(scenario.Question)) h.Element("p", scenario.Question, ("class", "question"));
        h.Close("header").Line();
        if (!string.IsNullOrWhiteSpace(scenario.Description)) h.Element("p", scenario.Description, ("class", "lead")).Line();
        int reps = weekly.Count;
        var end = p.StartDate.AddDays(7 * p.Weeks);
        var (version, commit) = ManifestWriter.VersionInfo();
        h.Open("p", ("class", "meta"))
            .Text($"Simulated {p.Weeks:N0} weeks from {Date(p.StartDate)} to {Date(end)}; {reps} replicate{(reps == 1 ? "" : "s")} (independent runs with different random draws) from seed {seed}. ")
            .Text($"Scenario file: {string.Join(" extending ", scenario.Files.Select(Path.GetFileName))}. DecapSim {version}" + (commit == "unknown" ? "." : $" ({Short(commit)})."))
            .Close("p").Line();
        if (scenario.Sources.Count > 0)
        {
            h.Open("section", ("class", "sources")).Element("h2", "Sources the scenario relies on").Open("ul");
            foreach (var s in scenario.Sources) h.Element("li", ReportProse.CiteSources(s));
            h.Close("ul").Close("section").Line();
        }
        ReportProse.AssumptionsBox(h, scenario, p);

        // --- key numbers --------------------------------------------------------------------------------------
        h.Open("section").Element("h2", "Key numbers").Line();
        if (reps == 0) h.Element("p", "No replicate finished, so there is nothing to summarise.");
        else
        {
            if (ReportStats.FewReplicatesWarning(reps) is { } warning) h.Element("p", warning, ("class", "warn"));
            KeyNumbers(h, p, weekly, baseline);
        }
        h.Close("section").Line();

        // --- charts -------------------------------------------------------------------------------------------
        if (charts.Count > 0)
        {
            h.Open("section").Element("h2", "Charts").Line();
            foreach (var c in charts)
            {
                h.Open("figure", ("id", "chart-" + c.Name)).Element("h3", c.Heading).Line();
                if (c.Svg is { } svg) h.Raw(HtmlWriter.InlineSvg(svg, c.Name)).Line();
                h.Element("figcaption", ReportProse.Caption(c.Name, reps, baseline?.Name)).Close("figure").Line();
            }
            h.Close("section").Line();
        }

        // --- against the record (scenarios with References) --------------------------------------------------
        if (history is not null) HistorySection(h, history, reps);

        // --- timeline -----------------------------------------------------------------------------------------
        h.Open("section").Element("h2", "What the scenario does: its timeline").Line();
        var timeline = p.Timeline.OrderBy(e => e.Week).ToArray();
        if (timeline.Length == 0)
            h.Element("p", "No scheduled events: the run shows the world under the scenario's settings, with only the removals, splits and wars the model produces by itself.");
        else
        {
            h.Open("table", ("class", "events")).Open("thead").Open("tr").Element("th", "Date").Element("th", "Week").Element("th", "Event").Close("tr").Close("thead").Open("tbody");
            foreach (var e in timeline)
                h.Open("tr").Element("td", Date(p.StartDate.AddDays(7 * e.Week)), ("class", "nowrap")).Element("td", e.Week.ToString(CultureInfo.InvariantCulture), ("class", "num"))
                    .Element("td", ReportProse.DescribeTimeline(e)).Close("tr").Line();
            h.Close("tbody").Close("table").Line();
        }
        h.Close("section").Line();

        // --- events of the first replicate (0 in the files) --------------------------------------------------
        h.Open("section").Element("h2", $"What happened in one run (replicate 1 of {reps}; replicate 0 in the CSV files)").Line();
        if (first is null) h.Element("p", "The first replicate was not kept.");
        else EventsTable(h, p, first);
        h.Close("section").Line();

        // --- model --------------------------------------------------------------------------------------------
        h.Open("section").Element("h2", "How the model works").Line();
        h.Element("p",
            "DecapSim is an agent-based model: every cartel member is simulated individually, week by week, on a map of " +
            "cells (Mexican municipalities, or a simple grid in test worlds). Each member belongs to a faction with a leader and lieutenants. " +
            "Each week factions earn money from the territory they hold, pay wages and bribes, buy guns from the flow coming south " +
            "from the United States and recruit; members of rival factions that meet in the same or neighbouring cells kill each other, " +
            "with civilians caught in between; the state arrests, imprisons and releases members and, following the scenario, " +
            "captures or kills leaders. When a leader goes, an heir may take over, or lieutenants may fight over the succession and split " +
            "off as new factions, and loyalists may retaliate with road blockades and attacks on state forces. Small factions are absorbed " +
            "or dissolve, corruption follows bribe pressure, and police capacity and US trust change slowly. Because so much is left to " +
            "chance, the model is run many times (replicates) and the report shows the spread of outcomes, not a single forecast.");
        h.Element("p",
            "The full description (in the ODD format used for agent-based models), with every process, its equations, the calibration " +
            "on 2012-2022 national figures and the known limitations, is in the file docs/model.md that ships with DecapSim.");
        FidelityList(h);
        h.Close("section").Line();

        // --- parameters ---------------------------------------------------------------------------------------
        h.Open("section", ("class", "params")).Element("h2", "Every parameter of this run").Line();
        h.Element("p", "Highlighted rows differ from the model's defaults. \"Layer\" says where the value came from: the built-in default, " +
            "the scenario file, an environment variable or a --set option on the command line. \"Source\" is the scenario's note for that value " +
            "when it has one, else the source of the default.");
        ParameterTable(h, scenario, p);
        h.Close("section").Line();

        h.Open("footer").Element("p", $"Generated by DecapSim {version}. The numbers come from weekly.csv, summary.csv and events.csv in the same folder; every value above is also in manifest.json.")
            .Close("footer").Line();
        h.Close("main").Line().Close("body").Line().Close("html").Line();
        return h.ToString();
    }

    /// <summary>The run against the observed series its scenario declares: the fit in and out of the fitted years, in a
    /// table and in words, and the history charts.</summary>
    private static void HistorySection(HtmlWriter h, HistoryReport.View v, int reps)
    {
        h.Open("section", ("id", "history")).Element("h2", "Against the record: the model and the observed series").Line();
        h.Element("p", "The scenario names observed yearly series (below, with their sources). Each is compared with the mean of the " +
            $"{reps} replicate{(reps == 1 ? "" : "s")} year by year: the MAPE is the mean absolute difference in percent of the observed value, " +
            "r the correlation of the two curves. \"Fitted\" years are those the model's free parameters were calibrated on; " +
            "\"held out\" years were not used, so they test the model rather than the fit. Full numbers: history.csv and history_fit.csv.");
        h.Open("table", ("class", "events")).Open("thead").Open("tr").Element("th", "Series").Element("th", "Years")
            .Element("th", "MAPE").Element("th", "r").Element("th", "Source").Close("tr").Close("thead").Open("tbody");
        foreach (var f in v.Fits)
        {
            var r = v.References.First(x => x.Metric == f.Metric);
            string sample = f.Sample switch { "in-sample" => "fitted", "out-of-sample" => "held out", _ => "all" };
            h.Open("tr").Element("td", f.Metric).Element("td", $"{sample} ({f.Score.Rows})")
                .Element("td", f.Score.MapePercent.ToString("F1", CultureInfo.InvariantCulture) + "%", ("class", "num"))
                .Element("td", double.IsFinite(f.Score.Correlation) ? f.Score.Correlation.ToString("F2", CultureInfo.InvariantCulture) : "-", ("class", "num"))
                .Element("td", r.Source).Close("tr").Line();
        }
        h.Close("tbody").Close("table").Line();
        foreach (var r in v.References)
        {
            var rows = v.Rows.Where(x => x.Metric == r.Metric && double.IsFinite(x.Reference) && x.Reference != 0).ToArray();
            if (rows.Length == 0) continue;
            var worst = rows.MaxBy(x => Math.Abs(x.Mean / x.Reference - 1))!;
            var best = rows.MinBy(x => Math.Abs(x.Mean / x.Reference - 1))!;
            h.Element("p", $"{r.Metric}: closest in {best.Year} (model {ReportStats.Int(best.Mean)} against {ReportStats.Int(best.Reference)} observed), " +
                $"furthest in {worst.Year} (model {ReportStats.Int(worst.Mean)} against {ReportStats.Int(worst.Reference)}, " +
                $"{(worst.Mean > worst.Reference ? "+" : "")}{(worst.Mean / worst.Reference - 1) * 100:F0}%).");
        }
        foreach (var c in v.Charts)
        {
            h.Open("figure", ("id", "chart-" + c.Name)).Element("h3", c.Heading).Line();
            if (c.Svg is { } svg) h.Raw(HtmlWriter.InlineSvg(svg, c.Name)).Line();
            h.Element("figcaption", "Blue: the mean of the replicates per calendar year" + (reps > 1 ? ", with the band 90% of replicates fall in" : "") +
                "; points: the observed series. The dashed line marks the end of the fitted years: to its right the model was not fitted.").Close("figure").Line();
        }
        h.Close("section").Line();
    }

    /// <summary>What the model reproduces and what it does not (<see cref="ModelFidelity"/>).</summary>
    private static void FidelityList(HtmlWriter h)
    {
        h.Element("h3", ModelFidelity.Title).Line();
        h.Element("p", "It reproduces:");
        h.Open("ul");
        foreach (var x in ModelFidelity.Reproduces) h.Element("li", x);
        h.Close("ul").Line();
        h.Element("p", "It does not reproduce:");
        h.Open("ul");
        foreach (var x in ModelFidelity.DoesNotReproduce) h.Element("li", x);
        h.Close("ul").Line();
    }

    private static void KeyNumbers(HtmlWriter h, ModelParameters p, IReadOnlyList<WeeklyMetrics[]> weekly, BaselineRun? baseline)
    {
        int reps = weekly.Count;
        int weeks = weekly.Min(r => r.Length);
        bool many = reps > 1;
        string range((double Median, double Lo, double Hi) v) => ReportStats.Spread(v, reps);
        h.Element("p", many
            ? $"Each number is the median of {reps} replicates (independent runs with different random draws: half are above it, half below). The range under it holds 90% of the replicates" +
              (reps < ReportStats.FewReplicates ? $", which with {reps} replicates is close to the smallest-to-largest range" : "") +
              ". It is a spread: it shows how much chance alone moves the result, not how precisely the average is known."
            : "This report is based on a single run, so the numbers below are one possible outcome; run with more replicates (for example --replicates 20) to see how much they vary.",
            ("class", "note"));
        if (baseline is { Weekly.Count: > 0 } b) BaselineNumbers(h, weekly, b, weeks);
        h.Open("div", ("class", "cards"));
        foreach (int m in ReportStats.Months)
        {
            int w = ReportStats.WeeksOf(m);
            if (w > weeks) continue;
            var v = ReportStats.Interval(ReportStats.CumulativeHomicides(weekly, w));
            Card(h, HtmlWriter.Int(v.Median), $"people killed in the first {ReportProse.MonthsText(m)} (to {Date(p.StartDate.AddDays(7 * w))})", range(v));
        }
        if (weeks < ReportStats.WeeksOf(ReportStats.Months[0]))
        {
            var v = ReportStats.Interval(ReportStats.CumulativeHomicides(weekly, weeks));
            Card(h, HtmlWriter.Int(v.Median), $"people killed over the whole run ({weeks} weeks)", range(v));
        }
        var members = ReportStats.Interval(weekly.Select(r => r[weeks - 1].Members).ToArray());
        Card(h, HtmlWriter.Int(members.Median), $"active cartel members at the end ({Date(p.StartDate.AddDays(7 * weeks))})", range(members));
        var factions = ReportStats.Interval(weekly.Select(r => r[weeks - 1].ActiveFactions).ToArray());
        Card(h, HtmlWriter.Int(factions.Median), "active factions at the end", range(factions));
        var splinters = ReportStats.Interval(weekly.Select(r => r.Take(weeks).Sum(x => x.NewSplinters)).ToArray());
        Card(h, HtmlWriter.Int(splinters.Median), "new splinter groups founded during the run", range(splinters));
        var blockades = ReportStats.Interval(weekly.Select(r => r.Take(weeks).Sum(x => x.Blockades)).ToArray());
        Card(h, HtmlWriter.Int(blockades.Median), "road blockades (narcobloqueos) during the run", range(blockades));
        var arms = ReportStats.Interval(weekly.Select(r => r.Take(weeks).Sum(x => x.ArmsInterdicted)).ToArray());
        var acquired = ReportStats.Interval(weekly.Select(r => r.Take(weeks).Sum(x => x.ArmsAcquired)).ToArray());
        Card(h, HtmlWriter.Int(arms.Median), $"guns interdicted on their way south, against {HtmlWriter.Int(acquired.Median)} that reached the cartels", range(arms));
        h.Close("div").Line();

        // the same in sentences, for readers who skip the cards
        var sentences = new List<string>();
        foreach (int m in ReportStats.Months)
        {
            int w = ReportStats.WeeksOf(m);
            if (w > weeks) continue;
            var v = ReportStats.Interval(ReportStats.CumulativeHomicides(weekly, w));
            string span = m == 12 ? "a year" : ReportProse.MonthsText(m);
            sentences.Add(sentences.Count == 0
                ? $"after {span}, {HtmlWriter.Int(v.Median)} people have been killed" + (many ? $" in the median replicate (90% of replicates: {HtmlWriter.Int(v.Lo)} to {HtmlWriter.Int(v.Hi)})" : "")
                : $"after {span}, {HtmlWriter.Int(v.Median)}" + (many ? $" ({HtmlWriter.Int(v.Lo)} to {HtmlWriter.Int(v.Hi)})" : ""));
        }
        var startF = ReportStats.Interval(weekly.Select(r => r[0].ActiveFactions).ToArray());
        string text = sentences.Count > 0 ? "In plain words: " + string.Join("; ", sentences) + ". " : "";
        text += $"The number of active factions goes from about {HtmlWriter.Int(startF.Median)} in the first week to {HtmlWriter.Int(factions.Median)} at the end, " +
                $"with {HtmlWriter.Int(splinters.Median)} splinter groups founded along the way.";
        h.Element("p", text).Line();
    }

    /// <summary>The scenario against its counterfactual, paired by replicate: the mean difference with its 95% CI.</summary>
    private static void BaselineNumbers(HtmlWriter h, IReadOnlyList<WeeklyMetrics[]> weekly, BaselineRun b, int weeks)
    {
        int n = Math.Min(weekly.Count, b.Weekly.Count);
        weeks = Math.Min(weeks, b.Weekly.Min(r => r.Length));
        var s = ReportStats.CumulativeHomicides(weekly.Take(n).ToList(), weeks);
        var bh = ReportStats.CumulativeHomicides(b.Weekly.Take(n).ToList(), weeks);
        var ci = Compare.PairedInterval.T(s.Zip(bh, (x, y) => x - y).ToArray());
        h.Open("div", ("class", "vs-baseline"));
        h.Element("p", $"Against the counterfactual \u201c{b.Name}\u201d, run with the same random seeds: over {ReportStats.SpanText(weeks)} this scenario has " +
            $"{ReportStats.Signed(ci.Mean)} homicides on average per replicate ({ReportStats.MeanDifferenceCi(ci)}, paired t over {n} pairs). " +
            ReportStats.Sentence(ReportStats.ReadCi(ci)) + ".");
        h.Close("div").Line();
    }

    private static void Card(HtmlWriter h, string number, string what, string range) =>
        h.Open("div", ("class", "card")).Element("span", number, ("class", "lede-num")).Element("span", what, ("class", "what"))
            .Element("span", range, ("class", "range")).Close("div");

    private static void EventsTable(HtmlWriter h, ModelParameters p, ReplicateResult first)
    {
        var events = first.Events.Where(e => TableEventTypes.Contains(e.Type)).ToArray();
        if (events.Length == 0)
        {
            h.Element("p", "No leader was removed, no faction split and there was no retaliation wave in this run.");
            return;
        }
        // one row per faction and week: a removal, the contested succession, the splinters and the retaliation it set off
        var peak = first.Factions.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Max(f => f.PeakMembers));
        var groups = events.GroupBy(e => (e.Week, e.Faction))
            .Select(g => (g.Key.Week, g.Key.Faction, Region: g.Select(e => e.Region).FirstOrDefault(r => r.Length > 0) ?? "",
                Kinds: g.Select(e => e.Type).Distinct().ToArray(), Details: g.Select(e => e.Detail).Where(d => d.Length > 0).ToArray(),
                Size: peak.GetValueOrDefault(g.Key.Faction)))
            .ToArray();
        var shown = groups.OrderByDescending(g => g.Size).ThenBy(g => g.Week).Take(MaxEventRows).OrderBy(g => g.Week).ThenBy(g => g.Faction, StringComparer.Ordinal).ToArray();
        var counts = TableEventTypes.Select(t => (t, n: events.Count(e => e.Type == t))).Where(x => x.n > 0)
            .Select(x => $"{x.n:N0} {ReportProse.EventNoun(x.t, x.n)}");
        h.Element("p", $"In this run there were {string.Join(", ", counts)}. Each row is one faction in one week. " +
            (groups.Length > shown.Length
                ? $"The {shown.Length} rows about the largest factions are listed, in date order; every event, with the other kinds of event, is in events.csv."
                : "All of them are listed; the other kinds of event are in events.csv."));
        h.Open("table", ("class", "events")).Open("thead").Open("tr").Element("th", "Date").Element("th", "Faction").Element("th", "Peak members", ("class", "num"))
            .Element("th", "Where").Element("th", "What happened").Close("tr").Close("thead").Open("tbody").Line();
        foreach (var g in shown)
            h.Open("tr").Element("td", Date(p.StartDate.AddDays(7 * g.Week)), ("class", "nowrap")).Element("td", g.Faction)
                .Element("td", HtmlWriter.Int(g.Size), ("class", "num")).Element("td", g.Region)
                .Element("td", string.Join("; ", g.Details)).Close("tr").Line();
        h.Close("tbody").Close("table").Line();
        if (groups.Length > shown.Length) h.Element("p", $"... and {groups.Length - shown.Length:N0} more rows about smaller factions.", ("class", "note"));
    }

    private static void ParameterTable(HtmlWriter h, LoadedScenario scenario, ModelParameters p)
    {
        h.Open("table").Open("thead").Open("tr").Element("th", "Parameter").Element("th", "Value", ("class", "num")).Element("th", "Unit")
            .Element("th", "Layer").Element("th", "Source").Close("tr").Close("thead").Open("tbody").Line();
        string section = "\0";
        foreach (var d in ParameterCatalog.All)
        {
            if (d.Section != section)
            {
                section = d.Section;
                h.Open("tr", ("class", "section")).Element("td", section.Length == 0 ? "Run" : section, ("colspan", "5")).Close("tr").Line();
            }
            string value = ValueText.Format(ParameterCatalog.GetValue(d, p));
            var origin = scenario.Provenance.TryGetValue(d.KeyPath, out var o) ? o : null;
            bool changed = value != d.DefaultText;
            h.Open("tr", ("class", changed ? "changed" : null))
                .Open("td", ("class", "key")).Text(d.KeyPath).Element("span", d.Summary, ("class", "sum")).Close("td")
                .Element("td", value, ("class", "num"))
                .Element("td", d.Unit)
                .Element("td", ReportProse.LayerText(origin?.Layer), ("class", "nowrap"))
                .Element("td", ReportProse.CiteSources(origin?.Note is { Length: > 0 } note ? note : d.Source), ("class", "src"))
                .Close("tr").Line();
        }
        var others = scenario.Provenance.Values.Where(o => ParameterCatalog.Find(o.KeyPath) is null).ToArray();
        if (others.Length > 0)
        {
            h.Open("tr", ("class", "section")).Element("td", "Other inputs", ("colspan", "5")).Close("tr").Line();
            foreach (var o in others)
                h.Open("tr").Element("td", o.KeyPath, ("class", "key")).Element("td", o.Value, ("class", "num")).Element("td", "")
                    .Element("td", ReportProse.LayerText(o.Layer), ("class", "nowrap")).Element("td", o.Note ?? "", ("class", "src")).Close("tr").Line();
        }
        h.Close("tbody").Close("table").Line();
    }

    private static string Date(DateOnly d) => ReportProse.Date(d);
    private static string Short(string commit) => commit.Length > 10 ? commit[..10] : commit;
}
