using DecapSim.Experiments.Research;

namespace DecapSim.Experiments.Tests.Research;

/// <summary>The store repairs itself: a truncated, empty, edited or misplaced entry is found, named and run again;
/// merge never copies a corrupt shard file and names it.</summary>
public class ResultStoreTests
{
    private static string[] Entries(string dir) =>
        Directory.GetFiles(Path.Combine(dir, "store"), "*.json").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Resume_WithTruncatedEmptyAndEditedEntries_RunsThoseUnitsAgainAndNamesThem()
    {
        // the original defect: one truncated or empty store file failed every resume with an unhandled exception,
        // and edited numbers were used silently
        using var t = new ResearchDir();
        var e = ExperimentFile.Load(t.Experiment());
        string dir = t.Sub("run");
        ExperimentRunner.Run(e, dir, 0, 1, 2);
        var entries = Entries(dir);
        var good = entries.Select(File.ReadAllBytes).ToArray();
        File.WriteAllBytes(entries[0], good[0].AsSpan(0, good[0].Length / 2).ToArray()); // truncated
        File.WriteAllBytes(entries[1], Array.Empty<byte>());                                // empty
        var edited = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(entries[2]),
            "(\"members@12\": )([0-9.eE+-]+)", m => m.Groups[1].Value + "123456789");
        File.WriteAllText(entries[2], edited);                                               // edited number
        File.Copy(entries[4], entries[3], overwrite: true);                                 // another unit's entry

        var s = ExperimentRunner.Run(e, dir, 0, 1, 2);
        Assert.Equal(4, s.Ran);
        Assert.Equal(4, s.Repaired!.Count);
        Assert.Contains(s.Repaired, r => r.StartsWith(entries[0], StringComparison.Ordinal) && r.Contains("damaged"));
        Assert.Contains(s.Repaired, r => r.StartsWith(entries[1], StringComparison.Ordinal));
        Assert.Contains(s.Repaired, r => r.StartsWith(entries[2], StringComparison.Ordinal) && r.Contains("checksum"));
        Assert.Contains(s.Repaired, r => r.StartsWith(entries[3], StringComparison.Ordinal) && r.Contains("key"));
        for (int i = 0; i < 4; i++) Assert.True(ResultStore.Read(entries[i], Path.GetFileNameWithoutExtension(entries[i]), e, out _, out _) is not null);
        // the repaired store gives the same analysis as a clean one
        string clean = t.Sub("clean");
        ExperimentRunner.Run(e, clean, 0, 1, 1);
        ExperimentReport.Write(e, clean, charts: false);
        ExperimentReport.Write(e, dir, charts: false);
        Assert.Equal(File.ReadAllText(Path.Combine(clean, "results.csv")), File.ReadAllText(Path.Combine(dir, "results.csv")));
    }

    [Fact]
    public void Read_VerifiesChecksumAndKey()
    {
        using var t = new ResearchDir();
        var e = ExperimentFile.Load(t.Experiment());
        string dir = t.Sub("run");
        ExperimentRunner.Run(e, dir, 0, 1, 1);
        var plan = DesignPlan.For(e);
        string key = ExperimentRunner.UnitKey(e, plan, 0), path = ResultStore.PathOf(Path.Combine(dir, "store"), key);
        Assert.NotNull(ResultStore.Read(path, key, e, out var state, out _));
        Assert.Equal(StoredState.Valid, state);
        Assert.Null(ResultStore.Read(path, ExperimentRunner.UnitKey(e, plan, 1), e, out state, out var problem));
        Assert.Equal(StoredState.Corrupt, state);
        Assert.Contains("key", problem);
        Assert.Null(ResultStore.Read(path + ".missing", key, e, out state, out _));
        Assert.Equal(StoredState.Missing, state);
    }

    [Fact]
    public void Merge_CorruptShardFile_IsRefusedNamingTheShardFile_AndRepairedByRerunningTheShard()
    {
        // the original defect: merge copied a corrupt shard file into merged/store and blamed the merged store
        using var t = new ResearchDir();
        var e = ExperimentFile.Load(t.Experiment());
        string a = t.Sub("shard-0"), b = t.Sub("shard-1"), merged = t.Sub("merged");
        ExperimentRunner.Run(e, a, 0, 2, 1);
        ExperimentRunner.Run(e, b, 1, 2, 1);
        var bad = Entries(b)[0];
        File.WriteAllText(bad, "{ \"format\": \"decapsim-unit/2\", \"outp");
        var ex = Assert.Throws<MergeException>(() => ExperimentRunner.Merge(new[] { a, b }, merged));
        Assert.Contains(bad, ex.Message);
        Assert.DoesNotContain(Directory.Exists(Path.Combine(merged, "store")) ? Entries(merged) : Array.Empty<string>(),
            f => Path.GetFileName(f) == Path.GetFileName(bad));
        var s = ExperimentRunner.Run(e, b, 1, 2, 1);
        Assert.Equal(1, s.Ran);
        ExperimentRunner.Merge(new[] { a, b }, merged);
        Assert.Equal(10, Entries(merged).Length);
    }
}
