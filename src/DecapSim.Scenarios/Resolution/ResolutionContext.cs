using Microsoft.Extensions.Configuration;
using static DecapSim.Scenarios.ScenarioLoader;

namespace DecapSim.Scenarios;

/// <summary>The layers of one scenario merged with Microsoft.Extensions.Configuration: finds the layer an effective
/// value came from and collects the errors and warnings of every step of the resolution.</summary>
internal sealed class ResolutionContext
{
    private readonly List<Layer> layers;
    private readonly HashSet<string> reported = new(StringComparer.OrdinalIgnoreCase);

    public ResolutionContext(List<Layer> layers, string path, List<ScenarioError> errors)
    {
        this.layers = layers;
        Path = path;
        Errors = errors;
        var builder = new ConfigurationBuilder();
        foreach (var layer in layers)
            builder.AddInMemoryCollection(layer.Values.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value.Value)));
        Config = builder.Build();
    }

    /// <summary>The scenario file as the user named it (the file of errors that have no other origin).</summary>
    public string Path { get; }

    /// <summary>All layers, defaults first, command line last.</summary>
    public IReadOnlyList<Layer> Layers => layers;

    /// <summary>The merged configuration (later layers win).</summary>
    public IConfigurationRoot Config { get; }

    public List<ScenarioError> Errors { get; }
    public List<ScenarioError> Warnings { get; } = new();

    /// <summary>The layer and source of the effective value of <paramref name="key"/>.</summary>
    public (Layer Layer, Src Src)? Origin(string key)
    {
        var providers = Config.Providers.ToList();
        for (int i = providers.Count - 1; i >= 0; i--)
            if (providers[i].TryGet(key, out _) && layers[i].Values.TryGetValue(key, out var src))
                return (layers[i], src);
        return null;
    }

    /// <summary>Adds an error once per key path and message, at the position of <paramref name="src"/> when known.</summary>
    public void Error(Src? src, string keyPath, string value, string allowed, string message)
    {
        if (!reported.Add(keyPath + "|" + message)) return;
        Errors.Add(new(src?.Origin ?? Path, keyPath, value, allowed, message) { Line = src?.Line, Column = src?.Column });
    }
}
