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

/// <summary>An event as written to events.csv.</summary>
public sealed record EventRecord(int Week, string Type, string Faction, string Region, string Detail);
