using System.Text;
using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;
using Microsoft.Extensions.Configuration;
using static DecapSim.Scenarios.ScenarioLoader;

namespace DecapSim.Scenarios;

/// <summary>Merges the layers with Microsoft.Extensions.Configuration, validates keys and values,
/// binds the parameters and reads the timeline and data files.</summary>
internal sealed partial class Resolver
{
    private readonly List<Layer> layers;
    private readonly List<Layer> files;
    private readonly string path;
    private readonly IModelCatalog? catalog;
    private readonly List<ScenarioError> errors;
    private readonly List<ScenarioError> warnings = new();
    private readonly IConfigurationRoot config;
    private readonly HashSet<string> reported = new(StringComparer.OrdinalIgnoreCase);

    public Resolver(List<Layer> layers, List<Layer> files, string path, IModelCatalog? catalog, List<ScenarioError> errors)
    {
        this.layers = layers;
        this.files = files;
        this.path = path;
        this.catalog = catalog;
        this.errors = errors;
        var builder = new ConfigurationBuilder();
        foreach (var layer in layers)
            builder.AddInMemoryCollection(layer.Values.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value.Value)));
        config = builder.Build();
    }

    /// <summary>The layer and source of the effective value of <paramref name="key"/>.</summary>
    private (Layer Layer, Src Src)? Origin(string key)
    {
        var providers = config.Providers.ToList();
        for (int i = providers.Count - 1; i >= 0; i--)
            if (providers[i].TryGet(key, out _) && layers[i].Values.TryGetValue(key, out var src))
                return (layers[i], src);
        return null;
    }

    private void Error(Src? src, string keyPath, string value, string allowed, string message)
    {
        if (!reported.Add(keyPath + "|" + message)) return;
        errors.Add(new(src?.Origin ?? path, keyPath, value, allowed, message) { Line = src?.Line, Column = src?.Column });
    }

    public LoadedScenario Resolve()
    {
        CheckKeys();
        var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        var provenance = new Dictionary<string, ParameterOrigin>(StringComparer.OrdinalIgnoreCase);
        var notes = ReadNotes();
        var normalized = new Dictionary<string, string?>();

        foreach (var d in ParameterCatalog.All)
        {
            var key = ToKey(d.KeyPath);
            var origin = Origin(key);
            if (origin is not { } o) continue;
            if (o.Src.Kind == JsonKind.Null)
            {
                Error(o.Src, d.KeyPath, "null", d.AllowedText, "null is not allowed");
                continue;
            }
            var problem = ValueParser.TryParse(d.Type, o.Src.Value, d.Min, d.Max, out var value);
            if (problem is not null)
            {
                Error(o.Src, d.KeyPath, o.Src.Value, d.AllowedText, problem);
                continue;
            }
            values[d.KeyPath] = value!;
            normalized[key] = value is Enum ? value.ToString() : ValueText.Format(value);
            provenance[d.KeyPath] = new(d.KeyPath, ValueText.Format(value), o.Src.Origin, notes.GetValueOrDefault(d.KeyPath));
        }

        ulong seed = 1;
        if (Origin("Seed") is { } so)
        {
            var problem = ValueParser.TryParse(typeof(ulong), so.Src.Value, 0, double.PositiveInfinity, out var s);
            if (problem is not null) Error(so.Src, "Seed", so.Src.Value, "whole number in [0, 2^64-1]", problem);
            else
            {
                seed = (ulong)s!;
                provenance["Seed"] = new("Seed", ValueText.Format(seed), so.Src.Origin, notes.GetValueOrDefault("Seed"));
            }
        }

        var question = Text("Question");
        var description = Text("Description");
        var title = Text("Name");
        var sources = Strings("Sources");
        var baseline = ResolveBaseline();
        var initial = ReadFactionFiles(provenance, notes);
        var references = ReadReferences();
        // The timeline needs only Weeks and StartDate: read it even when other values are bad, to report everything at once.
        IReadOnlyList<TimelineEvent> timeline = Array.Empty<TimelineEvent>();
        if (values.TryGetValue("Weeks", out var weeks) && values.TryGetValue("StartDate", out var start))
            timeline = new TimelineReader(this, new ModelParameters { Weeks = (int)weeks, StartDate = (DateOnly)start }).Read();
        if (errors.Count > 0) throw new ScenarioException(errors);

        ModelParameters p;
        try
        {
            p = new ConfigurationBuilder().AddInMemoryCollection(normalized).Build()
                    .Get<ModelParameters>(o => o.ErrorOnUnknownConfiguration = true) ?? new ModelParameters();
        }
        catch (InvalidOperationException e)
        {
            throw new ScenarioException(new ScenarioError(path, "", "", "", "binding failed: " + e.Message));
        }

        p = p with { InitialFactions = initial, Timeline = timeline };
        if (initial is null && p.Factions.Count > p.Factions.InitialMembers)
            Error(Origin("Factions:Count")?.Src, "Factions.Count", ValueText.Format(p.Factions.Count),
                  $"at most Factions.InitialMembers ({p.Factions.InitialMembers})", "more groups than members");

        if (errors.Count == 0) p = p with { Timeline = CheckNames(p) };
        if (errors.Count > 0) throw new ScenarioException(errors);

        WarnUnannotated(provenance, notes);
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
            Baseline = baseline,
            Files = files.Select(f => f.Name).Reverse().ToArray(),
            Provenance = provenance,
            Notes = notes,
            Warnings = warnings,
            References = references,
        };
    }

    // ---- keys ------------------------------------------------------------------------------------

    /// <summary>Walks every key of every non-default layer against the parameter records.</summary>
    private void CheckKeys()
    {
        var sections = ParameterCatalog.Sections;
        foreach (var layer in layers.Skip(1))
        {
            var all = layer.Values.Select(kv => (kv.Key, kv.Value, Container: (JsonKind?)null))
                .Concat(layer.Containers.Select(kv => (kv.Key, layer.Values.GetValueOrDefault(kv.Key) ?? ContainerSrc(layer, kv.Key), Container: (JsonKind?)kv.Value)));
            foreach (var (key, src, container) in all)
                CheckKey(layer, key.Split(':'), src, container);
        }

        static Src ContainerSrc(Layer layer, string key) => new("", JsonKind.Object, null, null, layer.Name);
    }

    private void CheckKey(Layer layer, string[] seg, Src src, JsonKind? container)
    {
        string top = seg[0];
        string kind = container switch { JsonKind.Array => "an array", JsonKind.Object => "an object", _ => "a value" };
        var section = ParameterCatalog.Sections.FirstOrDefault(s => s.Equals(top, StringComparison.OrdinalIgnoreCase));
        if (section is not null || top.Equals("Relations", StringComparison.OrdinalIgnoreCase))
        {
            section ??= "Relations";
            var allowed = section == "Relations" ? RelationKeys.ToList()
                : ParameterCatalog.All.Where(d => d.Section == section).Select(d => d.Name).ToList();
            if (section == "Factions") allowed.Add("File");
            if (seg.Length == 1)
            {
                if (container is null) Error(src, section, src.Value, "an object with keys " + string.Join(", ", allowed), "expected a section object, got a value");
                return;
            }
            var name = allowed.FirstOrDefault(a => a.Equals(seg[1], StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                var near = Suggest.Nearest(seg[1], allowed);
                var hint = near is null ? "" : $" Did you mean '{section}.{near}'?";
                if (hint.Length == 0 && ParameterCatalog.All.FirstOrDefault(d => d.Name.Equals(seg[1], StringComparison.OrdinalIgnoreCase)) is { } other)
                    hint = $" Did you mean '{other.KeyPath}'?";
                Error(src, $"{section}.{seg[1]}", "", "a key of " + section, $"unknown key '{section}.{seg[1]}'." + hint);
                return;
            }
            if (seg.Length > 2 || container is not null)
            {
                var d = ParameterCatalog.Find($"{section}.{name}");
                Error(src, $"{section}.{name}", "", d?.AllowedText ?? "a file path", $"expected a single value, got {(seg.Length > 2 ? "an object" : kind)}");
            }
            return;
        }
        var topName = TopLevelKeys.FirstOrDefault(t => t.Equals(top, StringComparison.OrdinalIgnoreCase));
        switch (topName)
        {
            case null:
            {
                var hint = Suggest.DidYouMean(top, TopLevelKeys.Concat(ParameterCatalog.Sections));
                if (hint.Length == 0 && ParameterCatalog.All.FirstOrDefault(d => d.Name.Equals(top, StringComparison.OrdinalIgnoreCase)) is { } other)
                    hint = $" Did you mean '{other.KeyPath}'?";
                Error(src, string.Join('.', seg), "", "a top-level key or a section", $"unknown key '{top}'." + hint);
                return;
            }
            case "Timeline":
                if (seg.Length == 1 && container != JsonKind.Array && (container is not null || src.Origin != SetLayer))
                    Error(src, "Timeline", src.Value, "an array of events", $"Timeline must be an array, got {kind}");
                return; // events are checked by the timeline reader
            case "References":
                if (seg.Length == 1 && container != JsonKind.Array)
                    Error(src, "References", src.Value, "an array of { Metric, File, Fit, Source }", $"References must be an array, got {kind}");
                return; // read by ReadReferences
            case "Sources":
                if (seg.Length == 1 && container != JsonKind.Array)
                    Error(src, "Sources", src.Value, "an array of strings", $"Sources must be an array, got {kind}");
                else if (seg.Length > 2 || (seg.Length == 2 && (container is not null || !int.TryParse(seg[1], out _))))
                    Error(src, string.Join('.', seg), src.Value, "an array of strings", "Sources must be an array of strings");
                return;
            case "Notes":
                if (seg.Length == 1 && container != JsonKind.Object)
                    Error(src, "Notes", src.Value, "an object mapping key paths to text", $"Notes must be an object, got {kind}");
                else if (seg.Length > 2 || container is not null && seg.Length == 2)
                    Error(src, "Notes." + seg[1], "", "text", "a note must be text");
                return;
            case "extends":
                if (!layer.IsFile) Error(src, "extends", src.Value, "only in a scenario file", "extends cannot be set here");
                return;
            default:
                if (seg.Length > 1 || container is not null)
                    Error(src, topName, "", topName is "Seed" or "Weeks" ? "a whole number" : "a single value", $"expected a single value, got {(seg.Length > 1 ? "an object" : kind)}");
                return;
        }
    }

    private string Text(string key)
    {
        if (Origin(key) is not { } o) return "";
        if (o.Src.Kind is not (JsonKind.String or JsonKind.Null))
            Error(o.Src, key, o.Src.Value, "text", $"{key} must be a string");
        return o.Src.Value;
    }

    /// <summary>The top-level <c>Baseline</c>: a bundled scenario's name (looked up next to the file that names it,
    /// then among the bundled scenarios) or a path relative to that file; null when absent or empty.</summary>
    private string? ResolveBaseline()
    {
        if (Origin("Baseline") is not { } o) return null;
        const string allowed = "a bundled scenario name (\"baseline\") or a path to a scenario file";
        if (o.Src.Kind is not (JsonKind.String or JsonKind.Null))
        {
            Error(o.Src, "Baseline", o.Src.Value, allowed, "Baseline must be a string");
            return null;
        }
        string v = o.Src.Value.Trim();
        if (v.Length == 0) return null;
        string dir = o.Layer.BaseDir ?? Environment.CurrentDirectory;
        bool looksLikePath = Path.HasExtension(v) || v.Contains('/') || v.Contains('\\');
        var candidates = looksLikePath
            ? new[] { Path.Combine(dir, v) }
            : new[] { Path.Combine(dir, v + ".json"), ScenarioLocator.Resolve(v) };
        var found = candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists);
        if (found is null)
        {
            Error(o.Src, "Baseline", v, allowed, "baseline scenario not found");
            return null;
        }
        if (string.Equals(found, Path.GetFullPath(path), StringComparison.Ordinal))
        {
            Error(o.Src, "Baseline", v, "another scenario", "a scenario cannot be its own baseline");
            return null;
        }
        return found;
    }

    private IReadOnlyList<string> Strings(string key) =>
        config.GetSection(key).GetChildren().Where(c => c.Value is not null).Select(c => c.Value!).ToArray();

    private Dictionary<string, string> ReadNotes()
    {
        var notes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var known = ParameterCatalog.All.Select(d => d.KeyPath).Concat(DataFileKeys).Append("Seed").ToList();
        foreach (var c in config.GetSection("Notes").GetChildren())
        {
            if (c.Value is null) continue;
            var canonical = known.FirstOrDefault(k => k.Equals(c.Key, StringComparison.OrdinalIgnoreCase));
            if (canonical is null && !c.Key.StartsWith("Timeline", StringComparison.OrdinalIgnoreCase))
            {
                var src = Origin(c.Path)?.Src;
                warnings.Add(new(src?.Origin ?? path, "Notes." + c.Key, "", "a parameter key path",
                    $"note for unknown key '{c.Key}'." + Suggest.DidYouMean(c.Key, known)) { Line = src?.Line, Column = src?.Column });
            }
            notes[canonical ?? c.Key] = c.Value;
        }
        return notes;
    }

    private void WarnUnannotated(Dictionary<string, ParameterOrigin> provenance, Dictionary<string, string> notes)
    {
        foreach (var d in ParameterCatalog.All)
        {
            if (!provenance.TryGetValue(d.KeyPath, out var o) || notes.ContainsKey(d.KeyPath)) continue;
            var src = Origin(ToKey(d.KeyPath));
            if (src is not { Layer.IsFile: true } || o.Value == d.DefaultText) continue;
            warnings.Add(new(o.Layer, d.KeyPath, o.Value, ScenarioError.NoteRequired, $"non-default value (default {d.DefaultText}) without a note")
            { Line = src.Value.Src.Line, Column = src.Value.Src.Column });
        }
        foreach (var k in DataFileKeys)
            if (provenance.TryGetValue(k, out var o) && !notes.ContainsKey(k) && Origin(ToKey(k)) is { Layer.IsFile: true } s)
                warnings.Add(new(o.Layer, k, o.Value, ScenarioError.NoteRequired, "data file without a note") { Line = s.Src.Line, Column = s.Src.Column });
    }

    // ---- data files -------------------------------------------------------------------------------

    private InitialFactionData? ReadFactionFiles(Dictionary<string, ParameterOrigin> provenance, Dictionary<string, string> notes)
    {
        string? Resolve(string keyPath, out string display)
        {
            display = "";
            if (Origin(ToKey(keyPath)) is not { } o) return null;
            if (o.Src.Kind != JsonKind.String || o.Src.Value.Trim().Length == 0)
            {
                Error(o.Src, keyPath, o.Src.Value, "a path to a CSV file", "expected a file path");
                return null;
            }
            var full = Path.GetFullPath(Path.Combine(o.Layer.BaseDir ?? Environment.CurrentDirectory, o.Src.Value));
            provenance[keyPath] = new(keyPath, o.Src.Value, o.Src.Origin, notes.GetValueOrDefault(keyPath));
            if (!File.Exists(full))
            {
                Error(o.Src, keyPath, o.Src.Value, "an existing CSV file, relative to the scenario file", "file not found: " + Display(full));
                return null;
            }
            display = Display(full);
            return full;
        }

        var factionsFile = Resolve("Factions.File", out var fDisplay);
        var rivalFile = Resolve("Relations.RivalriesFile", out var rDisplay);
        var allyFile = Resolve("Relations.AlliancesFile", out var aDisplay);
        if (factionsFile is null)
        {
            foreach (var k in new[] { "Relations.RivalriesFile", "Relations.AlliancesFile" })
                if (Origin(ToKey(k)) is { } o && !config.GetSection("Factions:File").Exists())
                    Error(o.Src, k, o.Src.Value, "Factions.File set as well", "a relations file needs Factions.File (names must be in the factions file)");
            return null;
        }
        int before = errors.Count;
        var factions = FactionCsvReader.ReadFactions(factionsFile, fDisplay, errors);
        if (errors.Count > before) return null;
        var rivals = rivalFile is null ? new List<RelationSpec>() : FactionCsvReader.ReadRelations(rivalFile, rDisplay, "Relations.RivalriesFile", factions, errors);
        var allies = allyFile is null ? new List<RelationSpec>() : FactionCsvReader.ReadRelations(allyFile, aDisplay, "Relations.AlliancesFile", factions, errors);
        return new InitialFactionData(factions, rivals, allies);
    }

    // ---- names --------------------------------------------------------------------------------------

    /// <summary>Checks faction and region names; returns the timeline with the catalog's spelling.</summary>
    private IReadOnlyList<TimelineEvent> CheckNames(ModelParameters p)
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
                Error(null, "", "", "", "the model could not build the initial landscape: " + e.Message);
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
                    Error(Origin(key + ":Faction")?.Src, $"Timeline.{i}.Faction", r.Faction, "a faction of the initial landscape",
                          $"unknown faction '{r.Faction}'." + Suggest.DidYouMean(r.Faction, factionNames));
                else events[i] = r with { Faction = match };
            }
            if (events[i] is CampaignEvent c && regionNames is not null)
            {
                var regions = new List<string>();
                foreach (var reg in c.Regions)
                {
                    var match = Match(reg, regionNames);
                    if (match is null)
                        Error(Origin(key + ":Regions")?.Src ?? Origin(key + ":Type")?.Src, $"Timeline.{i}.Regions", reg, "a region of the world",
                              $"unknown region '{reg}'." + Suggest.DidYouMean(reg, regionNames));
                    else regions.Add(match);
                }
                events[i] = c with { Regions = regions };
            }
        }
        if (p.InitialFactions is { } fd && regionNames is not null && p.World.Kind != WorldKind.WellMixed)
            foreach (var f in fd.Factions)
                if (Match(f.Region, regionNames) is null)
                    Error(Origin("Factions:File")?.Src, "Factions.File", f.Region, "a region of the world",
                          $"faction '{f.Name}' has unknown region '{f.Region}'." + Suggest.DidYouMean(f.Region, regionNames));
        return events;
    }

    /// <summary>The catalog's spelling of <paramref name="name"/> (NFC, case-insensitive), or null.</summary>
    private static string? Match(string name, IEnumerable<string> names)
    {
        var n = name.Trim().Normalize(NormalizationForm.FormC);
        return names.FirstOrDefault(x => string.Equals(x.Normalize(NormalizationForm.FormC), n, StringComparison.OrdinalIgnoreCase));
    }

    // ---- timeline -------------------------------------------------------------------------------

    /// <summary>Reads <c>Timeline</c> entries into events.</summary>
    private sealed class TimelineReader(Resolver r, ModelParameters p)
    {
        private static readonly string[] Types = { "remove-leader", "kingpin-list", "set-policy", "campaign" };
        private static readonly string[] Common = { "Type", "Week", "Date", "Label", "Source" };

        private static readonly Dictionary<string, string[]> Fields = new()
        {
            ["remove-leader"] = new[] { "Faction", "Mode", "Rank", "HeirUnavailable" },
            ["kingpin-list"] = new[] { "Count", "OverWeeks", "KillShare" },
            ["set-policy"] = new[] { "Parameter", "Value", "RampWeeks" },
            ["campaign"] = new[] { "Kind", "DurationWeeks", "Regions", "Intensity" },
        };

        private IConfigurationSection ev = null!;
        private string at = "";
        private bool ok;

        public List<TimelineEvent> Read()
        {
            var list = new List<TimelineEvent>();
            var children = r.config.GetSection("Timeline").GetChildren().ToList();
            foreach (var c in children.Where(c => !int.TryParse(c.Key, out _)))
                r.Error(r.Origin(c.Path)?.Src, "Timeline." + c.Key, "", "an array of events", "Timeline must be an array");
            foreach (var c in children.Where(c => int.TryParse(c.Key, out _)).OrderBy(c => int.Parse(c.Key)))
            {
                ev = c;
                at = "Timeline." + c.Key;
                ok = true;
                if (c.Value is not null)
                {
                    r.Error(r.Origin(c.Path)?.Src, at, c.Value, "an object with Type and Week or Date", "an event must be an object");
                    continue;
                }
                if (ReadEvent() is { } e && ok) list.Add(e);
            }
            return list;
        }

        private TimelineEvent? ReadEvent()
        {
            var typeText = GetText("Type", required: true);
            if (typeText is null) return null;
            var type = Types.FirstOrDefault(t => t.Replace("-", "").Equals(typeText.Replace("-", "").Replace("_", ""), StringComparison.OrdinalIgnoreCase));
            if (type is null)
            {
                Fail("Type", typeText, "one of " + string.Join(", ", Types), $"unknown event type '{typeText}'." + Suggest.DidYouMean(typeText, Types));
                return null;
            }
            var allowed = Common.Concat(Fields[type]).ToArray();
            foreach (var f in ev.GetChildren())
                if (!allowed.Contains(f.Key, StringComparer.OrdinalIgnoreCase))
                    Fail(f.Key, f.Value ?? "", $"for {type}: " + string.Join(", ", allowed),
                         $"unknown key '{f.Key}' in a {type} event." + Suggest.DidYouMean(f.Key, allowed));
            int week = ReadWeek();
            var label = GetText("Label") ?? "";
            GetText("Source"); // where the event comes from: documentation only, checked to be text
            switch (type)
            {
                case "remove-leader":
                {
                    var rank = GetText("Rank") ?? "Leader";
                    var rankName = new[] { "Leader", "Lieutenant" }.FirstOrDefault(x => x.Equals(rank.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (rankName is null) Fail("Rank", rank, "leader or lieutenant", $"unknown rank '{rank}'." + Suggest.DidYouMean(rank, new[] { "leader", "lieutenant" }));
                    return new RemoveLeaderEvent
                    {
                        Week = week, Label = label,
                        Faction = GetText("Faction", required: true) ?? "",
                        Mode = Get<RemovalMode>("Mode") ?? RemovalMode.Kill,
                        Rank = rankName ?? "Leader",
                        HeirUnavailable = Get<bool>("HeirUnavailable") ?? false,
                    };
                }
                case "kingpin-list":
                    return new KingpinListEvent
                    {
                        Week = week, Label = label,
                        Count = Get<int>("Count", required: true, min: 1, max: 100_000) ?? 0,
                        OverWeeks = Get<int>("OverWeeks", min: 1, max: 5200) ?? 1,
                        KillShare = Get<double>("KillShare", min: 0, max: 1) ?? 0.3,
                    };
                case "set-policy":
                {
                    var text = GetText("Parameter", required: true);
                    PolicyLever lever = default;
                    ParameterDescriptor? target = null;
                    if (text is not null)
                    {
                        if (PolicyLevers.TryParse(text, out lever)) target = ParameterCatalog.Find(PolicyLevers.KeyPath(lever));
                        else Fail("Parameter", text, "one of " + string.Join(", ", PolicyLevers.Names),
                                  $"'{text}' is not a policy parameter." + Suggest.DidYouMean(text, PolicyLevers.Names.Concat(PolicyLevers.KeyPaths)));
                    }
                    return new SetPolicyEvent
                    {
                        Week = week, Label = label, Parameter = lever,
                        Value = Get<double>("Value", required: true, min: target?.Min ?? double.NegativeInfinity, max: target?.Max ?? double.PositiveInfinity,
                                            unit: target?.Unit) ?? 0,
                        RampWeeks = Get<int>("RampWeeks", min: 0, max: 5200) ?? 0,
                    };
                }
                default:
                {
                    var regions = new List<string>();
                    var rs = ev.GetSection("Regions");
                    if (rs.Value is not null) regions.AddRange(rs.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    else regions.AddRange(rs.GetChildren().Select(x => x.Value ?? "").Where(x => x.Length > 0));
                    return new CampaignEvent
                    {
                        Week = week, Label = label,
                        Kind = Get<CampaignKind>("Kind", required: true) ?? CampaignKind.TroopSurge,
                        DurationWeeks = Get<int>("DurationWeeks", min: 1, max: 5200) ?? 52,
                        Intensity = Get<double>("Intensity", min: 0, max: 1e6) ?? 1,
                        Regions = regions,
                    };
                }
            }
        }

        private int ReadWeek()
        {
            bool hasWeek = ev.GetSection("Week").Value is not null, hasDate = ev.GetSection("Date").Value is not null;
            string allowed = $"week 0 to {p.Weeks - 1}, or a date from {ValueText.Format(p.StartDate)} to {ValueText.Format(p.StartDate.AddDays(7 * (p.Weeks - 1)))}";
            if (hasWeek && hasDate) { Fail("Date", ev["Date"]!, "either Week or Date", "give Week or Date, not both"); return 0; }
            if (!hasWeek && !hasDate) { Fail("Type", ev["Type"] ?? "", "Week or Date", "an event needs a Week or a Date"); return 0; }
            int week;
            if (hasWeek)
            {
                var w = Get<int>("Week", min: double.NegativeInfinity, max: double.PositiveInfinity);
                if (w is null) return 0;
                week = w.Value;
            }
            else
            {
                var d = Get<DateOnly>("Date");
                if (d is null) return 0;
                int days = d.Value.DayNumber - p.StartDate.DayNumber;
                if (days < 0) { Fail("Date", ev["Date"]!, allowed, $"the date is before StartDate {ValueText.Format(p.StartDate)}"); return 0; }
                week = days / 7;
            }
            string key = hasWeek ? "Week" : "Date";
            if (week < 0) Fail(key, ev[key]!, allowed, "a negative week");
            else if (week >= p.Weeks) Fail(key, ev[key]!, allowed, $"the event is after the last week ({p.Weeks - 1})");
            return week;
        }

        private void Fail(string field, string value, string allowed, string message)
        {
            ok = false;
            var src = r.Origin(ev.Path + ":" + field)?.Src ?? r.Origin(ev.Path + ":Type")?.Src;
            r.Error(src, $"{at}.{field}", value, allowed, message);
        }

        private string? GetText(string field, bool required = false) =>
            Get<string>(field, required, double.NegativeInfinity, double.PositiveInfinity, null, out var v) ? v : null;

        private T? Get<T>(string field, bool required = false, double min = double.NegativeInfinity,
                          double max = double.PositiveInfinity, string? unit = null) where T : struct =>
            Get<T>(field, required, min, max, unit, out var v) ? v : null;

        private bool Get<T>(string field, bool required, double min, double max, string? unit, out T value)
        {
            value = default!;
            var s = ev.GetSection(field);
            var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            var allowed = ValueParser.Allowed(type, min, max) + (string.IsNullOrEmpty(unit) ? "" : $" ({unit})");
            if (s.Value is null)
            {
                if (s.GetChildren().Any()) Fail(field, "", allowed, "expected a single value, got an object or array");
                else if (required) Fail(field, "", allowed, $"{field} is required");
                return false;
            }
            var src = r.Origin(s.Path)?.Src;
            if (src is { Kind: JsonKind.Null }) { Fail(field, "null", allowed, "null is not allowed"); return false; }
            var problem = ValueParser.TryParse(type, s.Value, min, max, out var v);
            if (problem is not null) { Fail(field, s.Value, allowed, problem); return false; }
            value = (T)v!;
            return true;
        }
    }
}

/// <summary>Maps timeline policy levers to the parameters they change.</summary>
public static class PolicyLevers
{
    private static readonly Dictionary<PolicyLever, string> paths = new()
    {
        [PolicyLever.Interdiction] = "Arms.Interdiction",
        [PolicyLever.IntelSharing] = "Targeting.IntelSharing",
        [PolicyLever.UsTrust] = "State.UsTrust",
        [PolicyLever.PoliceWage] = "Economy.PoliceWage",
        [PolicyLever.JudicialIntegrity] = "State.JudicialIntegrity",
        [PolicyLever.PreventionEffect] = "Recruitment.PreventionEffect",
        [PolicyLever.Demand] = "Economy.Demand",
        [PolicyLever.PoliceCapacityTarget] = "State.PoliceCapacityTarget",
        [PolicyLever.ArrestMultiplier] = "Enforcement.ArrestMultiplier",
        [PolicyLever.ArmsFlowPerYear] = "Arms.FlowPerYear",
    };

    /// <summary>The parameter key path a lever sets.</summary>
    public static string KeyPath(PolicyLever lever) => paths[lever];

    /// <summary>Lever names as written in scenario files (kebab-case).</summary>
    public static IEnumerable<string> Names => Enum.GetNames<PolicyLever>().Select(EnumText.Kebab);

    /// <summary>The key paths of all levers.</summary>
    public static IEnumerable<string> KeyPaths => paths.Values;

    /// <summary>Accepts a lever name ("intel-sharing", "IntelSharing") or its key path ("Targeting.IntelSharing").</summary>
    public static bool TryParse(string text, out PolicyLever lever)
    {
        if (EnumText.TryParse(typeof(PolicyLever), text, out var v)) { lever = (PolicyLever)v!; return true; }
        foreach (var (l, p) in paths)
            if (p.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) { lever = l; return true; }
        lever = default;
        return false;
    }
}
