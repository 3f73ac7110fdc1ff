using DecapSim.Core.Timeline;

namespace DecapSim.Core.Parameters;

/// <summary>Every input of a run except the seed: the model is a function of (parameters, seed).</summary>
public sealed record ModelParameters
{
    /// <summary>Calendar date of week 0.</summary>
    [Param("Calendar date of week 0", Unit = "date (yyyy-mm-dd)")]
    public DateOnly StartDate { get; init; } = new(2026, 2, 1);

    /// <summary>Number of weekly steps.</summary>
    [Param("Number of weeks to simulate", Unit = "weeks", Min = 1, Max = 5200)]
    public int Weeks { get; init; } = 520;

    public WorldParameters World { get; init; } = new();
    public FactionParameters Factions { get; init; } = new();
    public EconomyParameters Economy { get; init; } = new();
    public ArmsParameters Arms { get; init; } = new();
    public RecruitmentParameters Recruitment { get; init; } = new();
    public ConflictParameters Conflict { get; init; } = new();
    public EnforcementParameters Enforcement { get; init; } = new();
    public TargetingParameters Targeting { get; init; } = new();
    public SuccessionParameters Succession { get; init; } = new();
    public TerritoryParameters Territory { get; init; } = new();
    public ConsolidationParameters Consolidation { get; init; } = new();
    public StateParameters State { get; init; } = new();
    public ExitParameters Exits { get; init; } = new();

    /// <summary>User-supplied factions and networks (from Factions.File etc.); null = generated from <see cref="Factions"/>.</summary>
    public DecapSim.Core.Factions.InitialFactionData? InitialFactions { get; init; }

    /// <summary>Scheduled interventions (leader removals, policy changes, campaigns).</summary>
    public IReadOnlyList<TimelineEvent> Timeline { get; init; } = Array.Empty<TimelineEvent>();

    /// <summary>True when the world is the single well-mixed cell of the reference model.</summary>
    public bool MeanField => World.Kind == WorldKind.WellMixed;
}

/// <summary>World geometry.</summary>
public sealed record WorldParameters
{
    [Param("World kind: mexico, grid or well-mixed")]
    public WorldKind Kind { get; init; } = WorldKind.Mexico;
    [Param("Grid width (grid world)", Unit = "cells", Min = 1, Max = 4000)]
    public int Width { get; init; } = 50;
    [Param("Grid height (grid world)", Unit = "cells", Min = 1, Max = 4000)]
    public int Height { get; init; } = 50;
    [Param("Number of ports in the grid world", Unit = "cells", Min = 0, Max = 1000)]
    public int Ports { get; init; } = 4;
    [Param("Mean population of a grid cell", Unit = "people", Min = 1, Max = 1e8)]
    public double GridMeanPopulation { get; init; } = 50_000;
    [Param("Exponent of a municipality's population in its route weight (1 = proportional; below 1 = transit matters more than the local market)", Unit = "exponent", Min = 0, Max = 2, Source = "assumption; wholesale trafficking follows routes to the border and ports more than local population (Dell 2015)")]
    public double RoutePopulationExponent { get; init; } = 0.8;
}

