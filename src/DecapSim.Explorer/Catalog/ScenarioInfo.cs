using DecapSim.Scenarios;

namespace DecapSim.Explorer.Catalog;

/// <summary>The scenario's first leader removal, if it has one: what the page's removal control starts from.</summary>
/// <param name="Index">Position in the scenario's Timeline (the <c>Timeline.N.*</c> keys that change it).</param>
public sealed record RemovalInfo(int Index, string Faction, string Mode, DateOnly Date, bool HeirUnavailable, string Label);

/// <summary>A bundled scenario as the page shows it.</summary>
/// <param name="Name">File stem: what requests name.</param>
/// <param name="Path">The file (never taken from a request).</param>
/// <param name="PolicyDate">The default date of levers: the first timeline event's date, or the start.</param>
/// <param name="LeverValues">The scenario's value of each lever (key path -> value).</param>
/// <param name="TimelineCount">Events in the scenario's Timeline (a new removal is appended at this index).</param>
public sealed record ScenarioInfo(string Name, string Path, LoadedScenario Loaded, DateOnly PolicyDate,
    IReadOnlyDictionary<string, double> LeverValues, RemovalInfo? Removal, int TimelineCount)
{
    public DateOnly StartDate => Loaded.Parameters.StartDate;
    public int Weeks => Loaded.Parameters.Weeks;
}
