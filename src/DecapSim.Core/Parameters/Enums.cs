namespace DecapSim.Core.Parameters;

/// <summary>The kind of world the model runs on.</summary>
public enum WorldKind
{
    /// <summary>The 32 Mexican states split into their 2,469 municipalities (stylized layout).</summary>
    Mexico,
    /// <summary>A W x H lattice with a border row and ports.</summary>
    Grid,
    /// <summary>One well-mixed cell: the mean-field mode of the reference model.</summary>
    WellMixed,
}

/// <summary>How arrests are made.</summary>
public enum ArrestMode
{
    /// <summary>A fixed national count per week (eta), spread in proportion to faction size (reference model).</summary>
    FixedCount,
    /// <summary>A per-member weekly hazard from local police capacity, corruption and intelligence.</summary>
    Hazard,
}

/// <summary>Which initial faction landscape to build.</summary>
public enum Landscape
{
    /// <summary>About 150 groups with the published 2020s shares (Prieto-Curiel et al. 2023).</summary>
    PresentDay,
    /// <summary>The 2007 landscape: a handful of large cartels (before the kingpin strategy).</summary>
    Year2007,
}