/// <summary>The initial factions.</summary>
public sealed record FactionParameters
{
    [Param("Initial faction landscape: present-day (about 150 groups) or year2007 (a handful of cartels)")]
    public Landscape Landscape { get; init; } = Landscape.PresentDay;
    [Param("Number of groups at the start", Unit = "factions", Min = 1, Max = 2000, Source = "Prieto-Curiel et al. 2023: 150 groups in 2020")]
    public int Count { get; init; } = 150;
    [Param("Members at the start", Unit = "members", Min = 1, Max = 10_000_000, Source = "Prieto-Curiel et al. 2023: ~175,000 in 2022")]
    public int InitialMembers { get; init; } = 175_000;
    [Param("Zipf exponent of the unnamed groups' sizes", Min = 0, Max = 5, Source = "Prieto-Curiel et al. 2023 (sizes ~ 1/rank)")]
    public double ZipfExponent { get; init; } = 1.0;
    [Param("Share of groups touched by a rivalry edge", Unit = "share", Min = 0, Max = 1, Source = "Prieto-Curiel et al. 2023: ~half the groups, ~90 edges")]
    public double RivalryCoverage { get; init; } = 0.5;
    [Param("Share of groups touched by an alliance edge", Unit = "share", Min = 0, Max = 1, Source = "Prieto-Curiel et al. 2023: ~half the groups, ~90 edges")]
    public double AllianceCoverage { get; init; } = 0.5;
    [Param("Number of rivalry edges", Unit = "edges", Min = 0, Max = 100000, Source = "Prieto-Curiel et al. 2023: ~90")]
    public int RivalryEdges { get; init; } = 90;
    [Param("Number of alliance edges", Unit = "edges", Min = 0, Max = 100000, Source = "Prieto-Curiel et al. 2023: ~90")]
    public int AllianceEdges { get; init; } = 90;
    [Param("Share of factions whose leader has a designated heir at the start", Unit = "share", Min = 0, Max = 1)]
    public double HeirShare { get; init; } = 0.6;
    [Param("Mean initial cohesion", Unit = "share", Min = 0, Max = 1)]
    public double CohesionMean { get; init; } = 0.6;
    [Param("Guns per member at the start", Unit = "guns/member", Min = 0, Max = 100)]
    public double InitialGunsPerMember { get; init; } = 0.8;
    [Param("Weeks of wages held in the treasury at the start", Unit = "weeks", Min = 0, Max = 10000)]
    public double InitialTreasuryWeeks { get; init; } = 26;
    [Param("Fraction of a faction's members placed in its home region (rest in neighbouring and other regions)", Unit = "share", Min = 0, Max = 1)]
    public double HomeConcentration { get; init; } = 0.5;
    [Param("Share of the unnamed groups whose home state is drawn by route value rather than by population", Unit = "share", Min = 0, Max = 1, Source = "assumption; groups form where trafficking and extortion pay (Atuesta & Ponce 2017)")]
    public double HomeByRouteValue { get; init; } = 1.0;
}

/// <summary>Revenue, wages and bribes.</summary>
public sealed record EconomyParameters
{
    [Param("Trafficking revenue of all routes at full control and demand 1", Unit = "USD/year", Min = 0, Max = 1e12, Source = "assumption; US estimates of Mexican cartel revenue range 19-29 billion USD a year")]
    public double RouteValuePerYear { get; init; } = 20e9;
    [Param("Police wage", Unit = "USD/month", Min = 0, Max = 1e6, Source = "articles (seed 002): police earn ~USD 200 a month")]
    public double PoliceWage { get; init; } = 200;
    [Param("Cartel wage as a multiple of the police wage", Unit = "ratio", Min = 0, Max = 100, Source = "articles (seed 002): cartels pay five times the police wage")]
    public double CartelWageMultiplier { get; init; } = 5;
    [Param("Share of revenue paid in bribes in the cell where it is earned (raises local corruption)", Unit = "share", Min = 0, Max = 1)]
    public double BribeShare { get; init; } = 0.05;
    [Param("Share of revenue spent on arms (bounded by the market supply)", Unit = "share", Min = 0, Max = 1)]
    public double ArmsBudgetShare { get; init; } = 0.05;
    [Param("Revenue share a controller keeps in a contested cell", Unit = "share", Min = 0, Max = 1)]
    public double ContestedRevenueShare { get; init; } = 0.5;
    [Param("Share of the route value a contested cell loses that reroutes to uncontested routes (0 = it vanishes)", Unit = "share", Min = 0, Max = 1, Source = "Dell 2015 (AER): crackdowns divert trafficking to other routes rather than stopping it")]
    public double RerouteShare { get; init; } = 0.9;
    [Param("Weekly desertion probability of a soldier whose faction cannot pay", Unit = "per week", Min = 0, Max = 1)]
    public double DesertionRate { get; init; } = 0.02;
    [Param("Cohesion lost in a week a faction cannot pay", Unit = "per week", Min = 0, Max = 1)]
    public double UnpaidCohesionLoss { get; init; } = 0.02;
    [Param("US drug demand index (1 = today)", Unit = "index", Min = 0, Max = 10)]
    public double Demand { get; init; } = 1.0;
    [Param("Elasticity of recruitment to the demand index", Min = 0, Max = 5)]
    public double DemandElasticity { get; init; } = 0.5;
}

