using System.Text;
using DecapSim.Cli;

namespace DecapSim.Cli.Tests.Commands;

/// <summary>CLI-level tests of `decapsim experiment run|merge|slurm`: exit codes and messages, on a tiny grid world.</summary>
public sealed class ExperimentCommandsTests : CliTestBase
{



    private string Experiment(string name, int seed)
    {
        Write("tiny.json", """{ "Weeks": 6, "World": { "Kind": "grid", "Width": 3, "Height": 3 }, "Factions": { "Count": 4, "InitialMembers": 400 } }""");
        return Write(name, $$"""
            { "Scenario": "tiny.json", "Parameters": [ { "Key": "Recruitment.Rho", "Range": [0.001, 0.004] } ],
              "Design": { "Type": "lhs", "Samples": 2 }, "Outputs": [ "members@6" ], "Seed": {{seed}} }
            """);
    }

    [Fact]
    public void Merge_ShardsOfDifferentExperiments_ExitsWith2()
    {
        var a = Experiment("a.json", 1);
        var b = Experiment("b.json", 2);
        Assert.Equal(0, Run("experiment", "run", a, "--shard", "0/2", "--out", Path.Combine(dir, "a0"), "--quiet", "--threads", "1").Code);
        Assert.Equal(0, Run("experiment", "run", b, "--shard", "1/2", "--out", Path.Combine(dir, "b1"), "--quiet", "--threads", "1").Code);
        var (code, _, err) = Run("experiment", "merge", Path.Combine(dir, "a0"), Path.Combine(dir, "b1"), "--out", Path.Combine(dir, "m"));
        Assert.Equal(2, code);
        Assert.Contains("different experiments", err);
    }

    [Fact]
    public void Run_BadExperiment_ExitsWith2AndNamesTheKey()
    {
        Write("tiny.json", "{}");
        var bad = Write("bad.json", """{ "Scenario": "tiny.json", "Parameters": [ { "Key": "Targeting.PKill", "Range": [0.5, 1.5] } ], "Design": { "Type": "lhs" }, "Outputs": [ "members@4" ] }""");
        var (code, _, err) = Run("experiment", "run", bad, "--out", Path.Combine(dir, "x"));
        Assert.Equal(2, code);
        Assert.Contains("Parameters[0].Range", err);
        Assert.Contains("[0.5,1.5]", err.Replace(" ", ""));
        Assert.False(Directory.Exists(Path.Combine(dir, "x")));
    }

    [Theory]
    [InlineData("--shard", "2/2")]
    [InlineData("--shard", "x")]
    [InlineData("--threads", "0")]
    public void Run_BadOption_ExitsWith2(string option, string value)
    {
        var a = Experiment("a.json", 1);
        Assert.Equal(2, Run("experiment", "run", a, option, value, "--out", Path.Combine(dir, "o")).Code);
    }

    [Fact]
    public void Slurm_WritesArrayScript()
    {
        var a = Experiment("a.json", 1);
        var (code, o, _) = Run("experiment", "slurm", a, "--shards", "3", "--partition", "short", "--time", "00:10:00", "--cpus", "2", "--out", Path.Combine(dir, "s"));
        Assert.Equal(0, code);
        Assert.Contains("experiment merge", o);
        var script = File.ReadAllText(Path.Combine(dir, "s", "experiment.sbatch"));
        Assert.Contains("#SBATCH --array=0-2\n", script);
        Assert.Contains("#SBATCH --partition=short\n", script);
        Assert.Contains("#SBATCH --time=00:10:00\n", script);
        Assert.Contains("#SBATCH --cpus-per-task=2\n", script);
        Assert.Contains("--shard \"$SLURM_ARRAY_TASK_ID/3\"", script);
        Assert.Contains("/shard-\"$SLURM_ARRAY_TASK_ID\"", script);
        Assert.Equal(2, Run("experiment", "slurm", a, "--shards", "3", "--time", "ten minutes", "--out", Path.Combine(dir, "s")).Code);
    }
}
