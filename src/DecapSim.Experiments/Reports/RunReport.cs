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
/// timeline, the events of replicate 0, how the model works and every parameter with its origin.
/// </summary>
public static class RunReport
{
    /// <summary>Months after the start at which cumulative homicides are reported.</summary>
    public static readonly int[] Months = { 6, 12, 24, 60 };

    /// <summary>Event types of replicate 0 shown in the events table.</summary>
    public static readonly string[] TableEventTypes = { "removal", "contested-succession", "split", "retaliation-wave" };

    /// <summary>Rows of the events table before it is cut.</summary>
    public const int MaxEventRows = 30;

    /// <summary>Week index reached <paramref name="months"/> months after the start (26 weeks per 6 months).</summary>
    public static int WeeksOf(int months) => (int)Math.Round(months * 52.0 / 12.0);

    /// <summary>Per replicate, homicides summed over weeks [0, <paramref name="weeks"/>).</summary>
    public static double[] CumulativeHomicides(IReadOnlyList<WeeklyMetrics[]> replicates, int weeks) =>
        replicates.Select(r => { double s = 0; for (int w = 0; w < Math.Min(weeks, r.Length); w++) s += r[w].Homicides; return s; }).ToArray();

    /// <summary>Median and 5%-95% quantiles of values.</summary>
    public static (double Median, double Lo, double Hi) Interval(double[] values)
    {
        var q = SummaryWriter.Stats(values).Quantiles;
        return (q[2], q[0], q[4]);
    }

    /// <summary>Writes report.html atomically.</summary>
    public static void Write(string path, LoadedScenario scenario, ModelParameters p, RunPipeline.Options o, RunWriter run,
        IReadOnlyList<RenderedChart> charts, BaselineRun? baseline = null) =>
        AtomicFile.WriteAllText(path, Build(scenario, p, o.Seed, run.Weekly, run.First, charts));

    /// <summary>Builds the page (no I/O).</summary>
    public static string Build(LoadedScenario scenario, ModelParameters p, ulong seed, IReadOnlyList<WeeklyMetrics[]> weekly,
        ReplicateResult? first, IReadOnlyList<RenderedChart> charts)
    {
        string title = string.IsNullOrWhiteSpace(scenario.Title) ? scenario.Name : scenario.Title;
        var h = new HtmlWriter();
        Head(h, "DecapSim: " + title);
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
            foreach (var s in scenario.Sources) h.Element("li", s);
            h.Close("ul").Close("section").Line();
        }

        // --- key numbers --------------------------------------------------------------------------------------
        h.Open("section").Element("h2", "Key numbers").Line();
        if (reps == 0) h.Element("p", "No replicate finished, so there is nothing to summarise.");
        else KeyNumbers(h, p, weekly);
        h.Close("section").Line();

