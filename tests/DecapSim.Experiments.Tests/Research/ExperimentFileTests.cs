using DecapSim.Experiments.Research;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Tests.Research;

/// <summary>Experiment files follow the JSON policy of scenario files (<see cref="JsonInputPolicy"/>).</summary>
public sealed class ExperimentFileTests
{
    private const string Body = """
        "Scenario": "tiny.json", "Parameters": [ { "Key": "Recruitment.Rho", "Range": [0.001, 0.004] } ],
        "Design": { "Type": "lhs", "Samples": 2 }, "Outputs": [ "members@12" ]
        """;

    [Fact]
    public void Load_DuplicateKey_IsRefusedWithItsPosition()
    {
        using var t = new ResearchDir();
        var path = t.Write("dup.json", "{ " + Body + ",\n  \"Seed\": 1, \"seed\": 2 }");
        var err = Assert.Single(Assert.Throws<ScenarioException>(() => ExperimentFile.Load(path)).Errors);
        Assert.Equal("Seed", err.KeyPath, ignoreCase: true);
        Assert.Equal("duplicate key", err.Message);
        Assert.Equal(3, err.Line);
    }

    [Fact]
    public void Load_KeysInAnyCase_AreTheSameKeys()
    {
        using var t = new ResearchDir();
        var upper = ExperimentFile.Load(t.Write("a.json", "{ \"Name\": \"x\", " + Body + ", \"Seed\": 9 }"));
        var lower = ExperimentFile.Load(t.Write("b.json", """
            { "name": "x", "scenario": "tiny.json", "PARAMETERS": [ { "key": "Recruitment.Rho", "range": [0.001, 0.004] } ],
              "design": { "type": "lhs", "samples": 2 }, "outputs": [ "members@12" ], "seed": 9 }
            """));
        Assert.Equal(upper.Id, lower.Id);
        Assert.Equal(9UL, lower.Seed);
    }

    [Fact]
    public void Load_Errors_NameFileLineKeyValueAndAllowed()
    {
        using var t = new ResearchDir();
        var path = t.Write("bad.json", "{ " + Body + ",\n  \"Replicates\": 0, \"Replicats\": 1 }");
        var errors = Assert.Throws<ScenarioException>(() => ExperimentFile.Load(path)).Errors;
        var rep = Assert.Single(errors, e => e.KeyPath == "Replicates");
        Assert.Equal((path, "0", "a whole number in [1, 100000]", 3), (rep.File, rep.Value, rep.Allowed, rep.Line!.Value));
        Assert.Contains(errors, e => e.KeyPath == "Replicats" && e.Message.Contains("Did you mean 'Replicates'"));
    }

    [Fact]
    public void Load_MalformedJson_ReportsLineAndColumn()
    {
        using var t = new ResearchDir();
        var path = t.Write("m.json", "{\n  \"Scenario\": \"tiny.json\"\n  \"Seed\": 1 }");
        var err = Assert.Single(Assert.Throws<ScenarioException>(() => ExperimentFile.Load(path)).Errors);
        Assert.StartsWith("malformed JSON", err.Message);
        Assert.Equal(3, err.Line);
    }

    [Fact]
    public void Load_WrongShapes_AreEachReportedWithTheValue()
    {
        using var t = new ResearchDir();
        var path = t.Write("s.json", """
            { "Name": 3, "Scenario": "tiny.json", "Overrides": [1], "Parameters": [ 7 ],
              "Design": { "Type": "lhs", "Samples": "two" }, "Seed": -1, "Outputs": "members@12" }
            """);
        var errors = Assert.Throws<ScenarioException>(() => ExperimentFile.Load(path)).Errors;
        Assert.Contains(errors, e => e is { KeyPath: "Name", Value: "3", Message: "must be a string" });
        Assert.Contains(errors, e => e is { KeyPath: "Overrides", Value: "[1]", Message: "must be an object" });
        Assert.Contains(errors, e => e is { KeyPath: "Parameters[0]", Value: "7", Message: "must be an object" });
        Assert.Contains(errors, e => e is { KeyPath: "Design.Samples", Value: "\"two\"", Message: "out of range" });
        Assert.Contains(errors, e => e is { KeyPath: "Seed", Value: "-1", Message: "not a seed" });
    }

    [Fact]
    public void ReadTarget_CommentsBlankLinesAndQuotedFields_AreRead()
    {
        using var t = new ResearchDir();
        var csv = t.Write("target.csv", "# INEGI, rounded\n\nyear , value\n2012,\"25967\"\n  # an indented comment\n2013, 23063.5\n");
        var errors = new List<ScenarioError>();
        var target = ExperimentFile.ReadTarget(csv, "target.csv", "homicides", "exp.json", errors);
        Assert.Empty(errors);
        Assert.True(target!.ByYear);
        Assert.Equal(new[] { 2012, 2013 }, target.Keys);
        Assert.Equal(new[] { 25967, 23063.5 }, target.Values);
    }

    [Theory]
    [InlineData("yr,value\n2012,1\n", "header must be year,value or week,value", "yr,value")]
    [InlineData("week,value\n3,1\n4,x\n", "row 2: expected a whole number and a number", "4,x")]
    [InlineData("week,value\n3,1\n3,2\n", "row 2: week 3 appears twice", "3,2")]
    [InlineData("# only a comment\nweek,value\n", "no data rows", "t.csv")]
    public void ReadTarget_BadFile_SaysWhichRowAndWhy(string text, string message, string value)
    {
        using var t = new ResearchDir();
        var csv = t.Write("t.csv", text);
        var errors = new List<ScenarioError>();
        Assert.Null(ExperimentFile.ReadTarget(csv, "t.csv", "homicides", "exp.json", errors));
        var err = Assert.Single(errors);
        Assert.Equal(("exp.json", "Design.Target", value), (err.File, err.KeyPath, err.Value));
        Assert.Contains(message, err.Message);
    }
}
