using DecapSim.Experiments.Research;
using DecapSim.Scenarios.Tests;

namespace DecapSim.Experiments.Tests.Research;

/// <summary>The experiment reader under random mutations (FsCheck): a valid load or errors naming the file and a key
/// or line; never another exception, never a hang.</summary>
public sealed class ExperimentFileFuzzTests
{
    [Fact]
    public void ExperimentReader_MutatedFiles_LoadOrNameTheFileAndAKeyOrLine()
    {
        using var t = new ResearchDir();
        var valid = File.ReadAllText(t.Experiment());
        t.Write("targets.csv", "year,value\n2026,10\n2027,12\n");
        var abc = File.ReadAllText(t.Experiment("abc.json", design: """{ "Type": "abc", "Draws": 4, "Quantile": 0.5, "Distance": "rmse", "Target": "targets.csv", "Metric": "homicides" }"""));
        int n = 0;
        ReaderFuzz.Fuzz(mutations =>
        {
            string path = Path.Combine(t.Path, $"e{Interlocked.Increment(ref n)}.json");
            File.WriteAllBytes(path, ReaderFuzz.Apply(mutations.Length % 2 == 0 ? valid : abc, mutations));
            return ReaderFuzz.NamedErrors(ReaderFuzz.Outcome(() => ExperimentFile.Load(path), TimeSpan.FromSeconds(10)));
        }, cases: 200);
    }
}