/// <summary>The southbound arms flow.</summary>
public sealed record ArmsParameters
{
    [Param("Southbound firearms flow", Unit = "guns/year", Min = 0, Max = 1e8, Source = "articles: ~135,000 guns a year (2023)")]
    public double FlowPerYear { get; init; } = 135_000;
    [Param("Share of the southbound flow interdicted", Unit = "share", Min = 0, Max = 1, Source = "articles: ~1,200 of ~135,000 seized by CBP in 2023 (~1%)")]
    public double Interdiction { get; init; } = 0.01;
    [Param("Extra lethality at saturation: lambda = 1 + L (1 - exp(-guns per member / g0))", Unit = "multiplier - 1", Min = 0, Max = 10, Source = "assumption; Dube, Dube & Garcia-Ponce 2013 (APSR): more guns raised homicides in border municipalities")]
    public double LethalityPerGun { get; init; } = 1.5;
    [Param("Guns per member g0 at which 63% of the extra lethality is reached (concave, unsaturated)", Unit = "guns/member", Min = 0.01, Max = 100, Source = "assumption; chosen so today's ~1 gun per fighter is below saturation and interdiction matters at the margin")]
    public double LethalityScale { get; init; } = 2.0;
    [Param("Share of a faction's arsenal held by its members in contested cells (the rest spread over its other members)", Unit = "share", Min = 0, Max = 1, Source = "assumption; arms go where the fighting is")]
    public double FrontlineArmsShare { get; init; } = 0.5;
    [Param("Share of acquired arms that are heavy weapons", Unit = "share", Min = 0, Max = 1, Source = "assumption; the articles report rocket launchers seized in Tapalpa")]
    public double HeavyShare { get; init; } = 0.02;
    [Param("Weekly loss of arsenal (seizures, wear)", Unit = "per week", Min = 0, Max = 1)]
    public double Depreciation { get; init; } = 0.015;
    [Param("Price of a gun in Mexico", Unit = "USD", Min = 0, Max = 1e6)]
    public double PricePerGun { get; init; } = 1_500;
    [Param("Extra purchasing weight of a faction holding border cells", Unit = "multiplier - 1", Min = 0, Max = 100)]
    public double BorderAccessBonus { get; init; } = 1.0;
}

/// <summary>Recruitment.</summary>
public sealed record RecruitmentParameters
{
    [Param("Recruitment rate rho", Unit = "recruits per member-week", Min = 0, Max = 1, Source = "calibrated on historical-2012 (members 2022, recruits 2021-22); the mean-field fit of Prieto-Curiel et al. 2023 is 2.527e-3")]
    public double Rho { get; init; } = 2.30e-3;
    [Param("Carrying capacity of recruitment (0 = none)", Unit = "members", Min = 0, Max = 1e9)]
    public double Capacity { get; init; } = 0;
    [Param("Share of recruitment prevented by prevention and jobs programmes", Unit = "share", Min = 0, Max = 1, Source = "policy; Prieto-Curiel et al. 2023 study halving recruitment")]
    public double PreventionEffect { get; init; } = 0;
    [Param("Recruitment multiplier of a faction that could not pay last week", Unit = "ratio", Min = 0, Max = 1)]
    public double UnpaidFactor { get; init; } = 0.5;
    [Param("Mean age of recruits", Unit = "years", Min = 10, Max = 60)]
    public double AgeMean { get; init; } = 22;
    [Param("Standard deviation of recruits' age", Unit = "years", Min = 0, Max = 20)]
    public double AgeSd { get; init; } = 4;
    [Param("Recruits per member lost last week (mobilisation: groups replace their dead and imprisoned)", Unit = "recruits per loss", Min = 0, Max = 10, Source = "assumption; calibrated so that killing does not drain the groups: members 115k (2012) -> ~175k (2022), Prieto-Curiel et al. 2023")]
    public double LossReplacement { get; init; } = 0.5;
    [Param("Extra recruitment of a faction all of whose presence is in contested cells (groups at war recruit and pay more)", Unit = "multiplier - 1", Min = 0, Max = 20, Source = "assumption; Prieto-Curiel et al. 2023 (recruitment sustains the groups' losses)")]
    public double ContestedBoost { get; init; } = 1.0;
    [Param("Recruitable people per 1,000 inhabitants (bounds total membership; 0 = no bound)", Unit = "people per 1,000", Min = 0, Max = 1000, Source = "assumption; ~175,000 members in 2022 among ~126 million people (Prieto-Curiel et al. 2023)")]
    public double RecruitablePer1000 { get; init; } = 4;
}

