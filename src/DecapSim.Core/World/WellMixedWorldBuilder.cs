using DecapSim.Core.Parameters;
using DecapSim.Core.Random;

namespace DecapSim.Core.World;

/// <summary>
/// Builds the <c>well-mixed</c> world of the reference (mean-field) model: one cell holding the whole
/// national population, with no neighbours, in one region "Well-mixed".
/// </summary>
/// <remarks>The cell stands for the whole country, so it is flagged both border and port and carries the
/// whole route weight (1).</remarks>
public static class WellMixedWorldBuilder
{
    /// <summary>Builds the one-cell world. Draws nothing from <paramref name="rng"/>.</summary>
    public static World Build(WorldParameters p, StreamRng rng)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(rng);
        return new World(
            population: [checked((int)MexicoStates.TotalPopulation)],
            routeWeight: [1.0],
            region: [0],
            isBorder: [true],
            isPort: [true],
            x: [0f],
            y: [0f],
            adjacencyStart: [0, 0],
            adjacency: [],
            regionNames: ["Well-mixed"],
            regionCodes: ["WM"],
            regionTiles: [(0, 0)],
            regionNeighbours: [[]],
            description: "well-mixed: 1 cell");
    }
}
