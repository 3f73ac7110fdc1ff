using DecapSim.Core;

namespace DecapSim.Experiments.Runs;

/// <summary>
/// A replicate stopped at the end of a week: its simulation and what it recorded so far. A run whose parameters
/// equal the stopped one's before that week (<see cref="Core.Checkpoints.ParameterFingerprint"/>) continues from it
/// and gets the same results as running from the start. Held unchanged: <see cref="Resume"/> hands out copies.
/// </summary>
public sealed class ReplicateBranch
{
    private readonly Simulation _sim;
    private readonly RunRecorder _recorded;

    /// <summary>Keeps copies of <paramref name="sim"/> and <paramref name="recorded"/> as they are now.</summary>
    public ReplicateBranch(Simulation sim, RunRecorder recorded) : this(sim.Clone(), recorded.Copy(), own: true)
    {
    }

    private ReplicateBranch(Simulation sim, RunRecorder recorded, bool own)
    {
        _ = own;
        _sim = sim;
        _recorded = recorded;
        Fingerprint = Core.Checkpoints.ParameterFingerprint.Before(sim.State.P, sim.Week);
    }

    /// <summary>A branch that takes <paramref name="sim"/> and <paramref name="recorded"/> over (nobody else may
    /// step them): a run checkpoint just read.</summary>
    internal static ReplicateBranch Own(Simulation sim, RunRecorder recorded) => new(sim, recorded, own: true);

    /// <summary>The parameters the branch was run with.</summary>
    public Core.Parameters.ModelParameters Parameters => _sim.State.P;

    /// <summary>Weeks run (the next one is the first the continued run steps).</summary>
    public int Week => _sim.Week;
    /// <summary>Seeds of the replicate.</summary>
    public Seeds Seeds => _sim.Seeds;
    /// <summary>What was recorded.</summary>
    public RunRecording Recording => _recorded.Recording;
    /// <summary>The parameter fingerprint before <see cref="Week"/>.</summary>
    public string Fingerprint { get; }

    /// <summary>A copy to continue with under <paramref name="p"/> (same parameters before <see cref="Week"/>;
    /// the timeline from it on may differ).</summary>
    public (Simulation Simulation, RunRecorder Recorded) Resume(Core.Parameters.ModelParameters p)
    {
        return (_sim.Clone(p), _recorded.Copy());
    }
}

/// <summary>How a model run starts and where it leaves branches (all optional).</summary>
public sealed record RunStart
{
    /// <summary>The shared set-up to copy instead of building the world, factions and spin-up again (same
    /// parameters and structure seed).</summary>
    public SimulationSetUp? SetUp { get; init; }
    /// <summary>A branch to continue from instead of starting at week 0.</summary>
    public ReplicateBranch? From { get; init; }
    /// <summary>Weeks at whose start (after that many weeks) <see cref="OnBranch"/> receives a branch.</summary>
    public IReadOnlyCollection<int> BranchWeeks { get; init; } = Array.Empty<int>();
    /// <summary>Receives the branches at <see cref="BranchWeeks"/>, on the run's thread.</summary>
    public Action<ReplicateBranch>? OnBranch { get; init; }
}