/// <summary>Armed conflict between factions.</summary>
public sealed record ConflictParameters
{
    [Param("Conflict rate theta", Unit = "deaths per member pair-week", Min = 0, Max = 1, Source = "Prieto-Curiel et al. 2023: 1.549e-8")]
    public double Theta { get; init; } = 1.549e-8;
    [Param("Weight of contact between adjacent cells relative to the same cell", Unit = "ratio", Min = 0, Max = 1)]
    public double AdjacentWeight { get; init; } = 0.25;
    [Param("Spatial world: weekly death hazard of a member facing one rival group of hostility 1 that dominates its cell (each rival dyad adds theta_d K lambda n_g/(n_f + n_g); grows with dyads, not crowding)", Unit = "per member-week", Min = 0, Max = 1, Source = "calibrated on historical-2012: ~6,500 members killed a year in 2021-22 (Prieto-Curiel et al. 2023); dyads drive violence (Atuesta & Ponce 2017)")]
    public double DyadRate { get; init; } = 2.2e-3;
    [Param("Spatial world: hostility between unrelated, unallied groups with no rivalry (the well-mixed reference keeps 1)", Unit = "rivalry weight", Min = 0, Max = 10, Source = "assumption; low values allow a stable arrangement like 2007's (Atuesta & Ponce 2017)")]
    public double BaseHostility { get; init; } = 0.05;
    [Param("Rivalry added per week per contested cell two groups share", Unit = "rivalry weight per cell-week", Min = 0, Max = 10, Source = "assumption; turf wars escalate with contested contact (Osorio 2015)")]
    public double RivalryGrowth { get; init; } = 0.02;
    [Param("Rivalry added when a group's soldiers move into a weakened group's plaza (a vacuum)", Unit = "rivalry weight", Min = 0, Max = 10, Source = "assumption; turf wars over vacuums (Osorio 2015; Dell 2015)")]
    public double IncursionRivalry { get; init; } = 0.05;
    [Param("Half-life of rivalry between groups with no contested contact (peace)", Unit = "weeks", Min = 1, Max = 5200, Source = "assumption")]
    public double RivalryHalfLifeWeeks { get; init; } = 104;
    [Param("Largest rivalry weight", Unit = "rivalry weight", Min = 0, Max = 1000, Source = "assumption")]
    public double MaxRivalry { get; init; } = 6;
    [Param("Civilian victims (collateral, reprisals, non-member homicides) per cartel death, for a paid, unfragmented group", Unit = "ratio", Min = 0, Max = 100, Source = "calibrated on historical-2012 against INEGI homicides 2012-2021")]
    public double CiviliansPerCartelDeath { get; init; } = 3.0;
    [Param("Extra civilian victims per cartel death where a splinter group operates (predation: extortion, kidnapping)", Unit = "multiplier - 1", Min = 0, Max = 20, Source = "Calderon et al. 2015; Jones 2013: splinters turn to extortion and kidnapping")]
    public double SplinterPredation { get; init; } = 0.5;
    [Param("Extra civilian victims per cartel death where a group has lost its route income (share of its wage bill not covered)", Unit = "multiplier - 1", Min = 0, Max = 20, Source = "Calderon et al. 2015; Jones 2013: groups that lose routes prey on civilians")]
    public double IncomeLossPredation { get; init; } = 1.0;
}

