using System.Text;

namespace DecapSim.Scenarios;

/// <summary>Generates docs/parameters.md from <see cref="ParameterCatalog"/> (a test keeps the file current).</summary>
public static class DocsGenerator
{
    /// <summary>The markdown text (LF line endings).</summary>
    public static string Generate()
    {
        var sb = new StringBuilder();
        sb.Append("# Parameters\n\n");
        sb.Append("Generated from the `[Param]` attributes in `src/DecapSim.Core/Parameters/ModelParameters.cs` by\n");
        sb.Append("`DocsGenerator` (DecapSim.Scenarios); do not edit by hand. A test fails when this file is out of date;\n");
        sb.Append("regenerate with `DECAPSIM_UPDATE_DOCS=1 dotnet test tests/DecapSim.Scenarios.Tests`.\n\n");
        sb.Append("Layers, lowest first: defaults (below) -> scenario file (and the files it `extends`) -> environment\n");
        sb.Append("variables `DECAPSIM__Section__Key` -> `--set Section.Key=value`. `decapsim show <scenario>` prints the\n");
        sb.Append("resolved values and the layer each came from. Enum values are written in kebab-case (`well-mixed`);\n");
        sb.Append("PascalCase (`WellMixed`) is accepted too.\n\n");
        sb.Append("## Scenario keys\n\n");
        sb.Append("| Key | Type | Default | Summary |\n| --- | --- | --- | --- |\n");
        sb.Append("| `extends` | path | | Scenario file this one builds on (relative to this file); chains allowed, cycles refused |\n");
        sb.Append("| `Name` | text | file stem | Display name |\n");
        sb.Append("| `Question` | text | | The one-line question the scenario asks |\n");
        sb.Append("| `Description` | text | | Longer description |\n");
        sb.Append("| `Sources` | array of text | | References |\n");
        sb.Append("| `Seed` | integer | 1 | Random seed (`--seed` overrides) |\n");
        sb.Append("| `Factions.File` | path | | CSV `name,region,members` (UTF-8); replaces the generated landscape |\n");
        sb.Append("| `Relations.RivalriesFile` | path | | CSV `a,b,weight`, undirected; duplicates keep the larger weight |\n");
        sb.Append("| `Relations.AlliancesFile` | path | | CSV `a,b,weight`, undirected; duplicates keep the larger weight |\n");
        sb.Append("| `Timeline` | array | | Scheduled events (below); a file's Timeline replaces the one it extends |\n");
        sb.Append("| `References` | array | | Observed yearly series `{ Metric, File (CSV year,value), Fit: [from, to], Source }`; the run writes history.csv and history charts comparing them, in and out of the fitted period |\n");
        sb.Append("| `Notes` | object | | Key path -> source or justification of a non-default value |\n\n");

        foreach (var group in ParameterCatalog.All.GroupBy(d => d.Section))
        {
            sb.Append(group.Key.Length == 0 ? "## Top level\n\n" : $"## {group.Key}\n\n");
            sb.Append("| Key | Type | Default | Unit | Range | Summary | Source |\n");
            sb.Append("| --- | --- | --- | --- | --- | --- | --- |\n");
            foreach (var d in group)
            {
                var range = d.Type.IsEnum || d.Type == typeof(DateOnly) ? ""
                    : $"{ValueText.Format(d.Min)} to {ValueText.Format(d.Max)}";
                sb.Append($"| `{d.KeyPath}` | {d.TypeName} | {Cell(d.DefaultText)} | {Cell(d.Unit)} | {range} | {Cell(d.Summary)} | {Cell(d.Source)} |\n");
            }
            sb.Append('\n');
        }

        sb.Append("## Timeline events\n\n");
        sb.Append("Every event has `Type`, `Week` (0-based) or `Date` (yyyy-mm-dd, converted to a week from `StartDate`), and an\n");
        sb.Append("optional `Label`. The week must be within the run (0 to `Weeks` - 1).\n\n");
        sb.Append("| Type | Fields |\n| --- | --- |\n");
        sb.Append("| `remove-leader` | `Faction` (required), `Mode` (kill \\| capture, default kill), `Rank` (leader \\| lieutenant, default leader), `HeirUnavailable` (true \\| false) |\n");
        sb.Append("| `kingpin-list` | `Count` (required, >= 1), `OverWeeks` (default 1), `KillShare` (0 to 1, default 0.3) |\n");
        sb.Append($"| `set-policy` | `Parameter` ({string.Join(" \\| ", PolicyLevers.Names)}, or its key path), `Value` (within the parameter's range), `RampWeeks` (default 0 = a step) |\n");
        sb.Append("| `campaign` | `Kind` (troop-surge \\| us-strikes, required), `DurationWeeks` (default 52), `Regions` (array; empty = everywhere), `Intensity` (default 1) |\n");
        sb.Append("| `rupture` | `Faction` and `Other` (required, two different groups), `Rivalry` (war weight, 0 to `Conflict.MaxRivalry`; default `Succession.WarRivalry`): ends their alliance and starts a war that decays like a succession war |\n");
        sb.Append("| `escape` | `Faction` (required): the faction's most recently captured leader still in prison escapes and takes the leadership back (logged with no effect when none is in prison) |\n");
        sb.Append("| `extradition` | `Faction` (required): that leader is extradited, leaves the model, and the faction's succession is contested again (`Succession.ExtraditionWarFactor`) |\n\n");
        sb.Append("Policy levers and the parameters they set:\n\n| Lever | Parameter |\n| --- | --- |\n");
        foreach (var l in Enum.GetValues<DecapSim.Core.Timeline.PolicyLever>())
            sb.Append($"| `{EnumText.Kebab(l.ToString())}` | `{PolicyLevers.KeyPath(l)}` |\n");
        return sb.ToString();
    }

    private static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");

    /// <summary>Writes the docs to <paramref name="path"/>.</summary>
    public static void Write(string path) => File.WriteAllText(path, Generate());
}
