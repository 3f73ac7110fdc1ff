namespace DecapSim.Core.Metrics;

/// <summary>Kinds of logged events.</summary>
public enum SimEventType : byte
{
    Removal, Succession, ContestedSuccession, Split, Defection, RetaliationWave, Absorption, Dissolution, Extinction,
    Policy, Campaign, LieutenantRemoval,
    /// <summary>A jailed ex-leader escaped (Code: see <see cref="Processes.JailedLeaderEvents"/>; 0 = nobody in prison).</summary>
    Escape,
    /// <summary>A jailed ex-leader was extradited (Code: see <see cref="Processes.JailedLeaderEvents"/>; 0 = nobody in prison).</summary>
    Extradition,
    /// <summary>An alliance ended in war (timeline rupture; Other = the second group, Value = the war weight).</summary>
    Rupture,
}

/// <summary>
/// A logged event (a struct, so logging does not allocate). <see cref="Other"/> is a second faction (the
/// splinter, the absorber, the rival joined) or -1; <see cref="Code"/> says kill (1) or capture (2) for removals.
/// </summary>
public readonly record struct SimEvent(int Week, SimEventType Type, int Faction, int Region, int Other, int Code, double Value, int Label = -1)
{
    /// <summary>The events.csv name of a type (kebab-case).</summary>
    public static string TypeName(SimEventType t) => t switch
    {
        SimEventType.Removal => "removal",
        SimEventType.Succession => "succession",
        SimEventType.ContestedSuccession => "contested-succession",
        SimEventType.Split => "split",
        SimEventType.Defection => "defection",
        SimEventType.RetaliationWave => "retaliation-wave",
        SimEventType.Absorption => "absorption",
        SimEventType.Dissolution => "dissolution",
        SimEventType.Extinction => "extinction",
        SimEventType.Policy => "policy",
        SimEventType.Campaign => "campaign",
        SimEventType.Rupture => "rupture",
        SimEventType.LieutenantRemoval => "lieutenant-removal",
        SimEventType.Escape => "escape",
        SimEventType.Extradition => "extradition",
        _ => t.ToString(),
    };
}
