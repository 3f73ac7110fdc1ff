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
            if (events[i] is RemoveLeaderEvent r && factionNames is not null)
            {
                var match = Match(r.Faction, factionNames);
                if (match is null)
                    ctx.Error(ctx.Origin(key + ":Faction")?.Src, $"Timeline.{i}.Faction", r.Faction, "a faction of the initial landscape",
                              $"unknown faction '{r.Faction}'." + Suggest.DidYouMean(r.Faction, factionNames));
                else events[i] = r with { Faction = match };
            }
            if (events[i] is RuptureEvent u && factionNames is not null)
            {
                var one = Match(u.Faction, factionNames);
                var two = Match(u.Other, factionNames);
                if (one is null)
                    ctx.Error(ctx.Origin(key + ":Faction")?.Src, $"Timeline.{i}.Faction", u.Faction, "a faction of the initial landscape",
                              $"unknown faction '{u.Faction}'." + Suggest.DidYouMean(u.Faction, factionNames));
                if (two is null)
                    ctx.Error(ctx.Origin(key + ":Other")?.Src, $"Timeline.{i}.Other", u.Other, "a faction of the initial landscape",
                              $"unknown faction '{u.Other}'." + Suggest.DidYouMean(u.Other, factionNames));
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
        if (p.InitialFactions is { } fd && regionNames is not null && p.World.Kind != WorldKind.WellMixed)
            foreach (var f in fd.Factions)
                if (Match(f.Region, regionNames) is null)
                    ctx.Error(ctx.Origin("Factions:File")?.Src, "Factions.File", f.Region, "a region of the world",
                              $"faction '{f.Name}' has unknown region '{f.Region}'." + Suggest.DidYouMean(f.Region, regionNames));
        return events;
    }

    /// <summary>The catalog's spelling of <paramref name="name"/> (NFC, case-insensitive), or null.</summary>
    internal static string? Match(string name, IEnumerable<string> names)
    {
        var n = name.Trim().Normalize(NormalizationForm.FormC);
        return names.FirstOrDefault(x => string.Equals(x.Normalize(NormalizationForm.FormC), n, StringComparison.OrdinalIgnoreCase));
    }
}
