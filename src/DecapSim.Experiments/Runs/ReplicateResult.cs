using DecapSim.Core.Metrics;

namespace DecapSim.Experiments.Runs;

/// <summary>Everything one replicate produced, ready to be written.</summary>
public sealed class ReplicateResult
{
    public required int Replicate { get; init; }
    public required ulong Seed { get; init; }
    public required WeeklyMetrics[] Weekly { get; init; }
    /// <summary>[week][region] homicides.</summary>
    public required double[][] RegionHomicides { get; init; }
    /// <summary>[week][region] blockades.</summary>
    public required double[][] RegionBlockades { get; init; }
    /// <summary>[week][region] controlling faction id or -1.</summary>
    public required int[][] RegionController { get; init; }
    /// <summary>Faction table at the end of the run.</summary>
    public required FactionRecord[] Factions { get; init; }
    /// <summary>Logged events with names resolved.</summary>
    public required EventRecord[] Events { get; init; }
    /// <summary>[week][faction] active members (factions by id; shorter rows are zero-padded).</summary>
    public required int[][] FactionMembers { get; init; }
    /// <summary>Milliseconds spent per process over the run.</summary>
    public required IReadOnlyDictionary<string, double> ProcessMilliseconds { get; init; }
    public required double WallSeconds { get; init; }
}

/// <summary>A faction as written to factions.csv.</summary>
public sealed record FactionRecord(int Id, string Name, int Parent, int FoundedWeek, int EndedWeek, string EndReason, int PeakMembers);

/// <summary>An event as written to events.csv, with the ids behind the names for analyses (event study).</summary>
/// <param name="FactionId">Faction id or -1.</param>
/// <param name="RegionId">Region id (index into the world's regions) or -1.</param>
/// <param name="FromTimeline">True when a scenario timeline event caused it (a forced removal, a kingpin list, US
/// strikes); false for what the model's own processes did.</param>
/// <param name="PresentRegions">For leader removals: regions where the faction controlled at least one cell at the end
/// of the removal week or held at least <see cref="ModelRun.PresenceMinShare"/> of its active members at its
/// start (sorted ids); otherwise null.</param>
public sealed record EventRecord(int Week, string Type, string Faction, string Region, string Detail,
    int FactionId = -1, int RegionId = -1, bool FromTimeline = false, int[]? PresentRegions = null);
