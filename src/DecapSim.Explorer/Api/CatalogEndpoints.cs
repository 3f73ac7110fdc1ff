using DecapSim.Experiments.Output;
using DecapSim.Explorer.Catalog;
using DecapSim.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DecapSim.Explorer.Api;

/// <summary>GET /api/scenarios, /api/parameters, /api/version.</summary>
public static class CatalogEndpoints
{
    public static void Map(IEndpointRouteBuilder app, BundledScenarios scenarios, ExplorerOptions options)
    {
        app.MapGet("/api/scenarios", () => Results.Json(scenarios.All.Select(s => new
        {
            name = s.Name,
            title = s.Loaded.Title,
            question = s.Loaded.Question,
            description = s.Loaded.Description,
            sources = s.Loaded.Sources,
            seed = s.Loaded.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            startDate = ValueText.Format(s.StartDate),
            weeks = s.Weeks,
            policyDate = ValueText.Format(s.PolicyDate),
            levers = s.LeverValues,
            removal = s.Removal is { } r ? new { faction = r.Faction, mode = r.Mode, date = ValueText.Format(r.Date), heirUnavailable = r.HeirUnavailable, label = r.Label } : null,
            timeline = s.Loaded.Parameters.Timeline.Select(e => new { week = e.Week, date = ValueText.Format(s.StartDate.AddDays(7 * e.Week)), label = e.Label, type = e.GetType().Name.Replace("Event", "") }),
        })));

        app.MapGet("/api/parameters", () => Results.Json(Levers.All.Select(l => new
        {
            key = l.KeyPath,
            label = l.Label,
            summary = l.Parameter.Summary,
            unit = l.Parameter.Unit,
            min = Finite(l.Parameter.Min),
            max = Finite(l.Parameter.Max),
            allowed = l.Parameter.AllowedText,
            @default = Convert.ToDouble(l.Parameter.Default, System.Globalization.CultureInfo.InvariantCulture),
            source = l.Parameter.Source,
            sliderMin = l.SliderMin,
            sliderMax = l.SliderMax,
            step = l.Step,
        })));

        app.MapGet("/api/version", () =>
        {
            var (version, commit) = ManifestWriter.VersionInfo();
            return Results.Json(new { version, commit, limits = new { maxReplicates = options.MaxReplicates, maxWeeks = options.MaxWeeks, queue = options.QueueCapacity, idleSeconds = options.IdleTimeout.TotalSeconds } });
        });
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}
