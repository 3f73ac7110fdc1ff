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
    public double HomicidesContested;
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

    /// <summary>Column names in output order (after replicate, week, date): the names of <see cref="MetricCatalog"/>.</summary>
    public static IReadOnlyList<string> Columns => MetricCatalog.Names;

    /// <summary>Value of column k (same order as <see cref="Columns"/>).</summary>
    public readonly double Get(int k) => MetricCatalog.All[k].Read(this);
}
