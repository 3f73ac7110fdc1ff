using Microsoft.Extensions.Configuration;
using DecapSim.Core.Factions;
using static DecapSim.Scenarios.ScenarioLoader;

namespace DecapSim.Scenarios;

/// <summary>Resolves <c>Factions.File</c>, <c>Relations.RivalriesFile</c> and <c>Relations.AlliancesFile</c> against
/// the directory of the file that set them and reads them into the initial faction data.</summary>
internal sealed class FactionFiles(ResolutionContext ctx, Provenance provenance)
{
    /// <summary>The user's factions and relations, or null when no factions file is set (or it has errors).</summary>
    public InitialFactionData? Read()
    {
        var factionsFile = Resolve("Factions.File", out var fDisplay);
        var rivalFile = Resolve("Relations.RivalriesFile", out var rDisplay);
        var allyFile = Resolve("Relations.AlliancesFile", out var aDisplay);
        if (factionsFile is null)
        {
            foreach (var k in new[] { "Relations.RivalriesFile", "Relations.AlliancesFile" })
                if (ctx.Origin(ToKey(k)) is { } o && !ctx.Config.GetSection("Factions:File").Exists())
                    ctx.Error(o.Src, k, o.Src.Value, "Factions.File set as well", "a relations file needs Factions.File (names must be in the factions file)");
            return null;
        }
        int before = ctx.Errors.Count;
        var factions = FactionCsvReader.ReadFactions(factionsFile, fDisplay, ctx.Errors);
        if (ctx.Errors.Count > before) return null;
        var rivals = rivalFile is null ? new List<RelationSpec>() : FactionCsvReader.ReadRelations(rivalFile, rDisplay, "Relations.RivalriesFile", factions, ctx.Errors);
        var allies = allyFile is null ? new List<RelationSpec>() : FactionCsvReader.ReadRelations(allyFile, aDisplay, "Relations.AlliancesFile", factions, ctx.Errors);
        return new InitialFactionData(factions, rivals, allies);
    }

    /// <summary>The full path of the file <paramref name="keyPath"/> names, or null (unset, not a path, missing).</summary>
    private string? Resolve(string keyPath, out string display)
    {
        display = "";
        if (ctx.Origin(ToKey(keyPath)) is not { } o) return null;
        if (o.Src.Kind != JsonKind.String || o.Src.Value.Trim().Length == 0)
        {
            ctx.Error(o.Src, keyPath, o.Src.Value, "a path to a CSV file", "expected a file path");
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(o.Layer.BaseDir ?? Environment.CurrentDirectory, o.Src.Value));
        provenance.Record(keyPath, o.Src.Value, o.Src.Origin);
        if (!File.Exists(full))
        {
            ctx.Error(o.Src, keyPath, o.Src.Value, "an existing CSV file, relative to the scenario file", "file not found: " + Display(full));
            return null;
        }
        display = Display(full);
        return full;
    }
}
