using System.Text;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Tests;

/// <summary>Small scenario files (10 x 10 grid, 12 factions, 3,000 members) written to a temporary folder.</summary>
public sealed class TestScenarios : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("decapsim-exp-").FullName;

    public const string Small = """
        { "Name": "Small grid", "Seed": 7, "Weeks": 60,
          "World": { "Kind": "Grid", "Width": 10, "Height": 10, "Ports": 2 },
          "Factions": { "Count": 12, "InitialMembers": 3000, "RivalryEdges": 15, "AllianceEdges": 10 },
          "Territory": { "SpinUpWeeks": 4 } }
        """;

    /// <summary>The small grid with CJNG's leader killed in week 4 (heir unavailable).</summary>
    public const string Removal = """
        { "extends": "small.json", "Name": "Small grid, CJNG leader killed",
          "Timeline": [ { "Type": "remove-leader", "Week": 4, "Faction": "CJNG", "Mode": "kill", "HeirUnavailable": true, "Label": "test removal" } ] }
        """;

    /// <summary>The small grid with ten times the conflict lethality (a large, certain effect on homicides).</summary>
    public const string Lethal = """
        { "extends": "small.json", "Name": "Small grid, 10x conflict lethality", "Conflict": { "DyadRate": 2.2e-2 } }
        """;

    public TestScenarios()
    {
        Write("small.json", Small);
        Write("removal.json", Removal);
        Write("lethal.json", Lethal);
    }

    public string Write(string name, string text)
    {
        var p = Path.Combine(Dir, name);
        File.WriteAllText(p, text, new UTF8Encoding(false));
        return p;
    }

    public string Path_(string name) => Path.Combine(Dir, name);

    public LoadedScenario Load(string name) => ScenarioLoader.Load(Path.Combine(Dir, name));

    public string NewOutDir() => Directory.CreateTempSubdirectory("decapsim-exp-out-").FullName;

    public void Dispose() { try { Directory.Delete(Dir, true); } catch (IOException) { } }

    /// <summary>Parses a CSV file (quoted fields allowed) into header-keyed rows.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = SplitLine(lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = SplitLine(l);
            var row = new Dictionary<string, string>();
            for (int i = 0; i < header.Count; i++) row[header[i]] = i < cells.Count ? cells[i] : "";
            return row;
        }).ToList();
    }

    private static List<string> SplitLine(string line)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        cells.Add(sb.ToString());
        return cells;
    }

    public static double Num(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
