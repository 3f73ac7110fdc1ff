namespace DecapSim.Core.Metrics;

/// <summary>What is observed in one week (MODEL.md section 6). A plain struct: no allocation.</summary>
public struct WeeklyMetrics
{
    public int Week;
    public double Homicides;
    public double HomicidesCartel;
    public double HomicidesState;
    public double HomicidesCivilian;
    public double StateForcesKilled;
    public double Blockades;
    public double Arrests;
    public double Releases;
    public double Recruits;
    public double Members;
    public double Imprisoned;
    public double ActiveFactions;
    public double EffectiveFactions;
    public double LargestShare;
    public double NewSplinters;
    public double RivalPairsInContact;
    public double ContestedCells;
    public double RevenueUsd;
    public double ArmsAcquired;
    public double ArmsInterdicted;
    public double MeanCorruption;
    public double MeanPoliceCapacity;
    public double UsTrust;

    /// <summary>Column names in output order (after replicate, week, date).</summary>
    public static readonly string[] Columns =
    {
        "homicides", "homicides_cartel", "homicides_state", "homicides_civilian", "state_forces_killed", "blockades",
        "arrests", "releases", "recruits", "members", "imprisoned", "active_factions", "effective_factions",
        "largest_share", "new_splinters", "rival_pairs_in_contact", "contested_cells", "revenue_usd", "arms_acquired",
        "arms_interdicted", "mean_corruption", "mean_police_capacity", "us_trust",
    };

    /// <summary>Value of column k (same order as <see cref="Columns"/>).</summary>
    public readonly double Get(int k) => k switch
    {
        0 => Homicides, 1 => HomicidesCartel, 2 => HomicidesState, 3 => HomicidesCivilian, 4 => StateForcesKilled,
        5 => Blockades, 6 => Arrests, 7 => Releases, 8 => Recruits, 9 => Members, 10 => Imprisoned,
        11 => ActiveFactions, 12 => EffectiveFactions, 13 => LargestShare, 14 => NewSplinters, 15 => RivalPairsInContact,
        16 => ContestedCells, 17 => RevenueUsd, 18 => ArmsAcquired, 19 => ArmsInterdicted, 20 => MeanCorruption,
        21 => MeanPoliceCapacity, 22 => UsTrust,
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };
}