/// <summary>Arrests, prison and release.</summary>
public sealed record EnforcementParameters
{
    [Param("Arrest mode: fixed-count (eta per week) or hazard (per member)")]
    public ArrestMode ArrestMode { get; init; } = ArrestMode.Hazard;
    [Param("Incapacitation eta (fixed-count mode)", Unit = "arrests/week", Min = 0, Max = 1e6, Source = "Prieto-Curiel et al. 2023: 110")]
    public double Eta { get; init; } = 110;
    [Param("Base arrest hazard at full police capacity and no corruption (hazard mode)", Unit = "per member-week", Min = 0, Max = 1)]
    public double Eta0 { get; init; } = 2.0e-3;
    [Param("Arrest boost at full intelligence sharing and trust", Unit = "multiplier - 1", Min = 0, Max = 10)]
    public double IntelArrestBoost { get; init; } = 0.5;
    [Param("Arrest boost per unit of federal troop presence", Unit = "multiplier - 1", Min = 0, Max = 10)]
    public double TroopArrestBoost { get; init; } = 1.0;
    [Param("Arrest multiplier (policy; 2 = doubled incapacitation)", Unit = "ratio", Min = 0, Max = 100)]
    public double ArrestMultiplier { get; init; } = 1.0;
    [Param("Mean sentence at full judicial integrity", Unit = "years", Min = 0, Max = 100)]
    public double SentenceYears { get; init; } = 6;
    [Param("Sentence at zero judicial integrity as a share of the full sentence", Unit = "share", Min = 0, Max = 1)]
    public double MinSentenceShare { get; init; } = 0.3;
    [Param("Weekly escape / early-release probability at zero judicial integrity", Unit = "per week", Min = 0, Max = 1)]
    public double EscapeRate { get; init; } = 0.002;
    [Param("Probability a released member returns to the faction", Unit = "share", Min = 0, Max = 1)]
    public double Recidivism { get; init; } = 0.4;
    [Param("Weekly state-killing hazard for members in a violent cell per unit of police capacity and troops", Unit = "per member-week", Min = 0, Max = 1)]
    public double StateKillRate { get; init; } = 1.5e-4;
    [Param("Cartel homicides in a cell last week above which state forces clash there", Unit = "deaths", Min = 0, Max = 1e6)]
    public double ViolentCellThreshold { get; init; } = 1;
    [Param("State forces killed per cartel member killed by the state", Unit = "ratio", Min = 0, Max = 100)]
    public double StateLossRatio { get; init; } = 0.15;
    [Param("Extra state losses against a fully heavy-armed faction", Unit = "multiplier - 1", Min = 0, Max = 100)]
    public double HeavyWeaponStateLoss { get; init; } = 20;
}

/// <summary>Locating and removing leaders and lieutenants.</summary>
public sealed record TargetingParameters
{
    [Param("Weekly probability a leader is located (no intelligence sharing, no corruption)", Unit = "per week", Min = 0, Max = 1)]
    public double LeaderLocateBase { get; init; } = 0.002;
    [Param("Weekly probability a lieutenant is located (no intelligence sharing, no corruption)", Unit = "per week", Min = 0, Max = 1)]
    public double LieutenantLocateBase { get; init; } = 0.004;
    [Param("Level of US-Mexico intelligence sharing", Unit = "share", Min = 0, Max = 1, Source = "articles: January 2026 joint task force")]
    public double IntelSharing { get; init; } = 0.3;
    [Param("Probability a located target is killed rather than captured", Unit = "share", Min = 0, Max = 1)]
    public double PKill { get; init; } = 0.3;
    [Param("Mean members killed in a raid besides the target", Unit = "members", Min = 0, Max = 1000, Source = "articles: 7-8 cartel members killed in the Tapalpa raid")]
    public double RaidMembersKilled { get; init; } = 2;
    [Param("Mean state forces killed in a raid", Unit = "people", Min = 0, Max = 1000)]
    public double RaidStateKilled { get; init; } = 0.3;
    [Param("Sentence of a captured leader or lieutenant", Unit = "years", Min = 0, Max = 100)]
    public double CapturedSentenceYears { get; init; } = 25;
    [Param("Targeting effort: multiplier of the weekly probability that the state locates leaders and lieutenants (a policy lever; 0 = no targeting)", Unit = "multiplier", Min = 0, Max = 3, Source = "assumption (1 = the targeting of 2009-2018, the model's default); the end of the kingpin strategy was declared in early 2019 (President López Obrador's press conference of 30 Jan 2019: officially there is no more war, capturing kingpins is not the government's main task)")]
    public double Effort { get; init; } = 1;
}

