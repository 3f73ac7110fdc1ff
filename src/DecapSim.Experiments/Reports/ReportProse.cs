using System.Globalization;
using DecapSim.Core.Parameters;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Reports;

/// <summary>The words of the reports: chart captions, the timeline in plain language, event nouns, layers, dates,
/// the sources by title, and the "what this scenario assumes and what it leaves out" box.</summary>
public static class ReportProse
{
    /// <summary>The one-paragraph caption telling a newcomer how to read a chart; <paramref name="baseline"/> names
    /// the counterfactual drawn on the violence chart, when there is one.</summary>
    public static string Caption(string chart, int replicates, string? baseline = null)
    {
        string rep = replicates > 1 ? $"replicate 1 of {replicates}" : "the only replicate";
        string spread = replicates >= ReportStats.FewReplicates
            ? "the lighter band 90% of them"
            : $"the lighter band 90% of them (with {replicates} replicates that is close to the smallest-to-largest range)";
        return chart switch
        {
            "violence" => (replicates > 1
                ? $"How to read it: each week's homicides, smoothed over four weeks. The solid blue line is the median of {replicates} replicates (independent runs with different random draws); the darker blue band holds the middle half of the replicates and {spread}. The bands show what chance alone does to this scenario: they are a spread of replicates, not a confidence interval. "
                : "How to read it: each week's homicides, smoothed over four weeks, in a single run (one possible outcome: run more replicates to see the spread). ") +
                (baseline is not null
                    ? $"The dashed grey line and grey bands are the counterfactual, \"{baseline}\", run with the same random seeds: the gap between blue and grey is what this scenario changes. "
                    : "") +
                "The orange line counts only cartel members killed by rivals; the gap between it and the blue line is everyone else (civilians, state forces, people killed in raids). The dashed vertical lines, labelled at the bottom, mark the scenario's own events. The y axis starts at zero.",
            "fragmentation" => "How to read it: three panels with their own scales, so that none squashes another. Top: active factions, every group that still has members. Middle: the effective number of factions, which weighs groups by the territory they hold; it stays low while a few groups hold most of the map, however many small groups exist. Bottom: rival pairs in contact, pairs of hostile groups in the same or neighbouring cells, the fuel of turf wars. Lines are medians across replicates with the middle 50% and 90% of replicates shaded; dashed lines mark the scenario's events.",
            "members-by-faction" => $"How to read it: one run ({rep}). Each coloured layer is one of the largest factions and its thickness is its number of active members. The black line is all active members; the white gap between the top layer and that line is all the other, smaller factions together. A layer that thins out is losing members to arrests, deaths or defections; a layer that appears is a splinter that took members with it.",
            "lineage" => $"How to read it: one run ({rep}). Each row is a splinter group or a faction that a splinter broke away from, named in the left margin (splinters are indented under their parent, and a connector marks the week of the split). The bar runs from the week the faction was founded to the week it ended, or to the end of the run; its thickness and the number at its end give its peak membership. The largest 30 such factions are shown; all of them are in factions.csv.",
            "state-and-arms" => "How to read it: six panels, each with its own unit. Top: the mean corruption of local police, police capacity and the trust of the US side, each on a scale from 0 to 1. Bottom: the guns that reach the cartels each week, those interdicted on the way south, and the share of the flow interdicted (four-week means). Lines are medians across replicates with 50% and 90% of replicates shaded. A panel marked \"constant in this scenario\" is a value nothing in this scenario moves: that is a result too, not a missing line.",
            "map-homicides" => "How to read it: each square is a Mexican state, placed roughly where it lies (a tile map, so small states are as visible as big ones). The colour is the homicide rate per 100,000 inhabitants per year, averaged over replicates, on one scale from zero for all panels. Each panel is a period with its real dates: before and after the scenario's first removal when it has one (when the removal comes soon after the start, the \"before\" panel covers only those weeks), otherwise the first and the last year.",
            _ => "",
        };
    }


