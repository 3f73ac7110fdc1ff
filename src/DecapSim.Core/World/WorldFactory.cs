using DecapSim.Core.Parameters;
using DecapSim.Core.Random;

namespace DecapSim.Core.World;

/// <summary>Builds the world named by <see cref="WorldParameters.Kind"/>.</summary>
public static class WorldFactory
{
    /// <summary>Dispatches to <see cref="MexicoWorldBuilder"/>, <see cref="GridWorldBuilder"/> or <see cref="WellMixedWorldBuilder"/>.</summary>
    public static World Build(WorldParameters p, StreamRng rng)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Kind switch
        {
            WorldKind.Mexico => MexicoWorldBuilder.Build(p, rng),
            WorldKind.Grid => GridWorldBuilder.Build(p, rng),
            WorldKind.WellMixed => WellMixedWorldBuilder.Build(p, rng),
            _ => throw new ArgumentOutOfRangeException(nameof(p), p.Kind, "unknown world kind"),
        };
    }
}