/// <summary>Succession, fragmentation and retaliation.</summary>
public sealed record SuccessionParameters
{
    [Param("Soldiers per lieutenant", Unit = "members", Min = 1, Max = 1e6)]
    public double SoldiersPerLieutenant { get; init; } = 400;
    [Param("Most lieutenants a faction has", Unit = "members", Min = 1, Max = 1000)]
    public int MaxLieutenants { get; init; } = 8;
    [Param("Support share above which a lieutenant can found a splinter in a contested succession", Unit = "share", Min = 0, Max = 1)]
    public double SplitThreshold { get; init; } = 0.08;
    [Param("Loyalty above which a soldier counts as support", Unit = "share", Min = 0, Max = 1)]
    public double LoyaltyThreshold { get; init; } = 0.3;
    [Param("Rivalry between splinters of one succession war (after a killing; a capture's is CaptureWarFactor of it)", Unit = "rivalry weight", Min = 0, Max = 1000, Source = "calibrated on el-mencho-2026: Jalisco's 26 weeks after the killing 1.2-2.0x the paired baseline (municipal studies: +36% to +80%, Calderon et al. 2015; Lindo & Padilla-Romo 2018)")]
    public double WarRivalry { get; init; } = 2.5;
    [Param("Half-life of succession-war rivalry", Unit = "weeks", Min = 1, Max = 5200)]
    public double WarHalfLifeWeeks { get; init; } = 78;
    [Param("Weeks a weakened faction's cells pull rivals (vacuum)", Unit = "weeks", Min = 0, Max = 520)]
    public int VacuumWeeks { get; init; } = 52;
    [Param("Extra attraction of a vacuum cell for rivals", Unit = "multiplier - 1", Min = 0, Max = 100)]
    public double VacuumPull { get; init; } = 3;
    [Param("Cohesion lost by a faction whose leader is removed", Unit = "share", Min = 0, Max = 1)]
    public double CohesionShock { get; init; } = 0.2;
    [Param("Cohesion lost by a faction whose leader is captured", Unit = "share", Min = 0, Max = 1, Source = "assumption; a captured leader keeps some authority (Phillips 2015)")]
    public double CaptureCohesionShock { get; init; } = 0.05;
    [Param("Orderly handover after a capture: share of the gap to certainty added to the heir's chance and removed from each rival lieutenant's split chance", Unit = "share", Min = 0, Max = 1, Source = "assumption; killings are more violent than captures (Dickenson 2014; Phillips 2015)")]
    public double CaptureHandover { get; init; } = 0.5;
    [Param("Succession-war rivalry after a capture relative to a killing (a killing brings revenge)", Unit = "ratio", Min = 0, Max = 1, Source = "assumption; killings are more violent than captures (Dickenson 2014; Phillips 2015)")]
    public double CaptureWarFactor { get; init; } = 0.4;
    [Param("Cohesion a faction regains when its jailed ex-leader escapes and takes the leadership back (a one-off gain; by default it undoes a capture's shock)", Unit = "share", Min = 0, Max = 1, Source = "assumption")]
    public double EscapeCohesionGain { get; init; } = 0.05;
    [Param("Contest set off by the extradition of a faction's jailed ex-leader, relative to a killing with no heir: each lieutenant strong enough to split does so with probability ExtraditionWarFactor x (1 - cohesion), and the succession war is WarRivalry x ExtraditionWarFactor", Unit = "ratio", Min = 0, Max = 1, Source = "assumption; after Guzman's extradition (19 Jan 2017) the Sinaloa cartel split between Damaso Lopez and Guzman's sons (InSight Crime, 2017)")]
    public double ExtraditionWarFactor { get; init; } = 0.5;
    [Param("Weeks a removed lieutenant's plazas pull rivals (vacuum)", Unit = "weeks", Min = 0, Max = 520, Source = "assumption; turf wars over vacuums (Osorio 2015)")]
    public int LieutenantVacuumWeeks { get; init; } = 13;
    [Param("Defection probability of a removed lieutenant's group at zero cohesion", Unit = "share", Min = 0, Max = 1)]
    public double DefectionBase { get; init; } = 0.5;
    [Param("Weeks a retaliation wave lasts", Unit = "weeks", Min = 0, Max = 52)]
    public int RetaliationWeeks { get; init; } = 4;
    [Param("Blockades in the first week of a retaliation wave per 1,000 members", Unit = "blockades", Min = 0, Max = 1000, Source = "articles: >250 blockades in 20 states by CJNG (~31,000 members)")]
    public double RetaliationBlockadesPer1000 { get; init; } = 8;
    [Param("State forces killed in the first week of a retaliation wave per 1,000 members", Unit = "people", Min = 0, Max = 100, Source = "articles: 25 National Guard killed in Jalisco")]
    public double RetaliationStateKilledPer1000 { get; init; } = 0.8;
    [Param("Members killed by state forces returning fire in the first week of a retaliation wave per 1,000 members", Unit = "members", Min = 0, Max = 100, Source = "articles (seed 002): security forces returning fire killed 30 cartel gunmen in Jalisco")]
    public double RetaliationMembersKilledPer1000 { get; init; } = 1.0;
    [Param("Retaliation of a capture relative to a kill", Unit = "ratio", Min = 0, Max = 1)]
    public double CaptureRetaliationFactor { get; init; } = 0.3;
    [Param("Weekly decay of a retaliation wave", Unit = "ratio", Min = 0, Max = 1)]
    public double RetaliationDecay { get; init; } = 0.35;
}

