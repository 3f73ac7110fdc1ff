namespace DecapSim.Core.Factions;

/// <summary>
/// Age and loyalty of new members. The initial members and the recruits are drawn differently on purpose:
/// the initial population is everyone already in an organisation (older, up to 70), recruits are people entering one
/// (youth to middle age: 14 to 60). Both are assumptions, informed by the age profile of homicide victims and
/// perpetrators in Mexico (mostly 15-44); unifying them is a model change (model v2), not a clean-up: these
/// values are the ones every published run used.
/// </summary>
public static class MemberTraits
{
    /// <summary>Mean age (years) of the initial members (Normal).</summary>
    public const double InitialAgeMean = 28;
    /// <summary>Standard deviation of the initial members' age (years).</summary>
    public const double InitialAgeSd = 7;
    /// <summary>Youngest initial member (years): the Normal draw is clamped to [15, 70].</summary>
    public const double InitialAgeMin = 15;
    /// <summary>Oldest initial member (years).</summary>
    public const double InitialAgeMax = 70;
    /// <summary>Youngest recruit (years): the recruits' Normal(Recruitment.AgeMean, AgeSd) draw is clamped to [14, 60].</summary>
    public const double RecruitAgeMin = 14;
    /// <summary>Oldest recruit (years).</summary>
    public const double RecruitAgeMax = 60;
    /// <summary>Lowest loyalty of a new member: loyalty is uniform on [0.3, 1], so nobody joins wholly disloyal
    /// (assumption).</summary>
    public const double LoyaltyMin = 0.3;
}
