using System.Text;
using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios;

/// <summary>Checks the faction and region names of the timeline and of the factions file against the names the
/// model knows, and rewrites them in the catalog's spelling.</summary>
internal sealed class NameChecker(ResolutionContext ctx, IModelCatalog? catalog)
{
    /// <summary>Checks faction and region names; returns the timeline with the catalog's spelling.</summary>
    public IReadOnlyList<TimelineEvent> Check(ModelParameters p)
    {
        IReadOnlyCollection<string>? factionNames = null, regionNames = null;
        if (catalog is not null)
        {
            try
            {
                factionNames = catalog.FactionNames(p);
                regionNames = catalog.RegionNames(p);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                ctx.Error(null, "", "", "", "the model could not build the initial landscape: " + e.Message);
                return p.Timeline;
            }
        }
        else if (p.InitialFactions is { } data) factionNames = data.Factions.Select(f => f.Name).ToArray();

        var events = p.Timeline.ToList();
        for (int i = 0; i < events.Count; i++)
        {
            var key = $"Timeline:{i}";
            if (factionNames is not null && FactionOf(events[i]) is { } name)
            {
                var match = KnownFaction(i, "Faction", name, factionNames);
                if (match is not null) events[i] = events[i] switch
                {
                    RemoveLeaderEvent r => r with { Faction = match },
                    EscapeEvent x => x with { Faction = match },
                    ExtraditionEvent x => x with { Faction = match },
                    var e => e,
                };
            }
            if (events[i] is RuptureEvent u && factionNames is not null)
            {
                var one = KnownFaction(i, "Faction", u.Faction, factionNames);
                var two = KnownFaction(i, "Other", u.Other, factionNames);
                if (one is not null && two is not null) events[i] = u with { Faction = one, Other = two };
            }
            if (events[i] is CampaignEvent c && regionNames is not null)
            {
                var regions = new List<string>();
                foreach (var reg in c.Regions)
                {
                    var match = Match(reg, regionNames);
                    if (match is null)
                        ctx.Error(ctx.Origin(key + ":Regions")?.Src ?? ctx.Origin(key + ":Type")?.Src, $"Timeline.{i}.Regions", reg, "a region of the world",
                                  $"unknown region '{reg}'." + Suggest.DidYouMean(reg, regionNames));
                    else regions.Add(match);
                }
                events[i] = c with { Regions = regions };
            }
        }
        WarnPrisonerless(events);
        if (p.InitialFactions is { } fd && regionNames is not null && p.World.Kind != WorldKind.WellMixed)
            foreach (var f in fd.Factions)
                if (Match(f.Region, regionNames) is null)
                    ctx.Error(ctx.Origin("Factions:File")?.Src, "Factions.File", f.Region, "a region of the world",
                              $"faction '{f.Name}' has unknown region '{f.Region}'." + Suggest.DidYouMean(f.Region, regionNames));
        return events;
    }

    /// <summary>The catalog's spelling of the faction named in field <paramref name="field"/> of event i, or null after
    /// reporting it as unknown.</summary>
    private string? KnownFaction(int i, string field, string name, IReadOnlyCollection<string> factionNames)
    {
        var match = Match(name, factionNames);
        if (match is null)
            ctx.Error(ctx.Origin($"Timeline:{i}:{field}")?.Src, $"Timeline.{i}.{field}", name, "a faction of the initial landscape",
                      $"unknown faction '{name}'." + Suggest.DidYouMean(name, factionNames));
        return match;
    }

    /// <summary>Warns about an escape or extradition with no capture of that faction's leader (or kingpin list) before it on
    /// the timeline. Not an error: the model's own targeting and arrests imprison leaders too, so whether anyone is in
    /// prison is known only at run time, where such an event is logged with no effect.</summary>
    private void WarnPrisonerless(IReadOnlyList<TimelineEvent> events)
    {
        var order = Enumerable.Range(0, events.Count).OrderBy(i => events[i].Week).ThenBy(i => i).ToList();
        var captured = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool list = false;
        foreach (int i in order)
        {
            var e = events[i];
            if (e is RemoveLeaderEvent { Mode: RemovalMode.Capture } r && r.Rank.Equals("Leader", StringComparison.OrdinalIgnoreCase))
                captured.Add(r.Faction.Normalize(NormalizationForm.FormC));
            else if (e is KingpinListEvent { KillShare: < 1 }) list = true;
            else if ((e is EscapeEvent or ExtraditionEvent) && !list && FactionOf(e) is { } name && !captured.Contains(name.Normalize(NormalizationForm.FormC)))
            {
                var src = ctx.Origin($"Timeline:{i}:Faction")?.Src;
                ctx.Warnings.Add(new ScenarioError(src?.Origin ?? ctx.Path, $"Timeline.{i}.Faction", name, "a faction whose leader an earlier event captures",
                    $"no earlier event captures the leader of '{name}': the {(e is EscapeEvent ? "escape" : "extradition")} applies only if the model has imprisoned one by then (otherwise it is logged with no effect)")
                    { Line = src?.Line, Column = src?.Column });
            }
        }
    }

    /// <summary>The faction an event names, or null.</summary>
    private static string? FactionOf(TimelineEvent e) => e switch
    {
        RemoveLeaderEvent r => r.Faction,
        EscapeEvent x => x.Faction,
        ExtraditionEvent x => x.Faction,
        _ => null,
    };

    /// <summary>The catalog's spelling of <paramref name="name"/> (NFC, case-insensitive), or null.</summary>
    internal static string? Match(string name, IEnumerable<string> names)
    {
        var n = name.Trim().Normalize(NormalizationForm.FormC);
        return names.FirstOrDefault(x => string.Equals(x.Normalize(NormalizationForm.FormC), n, StringComparison.OrdinalIgnoreCase));
    }
}