    public static string DescribeTimeline(Core.Timeline.TimelineEvent e)
    {
        string kind = e switch
        {
            Core.Timeline.RemoveLeaderEvent r => $"{r.Mode switch { Core.Timeline.RemovalMode.Kill => "kill", Core.Timeline.RemovalMode.Capture => "capture", _ => "do not remove" }} the {r.Rank.ToLowerInvariant()} of {r.Faction}" + (r.HeirUnavailable ? " (heir unavailable: contested succession)" : ""),
            Core.Timeline.KingpinListEvent k => $"kingpin list: remove the leaders of the {k.Count} largest factions over {k.OverWeeks} weeks ({k.KillShare:P0} killed, the rest captured)",
            Core.Timeline.RuptureEvent u => $"alliance broken: {u.Faction} and {u.Other} at war" + (u.Rivalry is { } w ? $" (war weight {w:0.##})" : " (a succession war's weight)"),
            Core.Timeline.EscapeEvent x => $"the jailed ex-leader of {x.Faction} escapes and takes the leadership back",
            Core.Timeline.ExtraditionEvent x => $"the jailed ex-leader of {x.Faction} is extradited (his faction's succession is contested again)",
            _ => Humanize(e.GetType().Name.Replace("Event", "")),
        };
        string detail = e.ToString();
        int brace = detail.IndexOf('{');
        detail = brace >= 0 ? detail[(brace + 1)..].TrimEnd('}', ' ').Trim() : "";
        bool plain = e is Core.Timeline.RemoveLeaderEvent or Core.Timeline.KingpinListEvent or Core.Timeline.EscapeEvent or Core.Timeline.ExtraditionEvent or Core.Timeline.RuptureEvent;
        if (string.IsNullOrEmpty(e.Label)) return plain ? kind : $"{kind}: {detail}";
        return plain ? $"{e.Label} ({kind})" : $"{e.Label} ({kind}; {detail})";
    }

    internal static string Humanize(string pascal) => EnumText.Kebab(pascal).Replace('-', ' ');

    public static string EventNoun(string type, int n) => type switch
    {
        "removal" => n == 1 ? "leader removal" : "leader removals",
        "contested-succession" => n == 1 ? "contested succession" : "contested successions",
        "split" => n == 1 ? "split" : "splits",
        "retaliation-wave" => n == 1 ? "retaliation wave" : "retaliation waves",
        _ => type,
    };

    /// <summary>"default", "file (name.json)", "env (DECAPSIM__X__Y)" or "--set".</summary>
    public static string LayerText(string? layer)
    {
        if (string.IsNullOrEmpty(layer) || layer == ScenarioLoader.DefaultLayer) return "default";
        if (layer.StartsWith("env", StringComparison.Ordinal)) return "env (" + layer[3..].Trim() + ")";
        if (layer.StartsWith("--set", StringComparison.Ordinal)) return "--set";
        return "file (" + Path.GetFileName(layer) + ")";
    }

    public static string MonthsText(int m) => m % 12 == 0 ? (m == 12 ? "year" : $"{m / 12} years") : $"{m} months";

