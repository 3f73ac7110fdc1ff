namespace DecapSim.Core.Metrics;

/// <summary>How a weekly metric reduces over a span of weeks when nothing else is asked for.</summary>
public enum MetricAggregation
{
    /// <summary>A flow (a count per week): summed over the weeks.</summary>
    Sum,
    /// <summary>A stock or a state (members, factions, shares): the value at the last week.</summary>
    Last,
}

/// <summary>One declared weekly metric: its column name, unit, meaning and how it aggregates over weeks.</summary>
/// <param name="Name">Column name in weekly.csv (snake_case).</param>
/// <param name="Unit">Unit of one weekly value.</param>
/// <param name="Meaning">One line saying what it counts.</param>
/// <param name="Aggregation">How it reduces over weeks by default.</param>
/// <param name="Read">Reads the value from a week's metrics.</param>
public sealed record MetricInfo(string Name, string Unit, string Meaning, MetricAggregation Aggregation, Func<WeeklyMetrics, double> Read);

/// <summary>
/// The declared outputs of a model run (MODEL.md section 6), in weekly.csv column order. weekly.csv's header,
/// summary tables, experiment output expressions, report captions, docs/metrics.md and <c>decapsim metrics</c> all
/// read this list: adding a metric is a field of <see cref="WeeklyMetrics"/>, the line of the observer that fills it
/// and one entry here.
/// </summary>
public static class MetricCatalog
{
    private static readonly MetricInfo[] _all =
    {
        new("homicides", "people/week", "all homicides: cartel members killed in fighting, members killed by the state, civilians, state forces", MetricAggregation.Sum, m => m.Homicides),
        new("homicides_cartel", "people/week", "cartel members killed by other cartels", MetricAggregation.Sum, m => m.HomicidesCartel),
        new("homicides_state", "people/week", "cartel members killed by state forces", MetricAggregation.Sum, m => m.HomicidesState),
        new("homicides_civilian", "people/week", "civilians killed in cartel violence", MetricAggregation.Sum, m => m.HomicidesCivilian),
        new("state_forces_killed", "people/week", "police and soldiers killed by cartels", MetricAggregation.Sum, m => m.StateForcesKilled),
        new("homicides_contested", "people/week", "homicides (all kinds) in cells that were contested when the week's fighting happened (at the start of the week); the rest are in uncontested cells", MetricAggregation.Sum, m => m.HomicidesContested),
        new("blockades", "events/week", "road blockades and attacks of retaliation waves", MetricAggregation.Sum, m => m.Blockades),
        new("arrests", "people/week", "members arrested", MetricAggregation.Sum, m => m.Arrests),
        new("releases", "people/week", "members released from prison", MetricAggregation.Sum, m => m.Releases),
        new("recruits", "people/week", "new members recruited", MetricAggregation.Sum, m => m.Recruits),
        new("members", "people", "active (not imprisoned) members at the end of the week", MetricAggregation.Last, m => m.Members),
        new("imprisoned", "people", "members in prison at the end of the week", MetricAggregation.Last, m => m.Imprisoned),
        new("active_factions", "groups", "factions with members at the end of the week", MetricAggregation.Last, m => m.ActiveFactions),
        new("effective_factions", "groups", "effective number of factions by controlled cells (1 / sum of squared shares)", MetricAggregation.Last, m => m.EffectiveFactions),
        new("largest_share", "share 0-1", "share of active members in the largest faction", MetricAggregation.Last, m => m.LargestShare),
        new("new_splinters", "groups/week", "factions founded this week by splits and defections", MetricAggregation.Sum, m => m.NewSplinters),
        new("rival_pairs_in_contact", "pairs", "pairs of rival factions present in a common or adjacent cell", MetricAggregation.Last, m => m.RivalPairsInContact),
        new("contested_cells", "cells", "cells where no faction holds a clear majority", MetricAggregation.Last, m => m.ContestedCells),
        new("revenue_usd", "USD/week", "cartels' trafficking and local revenue", MetricAggregation.Sum, m => m.RevenueUsd),
        new("arms_acquired", "guns/week", "firearms acquired by cartels", MetricAggregation.Sum, m => m.ArmsAcquired),
        new("arms_interdicted", "guns/week", "firearms seized on the way south", MetricAggregation.Sum, m => m.ArmsInterdicted),
        new("mean_corruption", "share 0-1", "mean corruption of local police over cells", MetricAggregation.Last, m => m.MeanCorruption),
        new("mean_police_capacity", "index 0-1", "mean police capacity over cells", MetricAggregation.Last, m => m.MeanPoliceCapacity),
        new("us_trust", "index 0-1", "US-Mexico trust, which scales intelligence sharing", MetricAggregation.Last, m => m.UsTrust),
    };

    private static readonly string[] _names = Array.ConvertAll(_all, m => m.Name);

    /// <summary>Every metric, in weekly.csv column order.</summary>
    public static IReadOnlyList<MetricInfo> All => _all;

    /// <summary>Column names in weekly.csv order.</summary>
    public static IReadOnlyList<string> Names => _names;

    /// <summary>Index of a metric by column name, or -1.</summary>
    public static int IndexOf(string name) => Array.IndexOf(_names, name);

    /// <summary>The metric with this column name, or null.</summary>
    public static MetricInfo? Find(string name) => IndexOf(name) is int i and >= 0 ? _all[i] : null;
}
