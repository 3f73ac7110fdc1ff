using System.CommandLine;
using DecapSim.Core.Timeline;
using DecapSim.Scenarios;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim show &lt;scenario&gt; [--set Section.Key=value]...`: the resolved parameters and where each came from.</summary>
public static class ShowCommand
{
    public static Command Build(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file, or the name of a bundled scenario" };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: Section.Key=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var all = new Option<bool>("--all") { Description = "Also list parameters left at their defaults" };
        var cmd = new Command("show", "Print a scenario's resolved parameters with the layer each value came from");
        cmd.Arguments.Add(scenario);
        cmd.Options.Add(set);
        cmd.Options.Add(all);
        cmd.SetAction(parse =>
        {
            if (!ScenarioCli.TryLoad(parse.GetValue(scenario)!, parse.GetValue(set) ?? Array.Empty<string>(), console, out var s))
                return ExitCodes.BadInput;
            Print(s, parse.GetValue(all), console.Out);
            ScenarioCli.PrintWarnings(s.Warnings, console);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>Writes the resolved scenario as aligned text.</summary>
    public static void Print(LoadedScenario s, bool includeDefaults, TextWriter w)
    {
        w.WriteLine($"scenario: {s.Title} ({string.Join(" <- ", s.Files)})");
        if (s.Question.Length > 0) w.WriteLine($"question: {s.Question}");
        w.WriteLine($"seed:     {s.Seed}");
        w.WriteLine();
        var rows = new List<string[]> { new[] { "key", "value", "layer", "unit", "note" } };
        foreach (var d in ParameterCatalog.All)
        {
            if (!s.Provenance.TryGetValue(d.KeyPath, out var o)) continue;
            if (!includeDefaults && o.Layer == ScenarioLoader.DefaultLayer) continue;
            rows.Add(new[] { d.KeyPath, o.Value, o.Layer, d.Unit, o.Note ?? "" });
        }
        foreach (var k in ScenarioLoader.DataFileKeys.Append("Seed"))
            if (s.Provenance.TryGetValue(k, out var o) && o.Layer != ScenarioLoader.DefaultLayer)
                rows.Add(new[] { k, o.Value, o.Layer, "", o.Note ?? "" });
        if (rows.Count == 1) w.WriteLine("(all parameters at their defaults; --all lists them)");
        else WriteTable(rows, w);
        if (!includeDefaults && rows.Count > 1) w.WriteLine("(parameters not listed are at their defaults; --all lists them)");

        if (s.Parameters.InitialFactions is { } f)
            w.WriteLine($"\nfactions from file: {f.Factions.Count} factions, {f.Rivalries.Count} rivalries, {f.Alliances.Count} alliances");
        if (s.Parameters.Timeline.Count > 0)
        {
            w.WriteLine("\ntimeline:");
            foreach (var e in s.Parameters.Timeline) w.WriteLine("  " + Describe(e, s));
        }
    }

    /// <summary>One line per timeline event.</summary>
    public static string Describe(TimelineEvent e, LoadedScenario s)
    {
        var date = s.Parameters.StartDate.AddDays(7 * e.Week).ToString("yyyy-MM-dd");
        var what = e switch
        {
            RemoveLeaderEvent r => $"remove-leader {r.Faction} {r.Rank.ToLowerInvariant()} by {EnumText.Kebab(r.Mode.ToString())}" + (r.HeirUnavailable ? ", heir unavailable" : ""),
            KingpinListEvent k => $"kingpin-list top {k.Count} over {k.OverWeeks} weeks, kill share {ValueText.Format(k.KillShare)}",
            SetPolicyEvent p => $"set-policy {PolicyLevers.KeyPath(p.Parameter)} = {ValueText.Format(p.Value)}" + (p.RampWeeks > 0 ? $" ramped over {p.RampWeeks} weeks" : ""),
            CampaignEvent c => $"campaign {EnumText.Kebab(c.Kind.ToString())} for {c.DurationWeeks} weeks, intensity {ValueText.Format(c.Intensity)}, regions: " + (c.Regions.Count == 0 ? "all" : string.Join(", ", c.Regions)),
            RuptureEvent u => $"rupture {u.Faction} and {u.Other}, war weight " + (u.Rivalry is { } w ? ValueText.Format(w) : "Succession.WarRivalry"),
            EscapeEvent x => $"escape of the jailed ex-leader of {x.Faction}",
            ExtraditionEvent x => $"extradition of the jailed ex-leader of {x.Faction}",
            _ => e.GetType().Name,
        };
        return $"week {e.Week,4} ({date}): {what}" + (e.Label.Length > 0 ? $"  \"{e.Label}\"" : "");
    }

    private static void WriteTable(List<string[]> rows, TextWriter w)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var r in rows)
            w.WriteLine(string.Join("  ", r.Select((c, i) => i == r.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
    }
}