    /// <summary>"22 February 2026".</summary>
    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Descriptive titles of the articles the bundled scenarios cite as "seeds/NNN" (the articles came
    /// without titles; these say what each one is).</summary>
    public static readonly IReadOnlyDictionary<string, string> SourceTitles = new Dictionary<string, string>
    {
        ["000"] = "news commentary on the killing of El Mencho and the violence that followed (February 2026)",
        ["001"] = "opinion piece: Mexico cannot take on the cartels without serious US help (March 2026)",
        ["002"] = "analysis of the El Mencho operation, CJNG's retaliation and Mexico's security policy (28 February 2026)",
        ["003"] = "commentary on what El Mencho's death means for Texas: US demand, dollars and the southbound gun flow (February 2026)",
        ["004"] = "report on the US intelligence behind the Tapalpa raid and the blockades that followed (February 2026)",
    };

    private static readonly System.Text.RegularExpressions.Regex SeedRef =
        new(@"seeds/(\d{3})((?:\s*,\s*\d{3})*)", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Replaces "seeds/002" (and "seeds/000, 001") by the articles' titles, in quotation marks.</summary>
    public static string CiteSources(string text) => string.IsNullOrEmpty(text) ? text ?? "" : SeedRef.Replace(text, m =>
    {
        var ids = new[] { m.Groups[1].Value }.Concat(m.Groups[2].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return string.Join("; ", ids.Select(id => SourceTitles.TryGetValue(id, out var t) ? $"\u201c{t}\u201d" : $"article {id}"));
    });

    /// <summary>What every DecapSim scenario leaves out (docs/model.md, "Known limitations"), in plain words.</summary>
    public static readonly string[] LeftOut =
    {
        "The map is stylized: each state is split into a small lattice of \"municipalities\" with invented shapes and populations, so read results below the state level as patterns, not predictions for named places.",
        "Civilian victims are a fixed multiple of cartel deaths (3.8), not a mechanism of their own; missing persons are not modelled.",
        "Drugs appear only as route revenue: no prices, no changes in US demand, no fentanyl market.",
        "Recruitment depends on faction size, wages and prevention, not on local jobs or poverty.",
        "No politics: no elections, no change of government, no public reaction; policies change only when the scenario's timeline says so.",
        "Many behavioural parameters (how often leaders are found, when factions split, corruption dynamics) have no empirical source: they are plausible guesses, listed with \"assumption\" in the parameter table.",
        "The defaults are calibrated on a few national figures for 2012-2022; the model misses the 2014-2015 dip in homicides and was not checked state by state.",
    };

    /// <summary>The "what this scenario assumes and what it leaves out" box.</summary>
    public static void AssumptionsBox(HtmlWriter h, LoadedScenario scenario, ModelParameters p, int maxChanged = 10)
    {
        h.Open("section", ("class", "assumptions")).Element("h2", "What this scenario assumes and what it leaves out").Line();
        h.Element("h3", "It assumes");
        h.Open("ul");
        var end = p.StartDate.AddDays(7 * p.Weeks);
        h.Element("li", $"The world is {WorldText(p)}, simulated week by week from {Date(p.StartDate)} to {Date(end)}.");
        foreach (var e in p.Timeline.OrderBy(e => e.Week).Take(6))
            h.Element("li", $"On {Date(p.StartDate.AddDays(7 * e.Week))}: {DescribeTimeline(e)}.");
        if (p.Timeline.Count > 6) h.Element("li", $"... and {p.Timeline.Count - 6} more scheduled events (see the timeline below).");
        if (p.Timeline.Count == 0) h.Element("li", "Nothing is scheduled: only the removals, splits and wars the model produces by itself happen.");
        var changed = ParameterCatalog.All
            .Select(d => (d, value: ValueText.Format(ParameterCatalog.GetValue(d, p))))
            .Where(x => x.value != x.d.DefaultText).ToList();
        foreach (var (d, value) in changed.Take(maxChanged))
        {
            string note = scenario.Provenance.TryGetValue(d.KeyPath, out var o) && o.Note is { Length: > 0 } n ? n : d.Source;
            h.Element("li", $"{Sentence(d.Summary)}: {value}{(d.Unit.Length > 0 ? " " + d.Unit : "")} instead of {d.DefaultText} (source: {CiteSources(note)}).");
        }
        if (changed.Count > maxChanged) h.Element("li", $"... and {changed.Count - maxChanged} more changed values (highlighted in the parameter table).");
        h.Element("li", changed.Count == 0 ? "Every parameter keeps the model's default." : "Every other parameter keeps the model's default.");
        h.Close("ul");
        h.Element("h3", "It leaves out");
        h.Open("ul");
        foreach (var l in LeftOut) h.Element("li", l);
        h.Close("ul");
        h.Close("section").Line();
    }

    private static string Sentence(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].TrimEnd('.');

    private static string WorldText(ModelParameters p) => p.World.Kind switch
    {
        WorldKind.Mexico => "Mexico's 32 states with their 2020 census populations, each split into a lattice of municipalities",
        WorldKind.Grid => $"an abstract {p.World.Width} x {p.World.Height} grid (not Mexico)",
        _ => "a well-mixed world without geography (the mean-field mode)",
    };
}