        // --- charts -------------------------------------------------------------------------------------------
        if (charts.Count > 0)
        {
            h.Open("section").Element("h2", "Charts").Line();
            foreach (var c in charts)
            {
                h.Open("figure", ("id", "chart-" + c.Name)).Element("h3", c.Heading).Line();
                if (c.Svg is { } svg) h.Raw(HtmlWriter.InlineSvg(svg, c.Name)).Line();
                h.Element("figcaption", Caption(c.Name, reps)).Close("figure").Line();
            }
            h.Close("section").Line();
        }

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
                    .Element("td", DescribeTimeline(e)).Close("tr").Line();
            h.Close("tbody").Close("table").Line();
        }
        h.Close("section").Line();

        // --- events of replicate 0 ----------------------------------------------------------------------------
        h.Open("section").Element("h2", "What happened in one run (replicate 0)").Line();
        if (first is null) h.Element("p", "Replicate 0 was not kept.");
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

    /// <summary>Writes the document head with the page's CSS (and opens &lt;html&gt;).</summary>
    public static void Head(HtmlWriter h, string title)
    {
        h.Raw("<!DOCTYPE html>\n").Open("html", ("lang", "en")).Line().Open("head").Line()
            .Raw("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Element("title", title).Line()
            .Open("style").Raw(Css).Close("style").Line()
            .Close("head").Line();
    }

    /// <summary>The page style: readable measure, system fonts, print rules.</summary>
    public const string Css = """

        :root { --ink: #1d2329; --muted: #5b6670; --rule: #d9dee3; --accent: #0b5e8e; --soft: #f4f6f8; --hi: #fff6dc; }
        * { box-sizing: border-box; }
        html { font-size: 17px; }
        body { margin: 0; color: var(--ink); background: #ffffff;
               font-family: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "DejaVu Serif", serif; line-height: 1.55; }
        main { max-width: 62rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
        h1, h2, h3, .kicker, th, .meta, figcaption, table, .lede-num, footer { font-family: "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; }
        h1 { font-size: 2.1rem; line-height: 1.2; margin: 0.2rem 0 0.6rem; }
        h2 { font-size: 1.35rem; margin: 2.6rem 0 0.8rem; padding-top: 0.6rem; border-top: 2px solid var(--ink); }
        h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.78rem; color: var(--accent); margin: 0; font-weight: bold; }
        .question { font-size: 1.25rem; font-style: italic; margin: 0 0 1rem; color: #2c3e50; }
        .lead { font-size: 1.05rem; max-width: 46rem; }
        .meta { font-size: 0.82rem; color: var(--muted); max-width: 46rem; }
        p, li { max-width: 46rem; }
        .sources h2 { font-size: 1rem; border-top: 1px solid var(--rule); margin-top: 1.4rem; }
        .sources ul { font-size: 0.9rem; color: #333c44; padding-left: 1.2rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(13.5rem, 1fr)); gap: 0.8rem; margin: 1rem 0 1.2rem; }
        .card { background: var(--soft); border-left: 4px solid var(--accent); padding: 0.6rem 0.8rem; }
        .card .lede-num { display: block; font-size: 1.6rem; font-weight: bold; line-height: 1.2; }
        .card .what { display: block; font-size: 0.85rem; color: var(--muted); font-family: "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; }
        .card .range { display: block; font-size: 0.8rem; color: #333c44; font-family: "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; }
        figure { margin: 1.6rem 0 2.2rem; }
        figure svg { display: block; width: 100%; height: auto; max-width: 56rem; border: 1px solid var(--rule); }
        figcaption { font-size: 0.88rem; color: #333c44; margin-top: 0.5rem; max-width: 50rem; line-height: 1.5; }
        table { border-collapse: collapse; font-size: 0.84rem; width: 100%; margin: 0.6rem 0 1rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); }
        th { background: var(--soft); font-weight: bold; border-bottom: 2px solid #b8c0c8; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.nowrap { white-space: nowrap; }
        tr.section td { background: #e9eef2; font-weight: bold; padding-top: 0.5rem; }
        tr.changed td { background: var(--hi); }
        .params td.key { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.78rem; white-space: nowrap; }
        tr.failed td { background: #fdecea; }
        code.error { white-space: pre-wrap; font-size: 0.78rem; color: #8a1c12; }
        a { color: var(--accent); }
        .batch td { font-size: 0.9rem; }
        .batch td .sum { display: block; color: var(--muted); font-size: 0.76rem; }
        .params td .sum { display: block; font-family: "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; color: var(--muted); white-space: normal; font-size: 0.76rem; }
        .params td.src { font-size: 0.76rem; color: #333c44; }
        .note { font-size: 0.85rem; color: var(--muted); }
        footer { margin-top: 3rem; font-size: 0.8rem; color: var(--muted); border-top: 1px solid var(--rule); }
        @media print {
          html { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          figure, .card, tr { break-inside: avoid; }
          figure svg { max-width: 100%; border: none; }
          .cards { grid-template-columns: repeat(3, 1fr); }
          tr.changed td, tr.section td, th, .card { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        @page { margin: 16mm 14mm; }

        """;

    private static void KeyNumbers(HtmlWriter h, ModelParameters p, IReadOnlyList<WeeklyMetrics[]> weekly)
    {
        int reps = weekly.Count;
        int weeks = weekly.Min(r => r.Length);
        bool many = reps > 1;
        string range((double Median, double Lo, double Hi) v) =>
            !many ? "a single run: no interval"
            : HtmlWriter.Int(v.Lo) == HtmlWriter.Int(v.Hi) ? "the same in every run"
            : $"90% of runs: {HtmlWriter.Int(v.Lo)} to {HtmlWriter.Int(v.Hi)}";
        h.Element("p", many
            ? $"Each number is the median of {reps} runs (half of the runs are above it, half below); the range below it holds the middle 90% of runs, so it shows how much chance alone moves the result."
            : "This report is based on a single run, so the numbers below are one possible outcome; run with more replicates (for example --replicates 20) to see how much they vary.",
            ("class", "note"));
        h.Open("div", ("class", "cards"));
        foreach (int m in Months)
        {
            int w = WeeksOf(m);
            if (w > weeks) continue;
            var v = Interval(CumulativeHomicides(weekly, w));
            Card(h, HtmlWriter.Int(v.Median), $"people killed in the first {MonthsText(m)} (to {Date(p.StartDate.AddDays(7 * w))})", range(v));
        }
        if (weeks < WeeksOf(Months[0]))
        {
            var v = Interval(CumulativeHomicides(weekly, weeks));
            Card(h, HtmlWriter.Int(v.Median), $"people killed over the whole run ({weeks} weeks)", range(v));
        }
        var members = Interval(weekly.Select(r => r[weeks - 1].Members).ToArray());
        Card(h, HtmlWriter.Int(members.Median), $"active cartel members at the end ({Date(p.StartDate.AddDays(7 * weeks))})", range(members));
        var factions = Interval(weekly.Select(r => r[weeks - 1].ActiveFactions).ToArray());
        Card(h, HtmlWriter.Int(factions.Median), "active factions at the end", range(factions));
        var splinters = Interval(weekly.Select(r => r.Take(weeks).Sum(x => x.NewSplinters)).ToArray());
        Card(h, HtmlWriter.Int(splinters.Median), "new splinter groups founded during the run", range(splinters));
        var blockades = Interval(weekly.Select(r => r.Take(weeks).Sum(x => x.Blockades)).ToArray());
        Card(h, HtmlWriter.Int(blockades.Median), "road blockades (narcobloqueos) during the run", range(blockades));
        var arms = Interval(weekly.Select(r => r.Take(weeks).Sum(x => x.ArmsInterdicted)).ToArray());
        var acquired = Interval(weekly.Select(r => r.Take(weeks).Sum(x => x.ArmsAcquired)).ToArray());
        Card(h, HtmlWriter.Int(arms.Median), $"guns interdicted on their way south, against {HtmlWriter.Int(acquired.Median)} that reached the cartels", range(arms));
        h.Close("div").Line();

        // the same in sentences, for readers who skip the cards
        var sentences = new List<string>();
        foreach (int m in Months)
        {
            int w = WeeksOf(m);
            if (w > weeks) continue;
            var v = Interval(CumulativeHomicides(weekly, w));
            string span = m == 12 ? "a year" : MonthsText(m);
            sentences.Add(sentences.Count == 0
                ? $"after {span}, {HtmlWriter.Int(v.Median)} people have been killed" + (many ? $" in the median run (90% of runs: {HtmlWriter.Int(v.Lo)} to {HtmlWriter.Int(v.Hi)})" : "")
                : $"after {span}, {HtmlWriter.Int(v.Median)}" + (many ? $" ({HtmlWriter.Int(v.Lo)} to {HtmlWriter.Int(v.Hi)})" : ""));
        }
        var startF = Interval(weekly.Select(r => r[0].ActiveFactions).ToArray());
        string text = sentences.Count > 0 ? "In plain words: " + string.Join("; ", sentences) + ". " : "";
        text += $"The number of active factions goes from about {HtmlWriter.Int(startF.Median)} in the first week to {HtmlWriter.Int(factions.Median)} at the end, " +
                $"with {HtmlWriter.Int(splinters.Median)} splinter groups founded along the way.";
        h.Element("p", text).Line();
    }

    private static void Card(HtmlWriter h, string number, string what, string range) =>
        h.Open("div", ("class", "card")).Element("span", number, ("class", "lede-num")).Element("span", what, ("class", "what"))
            .Element("span", range, ("class", "range")).Close("div");

    private static string MonthsText(int m) => m % 12 == 0 ? (m == 12 ? "year" : $"{m / 12} years") : $"{m} months";

    /// <summary>The one-paragraph caption telling a newcomer how to read a chart.</summary>
    public static string Caption(string chart, int replicates) => chart switch
    {
        "violence" => (replicates > 1
            ? $"How to read it: each week's homicides, smoothed over four weeks. The blue line is the middle run (the median of {replicates} replicates); the darker blue band holds the middle half of the runs and the lighter band 90% of them, so a wide band means chance matters a lot. "
            : "How to read it: each week's homicides, smoothed over four weeks, in a single run. ") +
            "The orange line counts only cartel members killed by rivals; the gap between the two lines is everyone else (civilians, state forces, people killed in raids). Dashed vertical lines mark the scenario's own events.",
        "fragmentation" => "How to read it: \"active factions\" counts every group that still has members. The \"effective number\" weighs groups by the territory they control, so it stays low while one or two groups hold most of the map, however many small groups exist. \"Rival pairs in contact\" counts pairs of hostile groups present in the same or neighbouring cells: the fuel of turf wars. Lines going up mean the criminal landscape is splintering. Medians across replicates.",
        "members-by-faction" => "How to read it: one run (replicate 0). Each coloured layer is one of the largest factions and its thickness is its number of active members; the grey top layer (\"others\") is all the other groups together, and the top edge is the total. A layer that thins out is losing members to arrests, deaths or defections; a new layer appearing is a splinter that took members with it.",
        "lineage" => "How to read it: one run (replicate 0). Each bar is a faction that split or was split from, drawn from the week it was founded to the week it ended (or the end of the run); thicker bars reached more members at their peak. A child is drawn below the faction it split from, so a deep, bushy tree means repeated splintering.",
        "state-and-arms" => "How to read it: on the left, the mean corruption of local police, police capacity and the trust of the United States side, each on a scale from 0 to 1 (medians across replicates). On the right, the guns that reach the cartels each week and those interdicted on the way south (four-week means). When interdiction is a thin line near zero, border controls barely touch the flow.",
        "map-homicides" => "How to read it: each square is a Mexican state, placed roughly where it lies on the map (a tile map, so small states are as visible as big ones). Darker squares had more homicides per 100,000 inhabitants per year (mean across replicates). The panels compare periods, before and after the scenario's first removal when it has one, otherwise the first and the last year.",
        _ => "",
    };

    private static string DescribeTimeline(Core.Timeline.TimelineEvent e)
    {
        string kind = e switch
        {
            Core.Timeline.RemoveLeaderEvent r => $"{r.Mode switch { Core.Timeline.RemovalMode.Kill => "kill", Core.Timeline.RemovalMode.Capture => "capture", _ => "do not remove" }} the {r.Rank.ToLowerInvariant()} of {r.Faction}" + (r.HeirUnavailable ? " (heir unavailable: contested succession)" : ""),
            Core.Timeline.KingpinListEvent k => $"kingpin list: remove the leaders of the {k.Count} largest factions over {k.OverWeeks} weeks ({k.KillShare:P0} killed, the rest captured)",
            _ => Humanize(e.GetType().Name.Replace("Event", "")),
        };
        string detail = e.ToString();
        int brace = detail.IndexOf('{');
        detail = brace >= 0 ? detail[(brace + 1)..].TrimEnd('}', ' ').Trim() : "";
        if (string.IsNullOrEmpty(e.Label)) return e is Core.Timeline.RemoveLeaderEvent or Core.Timeline.KingpinListEvent ? kind : $"{kind}: {detail}";
        return e is Core.Timeline.RemoveLeaderEvent or Core.Timeline.KingpinListEvent ? $"{e.Label} ({kind})" : $"{e.Label} ({kind}; {detail})";
    }

    private static string Humanize(string pascal) => EnumText.Kebab(pascal).Replace('-', ' ');

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
            .Select(x => $"{x.n:N0} {EventNoun(x.t, x.n)}");
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

    private static string EventNoun(string type, int n) => type switch
    {
        "removal" => n == 1 ? "leader removal" : "leader removals",
        "contested-succession" => n == 1 ? "contested succession" : "contested successions",
        "split" => n == 1 ? "split" : "splits",
        "retaliation-wave" => n == 1 ? "retaliation wave" : "retaliation waves",
        _ => type,
    };

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
                .Element("td", LayerText(origin?.Layer), ("class", "nowrap"))
                .Element("td", origin?.Note is { Length: > 0 } note ? note : d.Source, ("class", "src"))
                .Close("tr").Line();
        }
        var others = scenario.Provenance.Values.Where(o => ParameterCatalog.Find(o.KeyPath) is null).ToArray();
        if (others.Length > 0)
        {
            h.Open("tr", ("class", "section")).Element("td", "Other inputs", ("colspan", "5")).Close("tr").Line();
            foreach (var o in others)
                h.Open("tr").Element("td", o.KeyPath, ("class", "key")).Element("td", o.Value, ("class", "num")).Element("td", "")
                    .Element("td", LayerText(o.Layer), ("class", "nowrap")).Element("td", o.Note ?? "", ("class", "src")).Close("tr").Line();
        }
        h.Close("tbody").Close("table").Line();
    }

    /// <summary>"default", "file (name.json)", "env (DECAPSIM__X__Y)" or "--set".</summary>
    public static string LayerText(string? layer)
    {
        if (string.IsNullOrEmpty(layer) || layer == ScenarioLoader.DefaultLayer) return "default";
        if (layer.StartsWith("env", StringComparison.Ordinal)) return "env (" + layer[3..].Trim() + ")";
        if (layer.StartsWith("--set", StringComparison.Ordinal)) return "--set";
        return "file (" + Path.GetFileName(layer) + ")";
    }

    private static string Date(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    private static string Short(string commit) => commit.Length > 10 ? commit[..10] : commit;
}
