using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;

namespace DecapSim.Core;

/// <summary>
/// What the replicates of one structure seed share: the state at week 0 after the world, the initial factions,
/// members and networks, and the spin-up, all of which depend on (parameters, structure seed) only. Build it once
/// per structure seed and <see cref="Start"/> each replicate from a copy of it with its own dynamics seed:
/// <c>SimulationSetUp.Build(p, seeds.Structure).Start(seeds)</c> is the same run as <c>new Simulation(p, seeds)</c>.
/// </summary>
/// <remarks>Thread-safe to <see cref="Start"/> from several threads (the set-up itself is only read).</remarks>
public sealed class SimulationSetUp
{
    private readonly ModelState _state;

    private SimulationSetUp(ModelState state, ulong structure) { _state = state; StructureSeed = structure; }

    /// <summary>The parameters it was built from.</summary>
    public ModelParameters Parameters => _state.P;
    /// <summary>The structure seed it was built from.</summary>
    public ulong StructureSeed { get; }

    /// <summary>Builds the shared set-up of <paramref name="p"/> under <paramref name="structureSeed"/>.</summary>
    public static SimulationSetUp Build(ModelParameters p, ulong structureSeed, IFactionNaming? naming = null) =>
        new(Simulation.BuildSetUp(p, structureSeed, naming), structureSeed);

    /// <summary>A new run from a copy of the set-up with <paramref name="seeds"/>' dynamics seed (whose structure
    /// seed must be the set-up's).</summary>
    public Simulation Start(Seeds seeds, IReadOnlyList<IProcess>? schedule = null) => Start(seeds, _state.P, schedule);

    /// <summary>A new run of <paramref name="p"/> from a copy of the set-up, which may have been built from other
    /// parameters with the same <see cref="Checkpoints.ParameterFingerprint.SetUp"/> (another policy on the same
    /// warmed-up world: compare's scenarios): the same run as <c>Build(p, seeds.Structure).Start(seeds)</c>.</summary>
    /// <exception cref="ArgumentException">The set-up of <paramref name="p"/> would differ from this one.</exception>
    public Simulation Start(Seeds seeds, ModelParameters p, IReadOnlyList<IProcess>? schedule = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (seeds.Structure != StructureSeed)
            throw new ArgumentException($"the set-up was built for structure seed {StructureSeed}, not {seeds.Structure}", nameof(seeds));
        bool own = ReferenceEquals(p, _state.P);
        if (!own && Fingerprint != Checkpoints.ParameterFingerprint.SetUp(p))
            throw new ArgumentException("the set-up was built from parameters whose world, landscape or warm-up differ from these", nameof(p));
        var state = Checkpoints.SimulationCheckpoint.CopyState(_state, p);
        // the warm-up ended by starting the scenario's levers (Simulation.WarmUp); here they are this run's
        if (!own && TerritoryParameters.EffectiveWarmUpWeeks(p) > 0) state.Policy = new State.PolicyState(p);
        return new Simulation(state, seeds, schedule);
    }

    private string? _fingerprint;

    /// <summary>The <see cref="Checkpoints.ParameterFingerprint.SetUp"/> of the parameters it was built from.</summary>
    public string Fingerprint => _fingerprint ??= Checkpoints.ParameterFingerprint.SetUp(_state.P);
}
