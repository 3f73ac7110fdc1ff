using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using DecapSim.Core.World;

namespace DecapSim.Scenarios;

/// <summary>The model's own names: the initial factions of a parameter set and the regions of its world kind.</summary>
public sealed class CoreModelCatalog : IModelCatalog
{
    public IReadOnlyCollection<string> FactionNames(ModelParameters p) => LandscapeBuilder.InitialNames(p).ToArray();

    public IReadOnlyCollection<string> RegionNames(ModelParameters p) => p.World.Kind switch
    {
        WorldKind.Mexico => MexicoStates.All.Select(s => s.Name).Concat(MexicoStates.All.Select(s => s.Code)).ToArray(),
        WorldKind.Grid => Enumerable.Range(1, Math.Min(32, p.World.Height)).SelectMany(b => new[] { $"Band {b}", $"B{b}" }).ToArray(),
        _ => new[] { "Well-mixed", "WM" },
    };
}
