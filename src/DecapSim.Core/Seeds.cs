using DecapSim.Core.Random;

namespace DecapSim.Core;

/// <summary>
/// The two seeds of one model run. <see cref="Structure"/> fixes what replicates of an ensemble share: the world's
/// geometry and populations, the initial factions, members and networks, and everything else before week 0 (spin-up
/// moves, warm-up), built once per structure seed (<see cref="SimulationSetUp"/>). <see cref="Dynamics"/> fixes every
/// draw from week 0 on.
/// </summary>
/// <remarks>Every caller (run, compare, batch, experiments, sweeps, the explorer, benchmarks) derives replicate
/// seeds through <see cref="ForReplicate"/>, so replicate k of master seed S is the same model run wherever it is
/// run: <c>decapsim run --seed S --replicates k+1</c> reproduces it.</remarks>
/// <param name="Structure">Seed of the world, the initial factions and the initial networks.</param>
/// <param name="Dynamics">Seed of the run's dynamics.</param>
public readonly record struct Seeds(ulong Structure, ulong Dynamics)
{
    /// <summary>Replicate <paramref name="replicate"/> (0-based) under a master seed: the structure is the master seed
    /// itself, the dynamics are the master seed's child k (a seed tree: replicate k is the same whatever the count).</summary>
    public static Seeds ForReplicate(ulong master, int replicate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        return new Seeds(master, CounterRng.Child(master, (ulong)replicate));
    }

    /// <summary>One seed for both structure and dynamics (a one-off run, a unit test).</summary>
    public static Seeds Single(ulong seed) => new(seed, seed);

    /// <summary>Same as <see cref="Single"/>: lets a test or a one-off run pass a plain number.</summary>
    public static implicit operator Seeds(ulong seed) => Single(seed);
}
