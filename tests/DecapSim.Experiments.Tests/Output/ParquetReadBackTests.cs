using DecapSim.Experiments.Output;
using DecapSim.Experiments.Output.Tables;
using DecapSim.Experiments.Research;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Tests.Output;

/// <summary>Every Parquet file a run writes reads back with the same columns and cells as its CSV, and carries the
/// manifest in its key-value metadata.</summary>
public sealed class ParquetReadBackTests : IDisposable
{
    private readonly TestScenarios s = new();
    private readonly List<string> outs = new();
    public void Dispose()
    {
        s.Dispose();
        foreach (var d in outs) try { Directory.Delete(d, true); } catch (IOException) { }
    }

    private string Run(OutputFormat format)
    {
        var dir = s.NewOutDir();
        outs.Add(dir);
        var loaded = s.Load("removal.json");
        RunPipeline.Run(loaded, loaded.Parameters with { Weeks = 20 }, new RunPipeline.Options(dir, 5, 2, 2, false, "test", Report: false) { Format = format });
        return dir;
    }

    [Fact]
    public void Run_Both_EveryParquetFileMatchesItsCsvAndCarriesTheManifest()
    {
        var dir = Run(OutputFormat.Both);
        var tables = new[] { "weekly", "regions", "factions", "events", "summary", "regions_summary" };
        string manifest = File.ReadAllText(Path.Combine(dir, "manifest.json"));
        foreach (var t in tables)
        {
            TableAssert.AssertSameAsCsv(Path.Combine(dir, t + ".parquet"), Path.Combine(dir, t + ".csv"));
            var meta = ParquetTable.Read(Path.Combine(dir, t + ".parquet")).Metadata;
            Assert.Equal(manifest, meta[TableSet.ManifestKey]);
            Assert.Equal(t, meta[TableSet.TableKey]);
        }
        Assert.Contains("\"weekly.parquet\"", manifest);
        Assert.True(ParquetTable.Read(Path.Combine(dir, "events.parquet")).Rows > 0, "the removal scenario logs events");
    }

    [Fact]
    public void Run_ParquetOnly_WritesNoTableCsvAndTheSameData()
    {
        var both = Run(OutputFormat.Both);
        var only = Run(OutputFormat.Parquet);
        Assert.Empty(Directory.GetFiles(only, "*.csv"));
        Assert.True(File.Exists(Path.Combine(only, "manifest.json")));
        foreach (var t in new[] { "weekly", "regions", "factions", "events", "summary", "regions_summary" })
            TableAssert.AssertSameAsCsv(Path.Combine(only, t + ".parquet"), Path.Combine(both, t + ".csv"));
    }

    [Fact]
    public void Run_Csv_IsTheDefaultAndWritesNoParquet()
    {
        var dir = s.NewOutDir();
        outs.Add(dir);
        var loaded = s.Load("small.json");
        RunPipeline.Run(loaded, loaded.Parameters with { Weeks = 5 }, new RunPipeline.Options(dir, 5, 1, 1, false, "test", Report: false));
        Assert.Empty(Directory.GetFiles(dir, "*.parquet"));
        Assert.True(File.Exists(Path.Combine(dir, "weekly.csv")));
    }
}
