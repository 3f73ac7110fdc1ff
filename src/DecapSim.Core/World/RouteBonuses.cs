namespace DecapSim.Core.World;

/// <summary>
/// How much more a trafficking route is worth at the US border and at sea ports than inland, per person: the one
/// set of numbers both world builders use (<see cref="GridWorldBuilder"/> and <see cref="MexicoWorldBuilder"/>; each
/// combines them with its own distance decay). Assumption of the stylized geography, ordered as the literature
/// describes the trade (crossings into the US first, then the Pacific and Gulf ports that receive precursors and
/// cocaine), not calibrated.
/// </summary>
public static class RouteBonuses
{
    /// <summary>Extra route weight of a border cell (relative to 1 inland).</summary>
    public const double Border = 4;
    /// <summary>Extra route weight of a port cell (relative to 1 inland).</summary>
    public const double Port = 3;
    /// <summary>Extra route weight next to the border, decaying with the distance to it.</summary>
    public const double BorderProximity = 2;
    /// <summary>Extra route weight next to a port, decaying with the distance to it.</summary>
    public const double PortProximity = 1;
}
