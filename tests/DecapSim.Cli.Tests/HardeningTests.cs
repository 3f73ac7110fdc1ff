using System.Diagnostics;
using DecapSim.Experiments.Output;

namespace DecapSim.Cli.Tests;

/// <summary>The command line as people expect it, and no input that ends in a crash, a hang or a half-written folder.</summary>
public sealed class HardeningTests : CliTestBase
{
    private const string Tiny = """{ "World": { "Kind": "grid", "Width": 6, "Height": 6 }, "Factions": { "Count": 6, "InitialMembers": 1500 }, "Weeks": 20 }""";

    [Theory]
    [InlineData(new[] { "rn" }, "Did you mean 'run'?", "decapsim --help")]
    [InlineData(new[] { "run", "baseline", "--replicate", "3" }, "Did you mean '--replicates'?", "decapsim run --help")]
    [InlineData(new[] { "compare", "a", "b", "--no-chart" }, "Did you mean '--no-charts'?", "decapsim compare --help")]
    [InlineData(new[] { "experiment", "mrege" }, "Did you mean 'merge'?", "decapsim experiment --help")]
    public void MistypedCommandOrOption_SuggestsTheNearestAndPointsToTheSubcommandsHelp(string[] args, string suggestion, string help)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(suggestion, err);
        Assert.Contains(help, err);
        Assert.DoesNotContain("Required command was not provided", err);
    }

    [Fact]
    public void MistypedBundledScenario_SuggestsTheNearestName()
    {
        var (code, _, err) = Run("validate", "el-menco-2026");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("Did you mean 'el-mencho-2026'?", err);
    }

    [Fact]
    public void ShortAliases_MeanTheLongOptions()
    {
        var s = Write("tiny.json", Tiny);
        var outDir = Path.Combine(dir, "alias");
        var (code, _, err) = Run("run", s, "-o", outDir, "-r", "2", "-s", "17", "--weeks", "3", "--no-charts", "-q");
        Assert.True(code == 0, err);
        using var m = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        Assert.Equal(17UL, m.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal(2, m.RootElement.GetProperty("replicates").GetInt32());
        Assert.Equal(3, m.RootElement.GetProperty("weeks").GetInt32());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("batch")]
    public void SharedOptions_ExistWithTheSameMeaning(string command)
    {
        var (code, help, _) = Run(command, "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--weeks", "--set", "--no-charts", "--replicates", "-r", "--out", "-o", "--seed", "-s" })
            Assert.Contains(option, help);
        Assert.Contains(command == "compare" ? "default 20, at least 2" : "default 1", help);
    }

    [Fact]
    public void Batch_WeeksAndSet_ApplyToEveryScenario()
    {
        var s = Write("tiny.json", Tiny);
        var b = Write("base.json", Tiny);
        var outDir = Path.Combine(dir, "b");
        var (code, _, err) = Run("batch", s, "--baseline", b, "--weeks", "4", "--set", "Arms.Interdiction=0.5", "--no-charts", "-o", outDir, "-q");
        Assert.True(code == 0, err);
        var manifest = File.ReadAllText(Path.Combine(outDir, "tiny", "manifest.json"));
        Assert.Contains("\"weeks\": 4", manifest);
        Assert.False(Directory.Exists(Path.Combine(outDir, "tiny", "charts")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("afile")]
    public void BadOut_IsRefusedBeforeAnythingRuns(string outArg)
    {
        var s = Write("tiny.json", Tiny);
        if (outArg.Length > 0) outArg = Write(outArg, "x");
        var (code, stdout, err) = Run("run", s, "--out", outArg, "--weeks", "5200");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: --out:", err);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void StartDateOutOfRange_IsBadInputForValidateAndRun()
    {
        var s = Write("late.json", Tiny.Replace("\"Weeks\": 20", "\"Weeks\": 20, \"StartDate\": \"9999-12-31\""));
        Assert.Equal(ExitCodes.BadInput, Run("validate", s).Code);
        var outDir = Path.Combine(dir, "late");
        var (code, _, err) = Run("run", s, "-o", outDir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("StartDate", err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void LastResortHandler_SaysWhatFailedInOneLineAndWhereTheDetailsAre()
    {
        var e = new StringWriter();
        int code = CliGuard.Report(new InvalidOperationException("boom\nsecond line"), new CliConsole(new StringWriter(), e));
        Assert.Equal(ExitCodes.RunFailed, code);
        var line = Assert.Single(e.ToString().TrimEnd().Split('\n'));
        Assert.Contains("internal error: InvalidOperationException: boom second line", line);
        var details = System.Text.RegularExpressions.Regex.Match(line, @"details: (.+)\)$").Groups[1].Value;
        Assert.True(File.Exists(details), line);
        Assert.Contains("boom", File.ReadAllText(details));
        File.Delete(details);
    }

    [Fact]
    public void DiskFullInAParallelLoop_IsOneCleanLine()
    {
        // the original defect: a 45-line AggregateException and 0-byte partials
        var e = new StringWriter();
        var outDir = Path.Combine(dir, "full");
        int code = CliGuard.Run(new CliConsole(new StringWriter(), e), outDir, _ =>
            throw new AggregateException(new IOException("No space left on device : '/x/weekly.csv'"), new IOException("No space left on device")));
        Assert.Equal(ExitCodes.RunFailed, code);
        var line = Assert.Single(e.ToString().TrimEnd().Split('\n'));
        Assert.Contains("No space left on device", line);
    }

    [Fact]
    public void SlurmOptionValues_AreValidatedAndNeverBecomeShellLines()
    {
        // the original defect: --partition $'p\ntouch ...' wrote a bare shell line into experiment.sbatch
        Write("tiny.json", Tiny);
        var exp = Write("exp.json", """
            { "Scenario": "tiny.json", "Parameters": [ { "Key": "Recruitment.Rho", "Range": [0.001, 0.004] } ],
              "Design": { "Type": "lhs", "Samples": 2, "Bins": 2 }, "Replicates": 1, "Outputs": [ "members@5" ], "Seed": 1 }
            """);
        var outDir = Path.Combine(dir, "slurm");
        foreach (var (option, value) in new[] { ("--partition", "p\ntouch /tmp/pwned"), ("--partition", "p;id"), ("--command", "decapsim; rm -rf ~"), ("--command", "$(id)") })
        {
            var (code, _, err) = Run("experiment", "slurm", exp, "--shards", "2", "--out", outDir, option, value);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("error: " + option, err);
            Assert.DoesNotContain("\n", err.TrimEnd().Split('\n')[0].Replace("\\x0a", ""));
            Assert.False(File.Exists(Path.Combine(outDir, "experiment.sbatch")));
        }
        var spaced = Path.Combine(dir, "with space");
        var ok = Run("experiment", "slurm", exp, "--shards", "2", "--out", spaced, "--partition", "gpu,cpu");
        Assert.True(ok.Code == 0, ok.Err);
        Assert.Contains($"sbatch '{Path.Combine(spaced, "experiment.sbatch")}'", ok.Out);
    }

    [Fact]
    public void FactionNamedLikeAFormula_IsNeutralisedInTheCsv()
    {
        // the original defect: a faction named =HYPERLINK(...) was written raw into factions.csv
        Assert.Equal("'=HYPERLINK(\"\"http://x\"\")", Csv.Text("=HYPERLINK(\"http://x\")").Trim('"'));
        foreach (var bad in new[] { "=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx" })
        {
            Assert.StartsWith("'", Csv.Text(bad).TrimStart('"'));
            Assert.Equal(bad, Csv.Raw("'" + bad));
        }
        foreach (var fine in new[] { "-1.5", "+3", "1e-5", "CJNG", "Cártel de Sinaloa", "" })
            Assert.Equal(fine, Csv.Text(fine));
    }

    [Fact]
    public void Sigterm_CancelsLikeCtrlC_LeavingNoPartialFiles()
    {
        // the original defect: SIGTERM left .partial files (SIGINT was clean)
        if (OperatingSystem.IsWindows()) return;
        var s = Write("tiny.json", Tiny);
        var outDir = Path.Combine(dir, "term");
        string dll = typeof(Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "run", s, "--weeks", "5200", "-r", "50", "--threads", "1", "--no-charts", "-o", outDir, "-q" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(90) && !p.HasExited &&
               !(Directory.Exists(outDir) && Directory.GetFiles(outDir, "*.partial", SearchOption.AllDirectories).Length > 0))
            Thread.Sleep(50);
        Assert.False(p.HasExited, "the run ended before it could be signalled"); // (err.Result would wait for the child's exit)
        using (var kill = Process.Start("kill", $"-TERM {p.Id}")!) kill.WaitForExit();
        bool exited = p.WaitForExit(60_000);
        if (!exited) p.Kill(entireProcessTree: true);
        Assert.True(exited, "SIGTERM did not stop the run");
        Assert.Equal(ExitCodes.RunFailed, p.ExitCode);
        Assert.Contains("cancelled", err.Result);
        Assert.Empty(Directory.GetFiles(outDir, "*.partial", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFileSystemEntries(outDir).Where(e => Path.GetFileName(e) != OutputFolder.LockName));
    }

    [Fact]
    public void ExperimentFile_AgreesWithTheScenarioParser_OnDuplicateAndCaseInsensitiveKeys()
    {
        // the original defect: "Seed": 7, "Seed": 8 took 8, and keys were case-sensitive, unlike scenario files
        Write("tiny.json", Tiny);
        const string body = """
            "Scenario": "tiny.json", "Parameters": [ { "Key": "Recruitment.Rho", "Range": [0.001, 0.004] } ],
            "Design": { "Type": "lhs", "Samples": 2, "Bins": 2 }, "Replicates": 1, "Outputs": [ "members@5" ]
            """;
        var dup = Write("dup.json", "{ " + body + ", \"Seed\": 7, \"Seed\": 8 }");
        var (code, _, err) = Run("experiment", "slurm", dup, "--shards", "2", "--out", Path.Combine(dir, "d"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("duplicate key", err);
        var scenarioDup = Write("sdup.json", """{ "Seed": 7, "seed": 8 }""");
        Assert.Contains("duplicate key", Run("validate", scenarioDup).Err);
        var lower = Write("lower.json", "{ " + body.Replace("\"Scenario\"", "\"scenario\"").Replace("\"Replicates\"", "\"REPLICATES\"") + ", \"seed\": 7 }");
        var ok = Run("experiment", "slurm", lower, "--shards", "2", "--out", Path.Combine(dir, "l"));
        Assert.True(ok.Code == 0, ok.Err);
    }
}
