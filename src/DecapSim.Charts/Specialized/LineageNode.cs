namespace DecapSim.Charts;

/// <summary>
/// One faction in a lineage tree: founded at <paramref name="Start"/>, ended at <paramref name="End"/>
/// (null = still active), split from <paramref name="ParentId"/> (null = a root).
/// </summary>
public sealed record LineageNode(string Id, string? ParentId, double Start, double? End, double PeakSize, string? Label = null);
