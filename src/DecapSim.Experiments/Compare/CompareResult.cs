using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Runs;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Compare;

/// <summary>A scenario to compare: the loaded file and the parameters to run (after CLI overrides).</summary>
public sealed record CompareInput(LoadedScenario Scenario, ModelParameters Parameters);

/// <summary>One scenario's ensemble inside a comparison.</summary>
/// <param name="Name">Unique name in the comparison (the file stem; "-2", "-3" appended to repeats); also its folder.</param>
/// <param name="Title">Display name.</param>
/// <param name="Dir">Folder holding its weekly.csv, regions.csv, summary.csv, regions_summary.csv, ...</param>
/// <param name="Parameters">Parameters it ran with.</param>
/// <param name="Ensemble">Per-replicate weekly metrics, per-region series and removals kept in memory.</param>
public sealed record ScenarioRun(string Name, string Title, string Dir, ModelParameters Parameters, RunPipeline.Ensemble Ensemble)
{
    /// <summary>[replicate][week] metrics; replicate k used seed Seeds.ForReplicate(seed, k) in every scenario.</summary>
    public IReadOnlyList<WeeklyMetrics[]> Weekly => Ensemble.Weekly;
}

/// <summary>A row of comparison.csv: scenario minus baseline for one metric at one horizon.</summary>
/// <param name="Metric">cumulative_homicides, cumulative_homicides_contested, cumulative_homicides_uncontested,
/// active_factions or cumulative_revenue_usd.</param>
/// <param name="HorizonWeeks">Weeks from the start the metric is taken at (cumulated over).</param>
/// <param name="Method">paired-t or bootstrap-percentile (95% intervals).</param>
public sealed record ComparisonRow(string Scenario, string Baseline, string Metric, int HorizonWeeks, double MeanBaseline,
    double MeanScenario, double MeanDifference, double CiLow, double CiHigh, int Replicates, string Method);

/// <summary>A row of event_study.csv. Per-event rows have a replicate number, week and faction; aggregate rows have
/// replicate "all", the mean over events in the homicide and difference columns, and a 95% paired t interval.</summary>
/// <param name="Source">timeline (forced by the scenario's timeline) or model (the model's own targeting, conflict...).</param>
/// <param name="RegionType">affected (the removal's region), spillover (other regions where the faction was present:
/// it controlled a cell or held at least 2% of its members there) or adjacent (neighbours of the affected region where
/// it was not).</param>
/// <param name="Regions">Region names summed over (per-event rows).</param>
/// <param name="WindowWeeks">Homicides summed over weeks [week, week + window).</param>
public sealed record EventStudyRow(string Scenario, string Replicate, int? Week, string Faction, string Source, string RegionType,
    IReadOnlyList<string> Regions, int WindowWeeks, double HomicidesScenario, double HomicidesBaseline, double Difference,
    double CiLow, double CiHigh, int Events);

/// <summary>Everything a comparison produced: the ensembles (for charts and reports), the table and the event study.</summary>
/// <param name="Files">Files written, relative to the output folder.</param>
public sealed record CompareResult(ScenarioRun Baseline, IReadOnlyList<ScenarioRun> Scenarios, IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<EventStudyRow> EventStudy, ulong Seed, int Replicates, string OutDir, IReadOnlyList<string> Files)
{
    /// <summary>Set-ups (world, landscape, spin-up, warm-up) built, and ensembles that copied one instead
    /// (<see cref="SetUpShare"/>).</summary>
    public int SetUpsBuilt { get; init; }
    public int SetUpsReused { get; init; }
    /// <summary>Seconds the shared set-ups saved (reuses x mean build time).</summary>
    public double SetUpSecondsSaved { get; init; }
    /// <summary>Per scenario (in order): the week it continued from the baseline's replicates at (0: run from the start).</summary>
    public IReadOnlyList<int> BranchWeeks { get; init; } = Array.Empty<int>();
}