/// <summary>Territorial control and movement.</summary>
public sealed record TerritoryParameters
{
    [Param("Runner-up presence (share of the leader's) at which a cell is contested", Unit = "share", Min = 0, Max = 1)]
    public double ContestRatio { get; init; } = 0.5;
    [Param("Weekly probability a soldier considers moving to an adjacent cell", Unit = "per week", Min = 0, Max = 1)]
    public double MoveRate { get; init; } = 0.01;
    [Param("Spin-up weeks before week 0 in which soldiers only move (settles the stylized initial placement)", Unit = "weeks", Min = 0, Max = 520)]
    public int SpinUpWeeks { get; init; } = 6;
    [Param("Warm-up weeks before week 0 in which the whole weekly model runs (no timeline events, no leader targeting) so the world starts at its steady state, not from the stylized initial relations; shared by the replicates of a structure seed. -1 = automatic: 156 weeks for the present-day landscape on the mexico world, 0 for every other world", Unit = "weeks", Min = -1, Max = 1040, Source = "assumption; the present-day world has been at war since 2007, so its rivalries and plazas are settled at the start (docs/model.md, Warm-up)")]
    public int WarmUpWeeks { get; init; } = -1;

    /// <summary>The automatic warm-up of the present-day mexico world (weeks).</summary>
    public const int PresentDayWarmUpWeeks = 156;

    /// <summary>The warm-up weeks a run of <paramref name="p"/> makes (resolves the automatic -1).</summary>
    public static int EffectiveWarmUpWeeks(ModelParameters p) =>
        p.MeanField ? 0
        : p.Territory.WarmUpWeeks >= 0 ? p.Territory.WarmUpWeeks
        : p.World.Kind == WorldKind.Mexico && p.Factions.Landscape == Landscape.PresentDay && p.InitialFactions is null ? PresentDayWarmUpWeeks : 0;
    [Param("Move rate during spin-up", Unit = "per week", Min = 0, Max = 1)]
    public double SpinUpMoveRate { get; init; } = 0.1;
    [Param("Weight of an enemy member against a soldier's share of a cell's value when choosing where to move (own members count 1)", Unit = "ratio", Min = 0, Max = 1000, Source = "assumption; groups hold plazas and probe weakly held or leaderless ones (Osorio 2015)")]
    public double EnemyWeight { get; init; } = 8;
    [Param("Weight of a cell's own value over an adjacent cell's when a soldier compares staying with moving (inertia)", Unit = "ratio", Min = 1, Max = 100, Source = "assumption")]
    public double StayBonus { get; init; } = 1.25;
}

