using DecapSim.Core.Timeline;
using DecapSim.Scenarios;

namespace DecapSim.Explorer.Catalog;

/// <summary>The bundled scenarios (scenarios/*.json), loaded once at start-up. Requests name a scenario from this list;
/// no other file is ever read for them.</summary>
public sealed class BundledScenarios
{
    private readonly Dictionary<string, ScenarioInfo> _byName = new(StringComparer.Ordinal);

    /// <summary>Loads every valid bundled scenario of <paramref name="directory"/> (invalid ones are left out).</summary>
    public BundledScenarios(string directory, IModelCatalog catalog)
    {
        Directory = directory;
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            LoadedScenario loaded;
            try { loaded = ScenarioLoader.Load(file, new Dictionary<string, string>(), Array.Empty<string>(), catalog); }
            catch (ScenarioException) { continue; }
            var p = loaded.Parameters;
            var first = p.Timeline.Count > 0 ? p.Timeline.Min(e => e.Week) : 0;
            var levers = Levers.All.ToDictionary(l => l.KeyPath,
                l => Convert.ToDouble(ParameterCatalog.GetValue(l.Parameter, p), System.Globalization.CultureInfo.InvariantCulture));
            RemovalInfo? removal = null;
            for (int i = 0; i < p.Timeline.Count && removal is null; i++)
                if (p.Timeline[i] is RemoveLeaderEvent r && r.Rank.Equals("Leader", StringComparison.OrdinalIgnoreCase))
                    removal = new RemovalInfo(i, r.Faction, EnumText.Kebab(r.Mode.ToString()), p.StartDate.AddDays(7 * r.Week), r.HeirUnavailable, r.Label);
            var info = new ScenarioInfo(Path.GetFileNameWithoutExtension(file), file, loaded, p.StartDate.AddDays(7 * first), levers, removal, p.Timeline.Count);
            _byName[info.Name] = info;
            Names.Add(info.Name);
        }
    }

    /// <summary>The folder they came from.</summary>
    public string Directory { get; }

    /// <summary>Names, sorted.</summary>
    public List<string> Names { get; } = new();

    /// <summary>All scenarios in name order.</summary>
    public IEnumerable<ScenarioInfo> All => Names.Select(n => _byName[n]);

    /// <summary>The scenario called exactly <paramref name="name"/>, or null.</summary>
    public ScenarioInfo? Find(string name) => _byName.GetValueOrDefault(name);
}
