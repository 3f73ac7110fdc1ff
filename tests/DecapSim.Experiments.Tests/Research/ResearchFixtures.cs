using System.Text;

namespace DecapSim.Experiments.Tests.Research;

/// <summary>A temporary folder with a tiny grid-world scenario and experiment files, deleted on dispose.</summary>
public sealed class ResearchDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("decapsim-research-").FullName;

    public const string TinyScenario = """
    {
      "Name": "tiny grid",
      "Seed": 5,
      "StartDate": "2026-01-04",
      "Weeks": 12,
      "World": { "Kind": "grid", "Width": 4, "Height": 4 },
      "Factions": { "Count": 6, "InitialMembers": 1500 }
    }
    """;

    public ResearchDir() => Write("tiny.json", TinyScenario);

    public string Write(string name, string text)
    {
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
        return full;
    }

    /// <summary>A small experiment on the tiny scenario.</summary>
    public string Experiment(string name = "exp.json", string design = """{ "Type": "lhs", "Samples": 5, "Bins": 2 }""", int replicates = 2, int seed = 3,
        string parameters = """[ { "Key": "Recruitment.Rho", "Range": [0.001, 0.004] }, { "Key": "Conflict.CiviliansPerCartelDeath", "Range": [1, 6] } ]""") =>
        Write(name, $$"""
        {
          "Scenario": "tiny.json",
          "Parameters": {{parameters}},
          "Design": {{design}},
          "Replicates": {{replicates}},
          "Outputs": [ "cumulative_homicides@12", "members@12", "recruits@6..12" ],
          "Seed": {{seed}}
        }
        """);

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }
}
