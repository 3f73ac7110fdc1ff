using System.Text;

namespace DecapSim.Scenarios.Tests;

/// <summary>A temporary directory for scenario files, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("decapsim-scn-").FullName;

    /// <summary>Writes UTF-8 text (optionally with a BOM) and returns the full path.</summary>
    public string Write(string name, string text, bool bom = false)
    {
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(bom));
        return full;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }
}

/// <summary>Loads scenario files written to a temporary folder (shared by the loader's tests).</summary>
public abstract class ScenarioTestBase : IDisposable
{
    protected readonly TempDir dir = new();
    protected static readonly Dictionary<string, string> NoEnv = new();
    public void Dispose() => dir.Dispose();

    protected static LoadedScenario Load(string path, Dictionary<string, string>? env = null, params string[] sets) =>
        ScenarioLoader.Load(path, env ?? NoEnv, sets);

    protected static ScenarioException Fails(Func<LoadedScenario> load) => Assert.Throws<ScenarioException>(() => load());
}

/// <summary>A model catalog with fixed names.</summary>
public sealed class FakeCatalog(IReadOnlyCollection<string> factions, IReadOnlyCollection<string> regions) : IModelCatalog
{
    public IReadOnlyCollection<string> FactionNames(DecapSim.Core.Parameters.ModelParameters p) => factions;
    public IReadOnlyCollection<string> RegionNames(DecapSim.Core.Parameters.ModelParameters p) => regions;
}
