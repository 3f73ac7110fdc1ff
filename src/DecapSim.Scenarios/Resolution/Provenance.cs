using static DecapSim.Scenarios.ScenarioLoader;

namespace DecapSim.Scenarios;

/// <summary>Where each resolved value came from (layer and note), the scenario's <c>Notes</c>, and the warnings about
/// notes: a note for an unknown key, a non-default value or a data file set by a scenario file without a note.</summary>
internal sealed class Provenance
{
    private readonly ResolutionContext ctx;

    /// <summary>Reads the <c>Notes</c> of the merged layers (warns about notes for unknown keys).</summary>
    public Provenance(ResolutionContext ctx)
    {
        this.ctx = ctx;
        var known = ParameterCatalog.All.Select(d => d.KeyPath).Concat(DataFileKeys).Append("Seed").ToList();
        foreach (var c in ctx.Config.GetSection("Notes").GetChildren())
        {
            if (c.Value is null) continue;
            var canonical = known.FirstOrDefault(k => k.Equals(c.Key, StringComparison.OrdinalIgnoreCase));
            if (canonical is null && !c.Key.StartsWith("Timeline", StringComparison.OrdinalIgnoreCase))
            {
                var src = ctx.Origin(c.Path)?.Src;
                ctx.Warnings.Add(new(src?.Origin ?? ctx.Path, "Notes." + c.Key, "", "a parameter key path",
                    $"note for unknown key '{c.Key}'." + Suggest.DidYouMean(c.Key, known)) { Line = src?.Line, Column = src?.Column });
            }
            Notes[canonical ?? c.Key] = c.Value;
        }
    }

    /// <summary>Key path -> note.</summary>
    public Dictionary<string, string> Notes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Key path -> value, layer and note of every value resolved so far.</summary>
    public Dictionary<string, ParameterOrigin> Origins { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records that <paramref name="keyPath"/> resolved to <paramref name="value"/> from <paramref name="layer"/>.</summary>
    public void Record(string keyPath, string value, string layer) =>
        Origins[keyPath] = new(keyPath, value, layer, Notes.GetValueOrDefault(keyPath));

    /// <summary>Warns about values a scenario file sets to a non-default value, and data files, without a note.</summary>
    public void WarnUnannotated()
    {
        foreach (var d in ParameterCatalog.All)
        {
            if (!Origins.TryGetValue(d.KeyPath, out var o) || Notes.ContainsKey(d.KeyPath)) continue;
            var src = ctx.Origin(ToKey(d.KeyPath));
            if (src is not { Layer.IsFile: true } || o.Value == d.DefaultText) continue;
            ctx.Warnings.Add(new(o.Layer, d.KeyPath, o.Value, ScenarioError.NoteRequired, $"non-default value (default {d.DefaultText}) without a note")
            { Line = src.Value.Src.Line, Column = src.Value.Src.Column });
        }
        foreach (var k in DataFileKeys)
            if (Origins.TryGetValue(k, out var o) && !Notes.ContainsKey(k) && ctx.Origin(ToKey(k)) is { Layer.IsFile: true } s)
                ctx.Warnings.Add(new(o.Layer, k, o.Value, ScenarioError.NoteRequired, "data file without a note") { Line = s.Src.Line, Column = s.Src.Column });
    }
}
