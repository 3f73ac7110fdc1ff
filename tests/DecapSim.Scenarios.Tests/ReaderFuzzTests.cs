using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace DecapSim.Scenarios.Tests;

/// <summary>The scenario and CSV readers under random and mutated files (see <see cref="ReaderFuzz"/>).</summary>
public sealed class ReaderFuzzTests : IDisposable
{
    private readonly TempDir t = new();

    public void Dispose() => t.Dispose();

    private static readonly string[] ScenarioSeeds =
    {
        """{ "Name": "fuzz", "Seed": 3, "StartDate": "2026-01-04", "Weeks": 20, "World": { "Kind": "grid", "Width": 5, "Height": 5 }, "Factions": { "Count": 4, "InitialMembers": 900 }, "Notes": { "Weeks": "short" } }""",
        """
        // a commented file
        { "Question": "what if?", "Sources": ["a", "b"], "Arms": { "Interdiction": 0.3 },
          "Timeline": [ { "Type": "set-policy", "Week": 2, "Parameter": "Arms.Interdiction", "Value": 0.5, "RampWeeks": 2 },
                        { "Type": "kingpin-list", "Date": "2026-03-01", "Count": 2, "OverWeeks": 4, "KillShare": 0.5 } ],
          "Weeks": 30, "World": { "Kind": "wellmixed" } }
        """,
        """{ "Factions": { "File": "f.csv" }, "Relations": { "RivalriesFile": "r.csv" }, "World": { "Kind": "wellmixed" }, "Weeks": 10 }""",
    };

    [Fact]
    public void ScenarioReader_MutatedFiles_LoadOrNameTheFileAndAKeyOrLine()
    {
        t.Write("f.csv", "name,region,members\nA,North,100\nB,South,200\n");
        t.Write("r.csv", "a,b,weight\nA,B,1\n");
        int n = 0;
        ReaderFuzz.Fuzz(mutations =>
        {
            string path = Path.Combine(t.Path, $"s{Interlocked.Increment(ref n)}.json");
            File.WriteAllBytes(path, ReaderFuzz.Apply(ScenarioSeeds[(uint)mutations.Length % ScenarioSeeds.Length], mutations));
            return ReaderFuzz.NamedErrors(ReaderFuzz.Outcome(() => ScenarioLoader.Load(path, new Dictionary<string, string>(), new[] { "Seed=4" }), TimeSpan.FromSeconds(10)));
        });
    }

    [Fact]
    public void CsvReader_MutatedTables_LoadOrNameTheFileAndAKeyOrLine()
    {
        var scenario = t.Write("csv.json", """{ "Factions": { "File": "t.csv" }, "Relations": { "AlliancesFile": "a.csv" }, "World": { "Kind": "wellmixed" }, "Weeks": 5 }""");
        const string factions = "name,region,members\n\"Cártel, \"\"Nuevo\"\"\",North,100\nB,South,200\nC,,0\n";
        const string alliances = "a,b,weight\n\"Cártel, \"\"Nuevo\"\"\",B,0.5\nB,C,2\n";
        ReaderFuzz.Fuzz(mutations =>
        {
            var half = mutations.Length / 2;
            File.WriteAllBytes(Path.Combine(t.Path, "t.csv"), ReaderFuzz.Apply(factions, mutations.Take(half)));
            File.WriteAllBytes(Path.Combine(t.Path, "a.csv"), ReaderFuzz.Apply(alliances, mutations.Skip(half)));
            return ReaderFuzz.NamedErrors(ReaderFuzz.Outcome(() => ScenarioLoader.Load(scenario), TimeSpan.FromSeconds(10)));
        }, cases: 200);
    }

    [Fact]
    public void Readers_RandomBytes_NeverThrowAnythingElse()
    {
        var gen = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).ToArbitrary();
        int n = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150).WithQuietOnSuccess(true), Prop.ForAll(gen, bytes =>
        {
            string path = Path.Combine(t.Path, $"r{Interlocked.Increment(ref n)}.json");
            File.WriteAllBytes(path, bytes);
            return ReaderFuzz.NamedErrors(ReaderFuzz.Outcome(() => ScenarioLoader.Load(path), TimeSpan.FromSeconds(10)));
        }));
    }
}
