namespace DecapSim.Core.Timeline;

/// <summary>How a target is removed.</summary>
public enum RemovalMode
{
    /// <summary>Killed: triggers the larger retaliation wave.</summary>
    Kill,
    /// <summary>Captured: imprisoned with a long sentence.</summary>
    Capture,
    /// <summary>Not removed: the event is kept on the timeline but does nothing (the explorer's "none", reproducible
    /// with <c>--set Timeline.N.Mode=none</c>).</summary>
    None,
}

/// <summary>A scheduled intervention, applied at the start of its week.</summary>
public abstract record TimelineEvent
{
    /// <summary>Week the event takes effect (0-based).</summary>
    public int Week { get; init; }
    /// <summary>Free text shown in charts and events.csv.</summary>
    public string Label { get; init; } = "";
}

/// <summary>Removes a faction's leader (or a lieutenant) by kill or capture.</summary>
public sealed record RemoveLeaderEvent : TimelineEvent
{
    /// <summary>Name of the faction (as in factions.csv).</summary>
    public string Faction { get; init; } = "";
    public RemovalMode Mode { get; init; } = RemovalMode.Kill;
    /// <summary>Leader (default) or Lieutenant (the strongest lieutenant).</summary>
    public string Rank { get; init; } = "Leader";
    /// <summary>When true the heir is unavailable (e.g. imprisoned abroad), so the succession is contested.</summary>
    public bool HeirUnavailable { get; init; }
}

/// <summary>Breaks the alliance of two named groups and starts a war of weight <see cref="Rivalry"/>: an
/// alliance ending in war (Sinaloa and the Beltran Leyva brothers in 2008, the Gulf cartel and Los Zetas in 2010). The war
/// weight decays like a succession war's.</summary>
public sealed record RuptureEvent : TimelineEvent
{
    /// <summary>One group (as in factions.csv).</summary>
    public string Faction { get; init; } = "";
    /// <summary>The other group.</summary>
    public string Other { get; init; } = "";
    /// <summary>Their war weight from this week (kept if already higher), on the scale of rivalry weights; null: the
    /// weight of a succession war, <c>Succession.WarRivalry</c>.</summary>
    public double? Rivalry { get; init; }
}

/// <summary>The faction's most recently captured leader still in prison escapes: he takes the leadership back if the
/// faction is still active (the incumbent becomes his lieutenant and heir), otherwise he rejoins its successor.</summary>
public sealed record EscapeEvent : TimelineEvent
{
    /// <summary>Name of the faction (as in factions.csv) whose imprisoned ex-leader escapes.</summary>
    public string Faction { get; init; } = "";
}

/// <summary>The faction's most recently captured leader still in prison is extradited: he leaves the model for good,
/// and with him the arbitration a jailed leader gives, so the faction's succession is contested again.</summary>
public sealed record ExtraditionEvent : TimelineEvent
{
    /// <summary>Name of the faction (as in factions.csv) whose imprisoned ex-leader is extradited.</summary>
    public string Faction { get; init; } = "";
}

/// <summary>Removes the top N leaders across factions (by faction size), spread evenly over a period: a kingpin list.</summary>
public sealed record KingpinListEvent : TimelineEvent
{
    public int Count { get; init; }
    public int OverWeeks { get; init; } = 1;
    public double KillShare { get; init; } = 0.3;
}

/// <summary>Sets or ramps a policy parameter (linearly over RampWeeks).</summary>
public sealed record SetPolicyEvent : TimelineEvent
{
    /// <summary>One of <see cref="PolicyLever"/>'s names.</summary>
    public PolicyLever Parameter { get; init; }
    public double Value { get; init; }
    public int RampWeeks { get; init; }
}

/// <summary>The kind of campaign.</summary>
public enum CampaignKind
{
    /// <summary>Federal troop surge in named regions.</summary>
    TroopSurge,
    /// <summary>Unilateral US strikes: members and leaders killed, civilian victims, trust penalty.</summary>
    UsStrikes,
}

/// <summary>Starts a campaign for a number of weeks.</summary>
public sealed record CampaignEvent : TimelineEvent
{
    public CampaignKind Kind { get; init; }
    public int DurationWeeks { get; init; } = 52;
    /// <summary>Region (state) names; empty = everywhere.</summary>
    public IReadOnlyList<string> Regions { get; init; } = Array.Empty<string>();
    /// <summary>Troop units added per cell (surge) or strikes per week (US strikes).</summary>
    public double Intensity { get; init; } = 1;
}

/// <summary>Policy parameters a timeline can set or ramp.</summary>
public enum PolicyLever
{
    Interdiction,
    IntelSharing,
    UsTrust,
    PoliceWage,
    JudicialIntegrity,
    PreventionEffect,
    Demand,
    PoliceCapacityTarget,
    ArrestMultiplier,
    ArmsFlowPerYear,
    /// <summary>Multiplier of the weekly probability that the state locates leaders and lieutenants (Targeting.Effort).</summary>
    TargetingEffort,
}
