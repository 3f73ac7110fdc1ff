namespace DecapSim.Cli.Tests.Commands;

/// <summary>`decapsim run --checkpoint-at DATE --checkpoint FILE` and `--from-checkpoint FILE`: the continued run
/// writes the uninterrupted run's files byte for byte; a levers-from-the-date variant branches from it; bad
/// checkpoints are exit 2 with what is wrong.</summary>
public sealed class RunCheckpointsTests : CliTestBase
{
    private static readonly string[] Tables = { "weekly.csv", "events.csv", "factions.csv", "regions.csv", "summary.csv" };

    private string RunTo(string name, params string[] args)
    {
        var outDir = Path.Combine(dir, name);
        var (code, _, err) = Run(["run", "el-mencho-2026", "--weeks", "10", "--replicates", "2", "--seed", "4", "--no-charts", "--no-baseline", "--quiet", "--out", outDir, .. args]);
        Assert.True(code == 0, err);
        return outDir;
    }

    [Fact]
    public void A_run_continued_from_its_checkpoint_writes_the_same_files_and_a_variant_branches_from_it()
    {
        string ck = Path.Combine(dir, "at5.ckpt");
        var straight = RunTo("straight", "--checkpoint-at", "2026-03-08", "--checkpoint", ck);
        Assert.True(File.Exists(ck));
        var resumed = RunTo("resumed", "--from-checkpoint", ck);
        foreach (var t in Tables) Assert.Equal(File.ReadAllText(Path.Combine(straight, t)), File.ReadAllText(Path.Combine(resumed, t)));
        // levers from the checkpoint's date: the same files as that variant run from the start
        string[] lever = { "--set", "Arms.Interdiction=0.7", "--set-from", "2026-03-08" };
        var variant = RunTo("variant", lever);
        var branched = RunTo("branched", [.. lever, "--from-checkpoint", ck]);
        foreach (var t in Tables) Assert.Equal(File.ReadAllText(Path.Combine(variant, t)), File.ReadAllText(Path.Combine(branched, t)));
        Assert.NotEqual(File.ReadAllText(Path.Combine(straight, "weekly.csv")), File.ReadAllText(Path.Combine(variant, "weekly.csv")));
    }

    [Fact]
    public void A_checkpoint_that_does_not_fit_is_exit_2_saying_why()
    {
        string ck = Path.Combine(dir, "at3.ckpt");
        RunTo("first", "--checkpoint-at", "2026-02-22", "--checkpoint", ck);
        (string[] Args, string Message)[] cases =
        {
            (["--seed", "5", "--replicates", "2"], "seed 4"),
            (["--seed", "4", "--replicates", "3"], "2 replicates"),
            (["--seed", "4", "--replicates", "2", "--set", "Conflict.Theta=0.5"], "other parameters"),
            (["--seed", "4", "--replicates", "2", "--set", "Arms.Interdiction=0.7", "--set-from", "2026-02-08"], "other parameters"),
        };
        foreach (var (args, message) in cases)
        {
            var outDir = Path.Combine(dir, "bad");
            var (code, _, err) = Run(["run", "el-mencho-2026", "--weeks", "10", "--no-charts", "--no-baseline", "--quiet", "--out", outDir, "--from-checkpoint", ck, .. args]);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("--from-checkpoint", err);
            Assert.Contains(message, err);
            Assert.False(Directory.Exists(outDir));
        }
        var bytes = File.ReadAllBytes(ck);
        string cut = Path.Combine(dir, "cut.ckpt");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var (c2, _, e2) = Run("run", "el-mencho-2026", "--weeks", "10", "--replicates", "2", "--seed", "4", "--quiet", "--out", Path.Combine(dir, "bad2"), "--from-checkpoint", cut);
        Assert.Equal(ExitCodes.BadInput, c2);
        Assert.Contains("truncated", e2);
        var (c3, _, e3) = Run("run", "el-mencho-2026", "--weeks", "10", "--quiet", "--out", Path.Combine(dir, "bad3"), "--checkpoint-at", "2026-02-22");
        Assert.Equal(ExitCodes.BadInput, c3);
        Assert.Contains("--checkpoint FILE", e3);
    }
}
