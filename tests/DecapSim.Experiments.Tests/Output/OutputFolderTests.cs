using DecapSim.Experiments.Output;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Tests.Output;

/// <summary>One run's files per folder: concurrent runs refused, an earlier set replaced as a whole, foreign and
/// impossible folders refused before any work, no write through a planted link.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly TestScenarios s = new();

    public void Dispose() => s.Dispose();

    private string NewDir(string name) => Path.Combine(s.Dir, name);

    private static RunPipeline.Options Opt(string dir, ulong seed, bool charts = false) => new(dir, seed, 2, 1, charts, "test", Report: false);

    [Fact]
    public void Run_IntoAFolderAnotherRunHolds_IsRefusedNamingTheOwnersPid()
    {
        // the original defect: two runs into one --out left weekly.csv from one and summary.csv from the other
        var dir = NewDir("busy");
        var loaded = s.Load("small.json");
        using (var holder = OutputFolder.Open(dir))
        {
            var e = Assert.Throws<OutputFolderException>(() => RunPipeline.Run(loaded, loaded.Parameters with { Weeks = 5 }, Opt(dir, 1)));
            Assert.Contains("busy", e.Message);
            Assert.Contains($"process {Environment.ProcessId}", e.Message);
        }
        RunPipeline.Run(loaded, loaded.Parameters with { Weeks = 5 }, Opt(dir, 1)); // free again once the holder is gone
        Assert.True(File.Exists(Path.Combine(dir, "weekly.csv")));
    }

    [Fact]
    public void TwoRunsAtOnce_LeaveOneCompleteSetNeverAMix()
    {
        var dir = NewDir("race");
        var loaded = s.Load("small.json");
        var p = loaded.Parameters with { Weeks = 12 };
        var outcomes = new RunPipeline.Outcome?[2];
        var errors = new Exception?[2];
        Parallel.For(0, 2, i =>
        {
            try { outcomes[i] = RunPipeline.Execute(loaded, p, Opt(dir, (ulong)(i + 1))); }
            catch (Exception e) { errors[i] = e; }
        });
        // both may succeed one after the other, or one is refused: never an exception of another kind, never a mix
        Assert.All(errors, e => Assert.True(e is null or OutputFolderException, e?.ToString()));
        Assert.Contains(outcomes, o => o is not null);
        var manifest = File.ReadAllText(Path.Combine(dir, "manifest.json"));
        var seed = manifest.Contains("\"seed\": 1,") ? 1 : 2;
        var expected = RunPipeline.Execute(loaded, p, Opt(NewDir("race-check-" + seed), (ulong)seed));
        foreach (var f in new[] { "weekly.csv", "summary.csv", "regions.csv", "factions.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(NewDir("race-check-" + seed), f)), File.ReadAllText(Path.Combine(dir, f)));
        Assert.NotNull(expected);
    }

    [Fact]
    public void StaleLock_OfADeadProcess_IsTakenOver()
    {
        var dir = NewDir("stale");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, OutputFolder.LockName), "pid 999999 since 2026-01-01T00:00:00Z\n");
        using var folder = OutputFolder.Open(dir);
        Assert.Equal(999999, folder.StaleOwner);
    }

    [Fact]
    public void ReusedFolder_HoldsOnlyTheNewRunsFiles()
    {
        // the original defect: old charts stayed beside a --no-charts run
        var dir = NewDir("reuse");
        var loaded = s.Load("small.json");
        var p = loaded.Parameters with { Weeks = 6 };
        RunPipeline.Run(loaded, p, Opt(dir, 1, charts: true));
        Assert.True(Directory.Exists(Path.Combine(dir, "charts")));
        File.WriteAllText(Path.Combine(dir, "my-notes.txt"), "not DecapSim's: stays");
        RunPipeline.Run(loaded, p, Opt(dir, 2, charts: false));
        Assert.False(Directory.Exists(Path.Combine(dir, "charts")));
        Assert.True(File.Exists(Path.Combine(dir, "my-notes.txt")));
        var listed = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))
            .RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToHashSet();
        var present = Directory.GetFileSystemEntries(dir).Select(Path.GetFileName)
            .Where(n => n is not (OutputFolder.LockName or OutputFolder.SetName or "my-notes.txt")).ToList();
        Assert.All(present, n => Assert.Contains(n!, listed));
    }

    [Fact]
    public void CancelledRun_KeepsTheEarlierSetUntouched()
    {
        var dir = NewDir("keep");
        var loaded = s.Load("small.json");
        var p = loaded.Parameters with { Weeks = 6 };
        RunPipeline.Run(loaded, p, Opt(dir, 1));
        var before = Snapshot(dir);
        using var cts = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => RunPipeline.Run(loaded, p with { Weeks = 40 }, Opt(dir, 2) with { Replicates = 6 }, _ => cts.Cancel(), cts.Token));
        Assert.Equal(before, Snapshot(dir));
    }

    [Fact]
    public void Folder_NotEmptyWithoutADecapSimManifest_IsRefusedBeforeAnyWork()
    {
        var dir = NewDir("foreign");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "thesis.tex"), "precious");
        var e = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(dir));
        Assert.Contains("holds no DecapSim output", e.Message);
        Assert.Equal(new[] { "thesis.tex" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyPath_IsRefused(string path) =>
        Assert.Contains("empty", Assert.Throws<OutputFolderException>(() => OutputFolder.Open(path)).Message);

    [Fact]
    public void PathNamingAFile_IsRefusedBeforeTheSimulation()
    {
        // the original defect: found only after the whole simulation
        var file = s.Write("afile", "x");
        var loaded = s.Load("small.json");
        var e = Assert.Throws<OutputFolderException>(() => RunPipeline.Run(loaded, loaded.Parameters with { Weeks = 5200 }, Opt(file, 1)));
        Assert.Contains("is a file, not a folder", e.Message);
    }

    [Fact]
    public void FolderThatCannotBeCreated_IsRefused()
    {
        var file = s.Write("plain", "x");
        var e = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(Path.Combine(file, "sub")));
        Assert.Contains("cannot create", e.Message);
    }

    [Fact]
    public void PlantedLinks_AreReplacedNotWrittenThrough()
    {
        // the original defect: a weekly.csv.partial symlink in --out made the run overwrite the file it pointed to
        var dir = NewDir("links");
        Directory.CreateDirectory(dir);
        var victim = s.Write("victim.txt", "do not touch");
        var loaded = s.Load("small.json");
        RunPipeline.Run(loaded, loaded.Parameters with { Weeks = 4 }, Opt(dir, 1));
        File.Delete(Path.Combine(dir, "weekly.csv"));
        File.CreateSymbolicLink(Path.Combine(dir, "weekly.csv"), victim);
        File.CreateSymbolicLink(Path.Combine(dir, "weekly.csv.partial"), victim);
        File.CreateSymbolicLink(Path.Combine(dir, "summary.csv.partial"), victim);
        RunPipeline.Run(loaded, loaded.Parameters with { Weeks = 4 }, Opt(dir, 1));
        Assert.Equal("do not touch", File.ReadAllText(victim));
        Assert.Null(new FileInfo(Path.Combine(dir, "weekly.csv")).LinkTarget);
        Assert.StartsWith("replicate,week,date", File.ReadAllText(Path.Combine(dir, "weekly.csv")));
    }

    [Fact]
    public void AtomicFile_TemporaryNamesArePrivateAndCreatedExclusively()
    {
        var target = Path.Combine(s.Dir, "x.csv");
        using var a = new AtomicFile(target);
        using var b = new AtomicFile(target);
        Assert.NotEqual(a.TemporaryPath, b.TemporaryPath);
        Assert.Contains($".{Environment.ProcessId}-", a.TemporaryPath);
        a.Writer.Write("a"); b.Writer.Write("b");
        a.Commit(); b.Commit();
        Assert.Equal("b", File.ReadAllText(target));
        Assert.Empty(Directory.GetFiles(s.Dir, "*.partial"));
    }

    [Fact]
    public void Publish_AfterAnInterruptedPublish_RemovesWhatTheInterruptedSetListed()
    {
        var dir = NewDir("interrupted");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "old.csv"), "half");
        File.WriteAllText(Path.Combine(dir, OutputFolder.SetName), """{ "program": "decapsim", "state": "publishing", "entries": [ "old.csv", "weekly.csv" ] }""");
        using (var folder = OutputFolder.Open(dir))
        {
            AtomicFile.WriteAllText(Path.Combine(folder.Staging, "weekly.csv"), "new");
            folder.Publish();
        }
        Assert.False(File.Exists(Path.Combine(dir, "old.csv")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(dir, "weekly.csv")));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(dir), e => Path.GetFileName(e).StartsWith(".decapsim-staging-", StringComparison.Ordinal));
    }

    private static string Snapshot(string dir) => string.Join("\n", Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(f) != OutputFolder.LockName).Order(StringComparer.Ordinal)
        .Select(f => Path.GetRelativePath(dir, f) + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));
}