/// <summary>Absorption, dissolution and alliances.</summary>
public sealed record ConsolidationParameters
{
    [Param("Factions below this size are absorbed or dissolve", Unit = "members", Min = 0, Max = 1e6)]
    public int MinFactionSize { get; init; } = 10;
    [Param("Weekly probability a small faction is absorbed", Unit = "per week", Min = 0, Max = 1)]
    public double AbsorbProbability { get; init; } = 0.05;
    [Param("Weekly probability a small faction dissolves", Unit = "per week", Min = 0, Max = 1)]
    public double DissolveProbability { get; init; } = 0.02;
    [Param("Weekly probability a faction that holds no plaza (controls no cell) is absorbed by the strongest group where it stands, or dissolves", Unit = "per week", Min = 0, Max = 1, Source = "assumption; a side that loses its plazas is absorbed or disbands, and the war ends")]
    public double PlazalessEndProbability { get; init; } = 0.02;
    [Param("Half-life of alliances", Unit = "years", Min = 0.1, Max = 1000)]
    public double AllianceHalfLifeYears { get; init; } = 10;
    [Param("Weekly probability a faction forms an alliance with a rival of its rival", Unit = "per week", Min = 0, Max = 1)]
    public double AllianceFormationRate { get; init; } = 0.002;
}

/// <summary>State capacity and the US side.</summary>
public sealed record StateParameters
{
    [Param("Initial police capacity", Unit = "share", Min = 0, Max = 1)]
    public double PoliceCapacity { get; init; } = 0.4;
    [Param("Police capacity the capacity-building policy aims at (equal to initial = no programme)", Unit = "share", Min = 0, Max = 1)]
    public double PoliceCapacityTarget { get; init; } = 0.4;
    [Param("Weekly speed of capacity building toward the target", Unit = "per week", Min = 0, Max = 1)]
    public double CapacityBuildingRate { get; init; } = 0.01;
    [Param("Initial corruption", Unit = "share", Min = 0, Max = 1)]
    public double Corruption { get; init; } = 0.4;
    [Param("Weekly speed at which corruption follows bribe pressure", Unit = "per week", Min = 0, Max = 1)]
    public double CorruptionAdjustRate { get; init; } = 0.01;
    [Param("Police officers per 1,000 inhabitants", Unit = "officers", Min = 0, Max = 100)]
    public double PolicePer1000 { get; init; } = 1.8;
    [Param("Judicial integrity", Unit = "share", Min = 0, Max = 1)]
    public double JudicialIntegrity { get; init; } = 0.4;
    [Param("US cooperation / trust at the start", Unit = "share", Min = 0, Max = 1)]
    public double UsTrust { get; init; } = 0.6;
    [Param("Level US trust recovers toward", Unit = "share", Min = 0, Max = 1)]
    public double UsTrustBaseline { get; init; } = 0.6;
    [Param("Half-life of a trust shock", Unit = "weeks", Min = 1, Max = 5200)]
    public double TrustRecoveryHalfLifeWeeks { get; init; } = 52;
    [Param("Civilian victims per unilateral US strike", Unit = "people", Min = 0, Max = 1000)]
    public double UsStrikeCivilians { get; init; } = 2;
    [Param("US trust lost per unilateral US strike", Unit = "share", Min = 0, Max = 1)]
    public double UsStrikeTrustPenalty { get; init; } = 0.03;
    [Param("Federal troop presence in every cell at the start", Unit = "troop units", Min = 0, Max = 100)]
    public double BaselineTroops { get; init; } = 0.1;
}

/// <summary>Saturation and retirement.</summary>
public sealed record ExitParameters
{
    [Param("Saturation omega", Unit = "per member^2-week", Min = 0, Max = 1, Source = "Prieto-Curiel et al. 2023: 4e-8")]
    public double Omega { get; init; } = 4e-8;
    [Param("Age weighting of exits (log-hazard per year of age; 0 = age-blind)", Unit = "per year", Min = 0, Max = 1)]
    public double AgeSlope { get; init; } = 0.05;
}
