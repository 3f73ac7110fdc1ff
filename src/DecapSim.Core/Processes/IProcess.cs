namespace DecapSim.Core.Processes;

/// <summary>One weekly process of MODEL.md section 3. The model runs its processes in a fixed order.</summary>
public interface IProcess
{
    /// <summary>Short name (for profiling and docs).</summary>
    string Name { get; }
    /// <summary>Advances the state by one week for this process.</summary>
    void Step(ModelState s);
}

/// <summary>Purposes of the random streams: each process draws from its own stream, so adding draws to one
/// process does not shift the others.</summary>
internal static class Streams
{
    public const ulong Build = 1, Events = 2, Economy = 3, Arms = 4, Recruitment = 5, Conflict = 6, Enforcement = 7,
        Targeting = 8, Succession = 9, Territory = 10, Consolidation = 11, StateCapacity = 12, Exits = 13, Retaliation = 14,
        Release = 15, Movement = 16, World = 17, WarmUp = 18;
}
