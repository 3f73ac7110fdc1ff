using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;
using static DecapSim.Scenarios.ScenarioLoader;

namespace DecapSim.Scenarios;

/// <summary>Resolves the merged layers of a scenario into a <see cref="LoadedScenario"/>, in order: key checking
/// (<see cref="KeyChecker"/>), notes and provenance (<see cref="Provenance"/>), parameter values and seed
/// (<see cref="ParameterBinder"/>), texts, data files (<see cref="FactionFiles"/>), reference series
/// (<see cref="ReferencesReader"/>), the timeline
/// (<see cref="TimelineReader"/>), binding, and faction and region names (<see cref="NameChecker"/>).
/// Every error found is reported at once.</summary>
internal sealed class Resolver
{
    private readonly List<Layer> files;
    private readonly string path;
    private readonly IModelCatalog? catalog;
    private readonly ResolutionContext ctx;

    public Resolver(List<Layer> layers, List<Layer> files, string path, IModelCatalog? catalog, List<ScenarioError> errors)
    {
        this.files = files;
        this.path = path;
        this.catalog = catalog;
        ctx = new ResolutionContext(layers, path, errors);
    }

    public LoadedScenario Resolve()
    {
        var errors = ctx.Errors;
        new KeyChecker(ctx).Check();
        var provenance = new Provenance(ctx);
        var binder = new ParameterBinder(ctx, provenance);
        binder.ParseAll();
        ulong seed = binder.ReadSeed();

        var question = Text("Question");
        var description = Text("Description");
        var title = Text("Name");
        var sources = Strings("Sources");
        var initial = new FactionFiles(ctx, provenance).Read();
        var references = new ReferencesReader(ctx).Read();
        var baseline = new BaselineReader(ctx, path).Read();
        // The timeline needs only Weeks and StartDate: read it even when other values are bad, to report everything at once.
        IReadOnlyList<TimelineEvent> timeline = Array.Empty<TimelineEvent>();
        if (binder.Values.TryGetValue("Weeks", out var weeks) && binder.Values.TryGetValue("StartDate", out var start))
            timeline = new TimelineReader(ctx, new ModelParameters { Weeks = (int)weeks, StartDate = (DateOnly)start }).Read();
        if (errors.Count > 0) throw new ScenarioException(errors);

        var p = binder.Bind() with { InitialFactions = initial, Timeline = timeline };
        if (initial is null && p.Factions.Count > p.Factions.InitialMembers)
            ctx.Error(ctx.Origin("Factions:Count")?.Src, "Factions.Count", ValueText.Format(p.Factions.Count),
                      $"at most Factions.InitialMembers ({p.Factions.InitialMembers})", "more groups than members");

        if (errors.Count == 0) p = p with { Timeline = new NameChecker(ctx, catalog).Check(p) };
        if (errors.Count > 0) throw new ScenarioException(errors);

        provenance.WarnUnannotated();
        var name = Path.GetFileNameWithoutExtension(path);
        return new LoadedScenario
        {
            Parameters = p,
            Seed = seed,
            Name = name,
            Title = title.Length > 0 ? title : name,
            Question = question,
            Description = description,
            Sources = sources,
            Files = files.Select(f => f.Name).Reverse().ToArray(),
            Provenance = provenance.Origins,
            Notes = provenance.Notes,
            Warnings = ctx.Warnings,
            References = references,
            Baseline = baseline,
        };
    }

    /// <summary>A top-level text (Name, Question, Description); "" when unset.</summary>
    private string Text(string key)
    {
        if (ctx.Origin(key) is not { } o) return "";
        if (o.Src.Kind is not (JsonKind.String or JsonKind.Null))
            ctx.Error(o.Src, key, o.Src.Value, "text", $"{key} must be a string");
        return o.Src.Value;
    }

    private IReadOnlyList<string> Strings(string key) =>
        ctx.Config.GetSection(key).GetChildren().Where(c => c.Value is not null).Select(c => c.Value!).ToArray();
}
