using static DecapSim.Scenarios.ScenarioLoader;

namespace DecapSim.Scenarios;

/// <summary>Walks every key of every non-default layer against the parameter records and the scenario's own
/// top-level keys: unknown keys (with a suggestion), values where a section is expected and the reverse.</summary>
internal sealed class KeyChecker(ResolutionContext ctx)
{
    public void Check()
    {
        foreach (var layer in ctx.Layers.Skip(1))
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
            CheckSectionKey(section ?? "Relations", seg, src, container, kind);
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
                ctx.Error(src, string.Join('.', seg), "", "a top-level key or a section", $"unknown key '{top}'." + hint);
                return;
            }
            case "Timeline":
                if (seg.Length == 1 && container != JsonKind.Array && (container is not null || src.Origin != SetLayer))
                    ctx.Error(src, "Timeline", src.Value, "an array of events", $"Timeline must be an array, got {kind}");
                return; // events are checked by the timeline reader
            case "References":
                if (seg.Length == 1 && container != JsonKind.Array)
                    ctx.Error(src, "References", src.Value, "an array of { Metric, File, Fit, Source }", $"References must be an array, got {kind}");
                return; // read by the references reader
            case "Sources":
                if (seg.Length == 1 && container != JsonKind.Array)
                    ctx.Error(src, "Sources", src.Value, "an array of strings", $"Sources must be an array, got {kind}");
                else if (seg.Length > 2 || (seg.Length == 2 && (container is not null || !int.TryParse(seg[1], out _))))
                    ctx.Error(src, string.Join('.', seg), src.Value, "an array of strings", "Sources must be an array of strings");
                return;
            case "Notes":
                if (seg.Length == 1 && container != JsonKind.Object)
                    ctx.Error(src, "Notes", src.Value, "an object mapping key paths to text", $"Notes must be an object, got {kind}");
                else if (seg.Length > 2 || container is not null && seg.Length == 2)
                    ctx.Error(src, "Notes." + seg[1], "", "text", "a note must be text");
                return;
            case "extends":
                if (!layer.IsFile) ctx.Error(src, "extends", src.Value, "only in a scenario file", "extends cannot be set here");
                return;
            default:
                if (seg.Length > 1 || container is not null)
                    ctx.Error(src, topName, "", topName is "Seed" or "Weeks" ? "a whole number" : "a single value", $"expected a single value, got {(seg.Length > 1 ? "an object" : kind)}");
                return;
        }
    }

    /// <summary>A key under a parameter section (or Relations): the section must be an object of known single values.</summary>
    private void CheckSectionKey(string section, string[] seg, Src src, JsonKind? container, string kind)
    {
        var allowed = section == "Relations" ? RelationKeys.ToList()
            : ParameterCatalog.All.Where(d => d.Section == section).Select(d => d.Name).ToList();
        if (section == "Factions") allowed.Add("File");
        if (seg.Length == 1)
        {
            if (container is null) ctx.Error(src, section, src.Value, "an object with keys " + string.Join(", ", allowed), "expected a section object, got a value");
            return;
        }
        var name = allowed.FirstOrDefault(a => a.Equals(seg[1], StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            var near = Suggest.Nearest(seg[1], allowed);
            var hint = near is null ? "" : $" Did you mean '{section}.{near}'?";
            if (hint.Length == 0 && ParameterCatalog.All.FirstOrDefault(d => d.Name.Equals(seg[1], StringComparison.OrdinalIgnoreCase)) is { } other)
                hint = $" Did you mean '{other.KeyPath}'?";
            ctx.Error(src, $"{section}.{seg[1]}", "", "a key of " + section, $"unknown key '{section}.{seg[1]}'." + hint);
            return;
        }
        if (seg.Length > 2 || container is not null)
        {
            var d = ParameterCatalog.Find($"{section}.{name}");
            ctx.Error(src, $"{section}.{name}", "", d?.AllowedText ?? "a file path", $"expected a single value, got {(seg.Length > 2 ? "an object" : kind)}");
        }
    }
}
