using DecapSim.Core.Metrics;
using DecapSim.Scenarios;

namespace DecapSim.Explorer.Runs;

/// <summary>What GET /api/runs/{id} and the event stream say about a run (plain objects for System.Text.Json).</summary>
public static class RunView
{
    /// <summary>Event types of replicate 0 listed on the page.</summary>
    public static readonly string[] EventTypes = { "removal", "succession", "contested-succession", "split", "defection", "retaliation-wave", "absorption", "dissolution", "policy", "campaign" };

    public const int MaxEvents = 80;
    public const int MaxLineage = 60;

    public static Dictionary<string, object?> Of(ExplorerRun run, bool series = true)
    {
        lock (run.Gate)
        {
            var spec = run.Spec;
            var d = new Dictionary<string, object?>
            {
                ["id"] = run.Id,
                ["status"] = run.Status.ToString().ToLowerInvariant(),
                ["progress"] = run.TotalWeeks == 0 ? 0 : Math.Round(Math.Min(1, run.WeeksDone / (double)run.TotalWeeks), 4),
                ["replicatesDone"] = run.Variant.Weekly.Count,
                ["baselineReplicatesDone"] = run.Baseline.Weekly.Count,
                ["replicates"] = spec.Replicates,
                ["weeks"] = spec.Weeks,
                ["seed"] = spec.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["scenario"] = spec.Scenario.Name,
                ["startDate"] = ValueText.Format(spec.Parameters.StartDate),
                ["from"] = spec.From is { } f ? ValueText.Format(f) : null,
                ["set"] = spec.Sets,
                ["command"] = spec.Command,
                ["isBaseline"] = spec.IsBaseline,
                ["elapsedSeconds"] = Math.Round(run.ElapsedSeconds, 2),
                ["reused"] = run.Reused.ToArray(),
                ["error"] = run.Error,
                ["version"] = run.Version,
            };
            if (series)
            {
                d["series"] = new Dictionary<string, object?>
                {
                    ["homicides"] = new { variant = Band.Of(run.Variant.Weekly, m => m.Homicides), baseline = Band.Of(run.Baseline.Weekly, m => m.Homicides) },
                    ["effectiveFactions"] = new { variant = Band.Of(run.Variant.Weekly, m => m.EffectiveFactions), baseline = Band.Of(run.Baseline.Weekly, m => m.EffectiveFactions) },
                    ["activeFactions"] = new { variant = Band.Of(run.Variant.Weekly, m => m.ActiveFactions), baseline = Band.Of(run.Baseline.Weekly, m => m.ActiveFactions) },
                };
                d["timeline"] = spec.Parameters.Timeline.Where(e => e.Week < spec.Weeks)
                    .Select(e => new { week = e.Week, label = string.IsNullOrEmpty(e.Label) ? e.GetType().Name.Replace("Event", "") : e.Label }).ToArray();
            }
            if (run.Status == RunStatus.Done)
            {
                d["summary"] = new
                {
                    keyNumbers = KeyNumbers.Of(run.Variant.Weekly, run.Baseline.Weekly, spec.Weeks, !spec.IsBaseline),
                    replicates = run.Variant.Weekly.Count,
                    spreadNote = run.Variant.Weekly.Count < 20
                        ? $"with {run.Variant.Weekly.Count} replicates the 90% range is close to the minimum and maximum"
                        : "90% of replicates lie in the range",
                };
                d["map"] = Map(run);
                d["lineage"] = Lineage(run);
                d["events"] = Events(run);
                d["files"] = run.Files;
            }
            return d;
        }
    }

    private static object Map(ExplorerRun run)
    {
        double years = run.Spec.Weeks / 52.0;
        double[] rate(EnsembleData e, int g)
        {
            if (e.RegionTotals.Count == 0 || run.Regions[g].Population <= 0) return new[] { double.NaN };
            double mean = e.RegionTotals.Average(t => g < t.Length ? t[g] : 0);
            return new[] { Math.Round(mean / run.Regions[g].Population * 1e5 / years, 2) };
        }
        return run.Regions.Select((r, g) => new
        {
            name = r.Name, code = r.Code, col = r.Col, row = r.Row, population = r.Population,
            variant = Nan(rate(run.Variant, g)[0]), baseline = Nan(rate(run.Baseline, g)[0]),
        }).ToArray();
    }

    private static double? Nan(double x) => double.IsFinite(x) ? x : null;

    private static object Lineage(ExplorerRun run)
    {
        var f = run.First?.Factions ?? Array.Empty<Experiments.Runs.FactionRecord>();
        var splinters = f.Where(x => x.Parent >= 0).OrderByDescending(x => x.PeakMembers).Take(MaxLineage).ToList();
        var keep = new HashSet<int>(splinters.Select(x => x.Id));
        foreach (var s in splinters.ToArray())
            for (int p = s.Parent; p >= 0 && p < f.Length && keep.Add(p); p = f[p].Parent) { }
        return f.Where(x => keep.Contains(x.Id)).Select(x => new
        {
            id = x.Id, name = x.Name, parent = x.Parent, founded = x.FoundedWeek, ended = x.EndedWeek == DecapSim.Core.Factions.FactionTable.NoWeek ? (int?)null : x.EndedWeek, endReason = x.EndReason, peak = x.PeakMembers,
        }).ToArray();
    }

    private static object Events(ExplorerRun run)
    {
        var start = run.Spec.Parameters.StartDate;
        return (run.First?.Events ?? Array.Empty<Experiments.Runs.EventRecord>())
            .Where(e => EventTypes.Contains(e.Type)).Take(MaxEvents)
            .Select(e => new { week = e.Week, date = ValueText.Format(start.AddDays(7 * e.Week)), type = e.Type, faction = e.Faction, region = e.Region, detail = e.Detail })
            .ToArray();
    }
}
