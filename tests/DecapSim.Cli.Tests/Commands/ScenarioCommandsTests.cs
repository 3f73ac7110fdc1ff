using System.Text;
using DecapSim.Cli;

namespace DecapSim.Cli.Tests.Commands;

/// <summary>CLI-level tests of show, validate and scenarios: exit codes, messages, nothing written.</summary>
public sealed class ScenarioCommandsTests : CliTestBase
{



    /// <summary>Bad inputs: name -> (files to write; the first is the scenario), extra args, text the error must contain.</summary>
    public static TheoryData<string, string[], string[], string> BadInputs() => new()
    {
        { "empty file", new[] { "s.json=" }, Array.Empty<string>(), "empty" },
        { "whitespace file", new[] { "s.json=  \n " }, Array.Empty<string>(), "empty" },
        { "malformed json", new[] { "s.json={\n \"Weeks\": 10\n \"Seed\": 2 }" }, Array.Empty<string>(), "s.json(3,2): malformed JSON" },
        { "NaN literal", new[] { "s.json={ \"Weeks\": NaN }" }, Array.Empty<string>(), "malformed JSON" },
        { "top-level array", new[] { "s.json=[1, 2]" }, Array.Empty<string>(), "top level must be a JSON object" },
        { "huge number", new[] { "s.json={ \"Weeks\": 1e40 }" }, Array.Empty<string>(), "Weeks: 1e40 is out of range" },
        { "NaN string", new[] { "s.json={ \"Recruitment\": { \"Rho\": \"NaN\" } }" }, Array.Empty<string>(), "Recruitment.Rho" },
        { "typo key", new[] { "s.json={ \"Arms\": { \"Interdicton\": 0.1 } }" }, Array.Empty<string>(), "Did you mean 'Arms.Interdiction'" },
        { "unknown top-level", new[] { "s.json={ \"Weaks\": 10 }" }, Array.Empty<string>(), "Did you mean 'Weeks'" },
        { "string for number", new[] { "s.json={ \"Weeks\": \"many\" }" }, Array.Empty<string>(), "Weeks: 'many' is not a number" },
        { "bool for number", new[] { "s.json={ \"Conflict\": { \"Theta\": true } }" }, Array.Empty<string>(), "Conflict.Theta" },
        { "probability above 1", new[] { "s.json={ \"Arms\": { \"Interdiction\": 1.5 } }" }, Array.Empty<string>(), "Arms.Interdiction: 1.5 is out of range" },
        { "negative count", new[] { "s.json={ \"World\": { \"Ports\": -1 } }" }, Array.Empty<string>(), "World.Ports" },
        { "fractional count", new[] { "s.json={ \"Factions\": { \"Count\": 2.5 } }" }, Array.Empty<string>(), "Factions.Count: 2.5 is not a whole number" },
        { "huge int", new[] { "s.json={ \"Succession\": { \"MaxLieutenants\": 1e12 } }" }, Array.Empty<string>(), "Succession.MaxLieutenants" },
        { "bad enum", new[] { "s.json={ \"World\": { \"Kind\": \"flat\" } }" }, Array.Empty<string>(), "World.Kind" },
        { "bad date", new[] { "s.json={ \"StartDate\": \"01/02/2026\" }" }, Array.Empty<string>(), "StartDate" },
        { "section as value", new[] { "s.json={ \"Arms\": 5 }" }, Array.Empty<string>(), "Arms: expected a section object" },
        { "value as object", new[] { "s.json={ \"Weeks\": { \"a\": 1 } }" }, Array.Empty<string>(), "Weeks: expected a single value" },
        { "duplicate key", new[] { "s.json={ \"Weeks\": 1, \"weeks\": 2 }" }, Array.Empty<string>(), "weeks: duplicate key" },
        { "negative week", new[] { "s.json={ \"Timeline\": [ { \"Type\": \"kingpin-list\", \"Week\": -1, \"Count\": 3 } ] }" }, Array.Empty<string>(), "Timeline.0.Week: a negative week" },
        { "event after last week", new[] { "s.json={ \"Weeks\": 10, \"Timeline\": [ { \"Type\": \"kingpin-list\", \"Week\": 12, \"Count\": 3 } ] }" }, Array.Empty<string>(), "Timeline.0.Week" },
        { "date before start", new[] { "s.json={ \"Timeline\": [ { \"Type\": \"kingpin-list\", \"Date\": \"2020-01-01\", \"Count\": 3 } ] }" }, Array.Empty<string>(), "Timeline.0.Date" },
        { "unknown event type", new[] { "s.json={ \"Timeline\": [ { \"Type\": \"remove-leadr\", \"Week\": 1 } ] }" }, Array.Empty<string>(), "Did you mean 'remove-leader'" },
        { "unknown lever", new[] { "s.json={ \"Timeline\": [ { \"Type\": \"set-policy\", \"Week\": 1, \"Parameter\": \"Rho\", \"Value\": 1 } ] }" }, Array.Empty<string>(), "Timeline.0.Parameter" },
        { "missing event field", new[] { "s.json={ \"Timeline\": [ { \"Type\": \"remove-leader\", \"Week\": 1 } ] }" }, Array.Empty<string>(), "Timeline.0.Faction: Faction is required" },
        { "faction not in file", new[] { "s.json={ \"Factions\": { \"File\": \"f.csv\" }, \"Timeline\": [ { \"Type\": \"remove-leader\", \"Week\": 1, \"Faction\": \"Zetas\" } ] }", "f.csv=name,region,members\nCJNG,Jalisco,100\n" }, Array.Empty<string>(), "Timeline.0.Faction: unknown faction 'Zetas'" },
        { "relation name not in file", new[] { "s.json={ \"Factions\": { \"File\": \"f.csv\" }, \"Relations\": { \"AlliancesFile\": \"a.csv\" } }", "f.csv=name,region,members\nCJNG,Jalisco,100\n", "a.csv=a,b,weight\nCJNG,Golfo,1\n" }, Array.Empty<string>(), "a.csv(2): Relations.AlliancesFile: unknown faction 'Golfo'" },
        { "factions file missing", new[] { "s.json={ \"Factions\": { \"File\": \"nope.csv\" } }" }, Array.Empty<string>(), "Factions.File: file not found" },
        { "extends cycle", new[] { "s.json={ \"extends\": \"t.json\" }", "t.json={ \"extends\": \"s.json\" }" }, Array.Empty<string>(), "extends: extends cycle" },
        { "extends missing", new[] { "s.json={ \"extends\": \"gone.json\" }" }, Array.Empty<string>(), "extends: extended file not found" },
        { "bad --set value", new[] { "s.json={}" }, new[] { "--set", "Recruitment.Rho=2" }, "--set: Recruitment.Rho: 2 is out of range" },
        { "bad --set syntax", new[] { "s.json={}" }, new[] { "--set", "Weeks" }, "expected Section.Key=value" },
        { "unknown --set key", new[] { "s.json={}" }, new[] { "--set", "Exits.Omegaa=1" }, "Did you mean 'Exits.Omega'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Validate_BadInput_ExitsTwoNamingTheProblemAndWritesNothing(string name, string[] files, string[] extra, string expected)
    {
        var paths = files.Select(f => Write(f[..f.IndexOf('=')], f[(f.IndexOf('=') + 1)..])).ToArray();
        var before = Directory.GetFileSystemEntries(dir).Order().ToArray();
        foreach (var cmd in new[] { "validate", "show" })
        {
            var (code, _, err) = Run(new[] { cmd, paths[0] }.Concat(extra).ToArray());
            Assert.True(code == 2, $"{name}: {cmd} exit code {code}, stderr: {err}");
            Assert.Contains("error:", err);
            Assert.True(err.Contains(expected), $"{name}: expected '{expected}' in: {err}");
        }
        Assert.Equal(before, Directory.GetFileSystemEntries(dir).Order().ToArray());
    }

    [Fact]
    public void Validate_BinaryFile_ExitsTwo()
    {
        var p = Path.Combine(dir, "bin.json");
        File.WriteAllBytes(p, new byte[] { 0x7B, 0x00, 0xFF, 0xFE, 0x01, 0x7D });
        var (code, _, err) = Run("validate", p);
        Assert.Equal(2, code);
        Assert.Contains("not a text file", err);
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwo()
    {
        var (code, _, err) = Run("validate", Path.Combine(dir, "none.json"));
        Assert.Equal(2, code);
        Assert.Contains("file not found", err);
    }

    [Fact]
    public void Validate_ValidFiles_ExitsZero()
    {
        var a = Write("a.json", "{ \"Weeks\": 10, \"Notes\": { \"Weeks\": \"short test\" } }");
        var b = Write("b.json", "{ \"extends\": \"a.json\" }");
        var (code, o, err) = Run("validate", a, b);
        Assert.Equal(0, code);
        Assert.Contains("a.json: ok", o);
        Assert.Contains("b.json: ok", o);
        Assert.Equal("", err);
    }

    [Fact]
    public void Validate_StrictWithUnannotatedValue_ExitsTwo()
    {
        var a = Write("a.json", "{ \"Weeks\": 10 }");
        Assert.Equal(0, Run("validate", a).Code);
        var (code, _, err) = Run("validate", "--strict", a);
        Assert.Equal(2, code);
        Assert.Contains("warning:", err);
        Assert.Contains("Weeks", err);
    }

    [Fact]
    public void Show_ValidScenario_PrintsValuesLayersAndTimeline()
    {
        Write("base.json", "{ \"Arms\": { \"Interdiction\": 0.1 } }");
        var s = Write("s.json", "{ \"extends\": \"base.json\", \"Recruitment\": { \"Rho\": 0.003 }, \"Timeline\": [ { \"Type\": \"set-policy\", \"Week\": 4, \"Parameter\": \"demand\", \"Value\": 0.5, \"RampWeeks\": 10 } ] }");
        var (code, o, _) = Run("show", s, "--set", "Exits.Omega=5e-8");
        Assert.Equal(0, code);
        var lines = o.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Arms.Interdiction") && l.Contains("0.1") && l.Contains("base.json"));
        Assert.Contains(lines, l => l.StartsWith("Recruitment.Rho") && l.Contains("0.003") && l.Contains("s.json"));
        Assert.Contains(lines, l => l.StartsWith("Exits.Omega") && l.Contains("5E-08") && l.Contains("--set"));
        Assert.Contains("set-policy Economy.Demand = 0.5 ramped over 10 weeks", o);
        Assert.DoesNotContain(lines, l => l.StartsWith("Conflict.Theta"));
    }

    [Fact]
    public void Show_AllOption_ListsDefaults()
    {
        var (code, o, _) = Run("show", Write("s.json", "{}"), "--all");
        Assert.Equal(0, code);
        Assert.Contains(o.Split('\n'), l => l.StartsWith("Conflict.Theta") && l.Contains("default"));
    }

    [Fact]
    public void Scenarios_Directory_ListsNamesAndQuestions()
    {
        var sd = Directory.CreateDirectory(Path.Combine(dir, "scenarios")).FullName;
        File.WriteAllText(Path.Combine(sd, "baseline.json"), "{ \"Question\": \"What happens if nothing changes?\" }");
        File.WriteAllText(Path.Combine(sd, "broken.json"), "{ \"Weeks\": -1 }");
        var (code, o, _) = Run("scenarios", "--dir", sd);
        Assert.Equal(0, code);
        Assert.Contains("baseline  What happens if nothing changes?", o);
        Assert.Contains("broken    (invalid:", o);
    }

    [Fact]
    public void Scenarios_MissingDirectory_ExitsTwo()
    {
        var (code, _, err) = Run("scenarios", "--dir", Path.Combine(dir, "nope"));
        Assert.Equal(2, code);
        Assert.Contains("no scenarios directory", err);
    }

    [Fact]
    public void TryLoad_BadScenario_PrintsErrorsAndReturnsFalse()
    {
        var e = new StringWriter();
        var ok = ScenarioCli.TryLoad(Write("s.json", "{ \"Weeks\": 0 }"), null, new CliConsole(new StringWriter(), e), out _);
        Assert.False(ok);
        Assert.StartsWith("error: ", e.ToString());
        Assert.Contains("Weeks", e.ToString());
    }
}
