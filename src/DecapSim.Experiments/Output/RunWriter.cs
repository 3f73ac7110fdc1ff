using System.Text;
using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Output.Tables;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Output;

/// <summary>
/// Streams a run's replicates to the weekly, regions, factions and events tables (CSV and/or Parquet) in replicate order, and keeps
/// the small per-week arrays the summary and the charts need.
/// </summary>
public sealed class RunWriter : IDisposable
{
    private readonly TableSet _tables;
    private readonly TableWriter _weekly, _regions, _factions, _events;
    private readonly ModelParameters _p;
    private readonly string[] _regionNames;

    /// <summary>[replicate][week] metrics of every replicate (for summary.csv and charts).</summary>
    public List<WeeklyMetrics[]> Weekly { get; } = new();
    /// <summary>Per replicate: [week][region] homicides.</summary>
    public List<double[][]> RegionHomicides { get; } = new();
    /// <summary>Per replicate: [week][region] blockades.</summary>
    public List<double[][]> RegionBlockades { get; } = new();
    /// <summary>Leader removals of every replicate (events of type "removal", with faction/region ids and presence).</summary>
    public List<(int Replicate, EventRecord Event)> Removals { get; } = new();
    /// <summary>Region names, in region-id order.</summary>
    public IReadOnlyList<string> RegionNames => _regionNames;
    /// <summary>The first replicate in full (lineage, stacked members, events on charts).</summary>
    public ReplicateResult? First { get; private set; }
    /// <summary>Process timings summed over replicates (ms).</summary>
    public Dictionary<string, double> ProcessMilliseconds { get; } = new();

    /// <summary>Opens the four tables in <paramref name="dir"/> as <paramref name="format"/>; they stay under
    /// partial names until <see cref="Commit"/>.</summary>
    public RunWriter(string dir, ModelParameters p, string[] regionNames, OutputFormat format = OutputFormat.Csv)
    {
        _p = p;
        _regionNames = regionNames;
        _tables = new TableSet(dir, format);
        _weekly = _tables.Open("weekly", WeeklyColumns);
        _regions = _tables.Open("regions", RegionColumns);
        _factions = _tables.Open("factions", FactionColumns);
        _events = _tables.Open("events", EventColumns);
    }

    /// <summary>weekly.csv / weekly.parquet columns.</summary>
    public static readonly TableColumn[] WeeklyColumns =
        new[] { TableColumn.Int("replicate"), TableColumn.Int("week"), TableColumn.Date("date") }
            .Concat(WeeklyMetrics.Columns.Select(TableColumn.Num)).ToArray();

    /// <summary>regions.csv / regions.parquet columns.</summary>
    public static readonly TableColumn[] RegionColumns =
    {
        TableColumn.Int("replicate"), TableColumn.Int("week"), TableColumn.Text("region"), TableColumn.Num("homicides"),
        TableColumn.Num("blockades"), TableColumn.Text("controller", nullable: true),
    };

    /// <summary>factions.csv / factions.parquet columns.</summary>
    public static readonly TableColumn[] FactionColumns =
    {
        TableColumn.Int("replicate"), TableColumn.Int("faction"), TableColumn.Text("name"), TableColumn.Int("parent", nullable: true),
        TableColumn.Int("founded_week"), TableColumn.Int("ended_week", nullable: true), TableColumn.Text("end_reason", nullable: true), TableColumn.Int("peak_members"),
    };

    /// <summary>events.csv / events.parquet columns.</summary>
    public static readonly TableColumn[] EventColumns =
    {
        TableColumn.Int("replicate"), TableColumn.Int("week"), TableColumn.Text("type"), TableColumn.Text("faction", nullable: true),
        TableColumn.Text("region", nullable: true), TableColumn.Text("detail", nullable: true),
    };

    /// <summary>The files of the four tables, relative to the output folder.</summary>
    public IEnumerable<string> Files => _tables.Files;

    /// <summary>The weekly.csv header.</summary>
    public static string WeeklyHeader => "replicate,week,date," + string.Join(",", WeeklyMetrics.Columns);

    /// <summary>Appends one weekly.csv row (shared by `run` and `reference`).</summary>
    public static StringBuilder WeeklyRow(StringBuilder sb, string replicate, int week, DateOnly start, in WeeklyMetrics m)
    {
        sb.Append(replicate).Append(',').Append(week).Append(',').Append(Csv.Date(start, week));
        for (int k = 0; k < WeeklyMetrics.Columns.Count; k++) sb.Append(',').Append(Csv.Num(m.Get(k)));
        return sb;
    }

    /// <summary>Writes one replicate (call in replicate order).</summary>
    public void Add(ReplicateResult r)
    {
        First ??= r;
        Weekly.Add(r.Weekly);
        RegionHomicides.Add(r.RegionHomicides);
        RegionBlockades.Add(r.RegionBlockades);
        foreach (var e in r.Events) if (e.Type == "removal") Removals.Add((r.Replicate, e));
        foreach (var (k, v) in r.ProcessMilliseconds) ProcessMilliseconds[k] = ProcessMilliseconds.GetValueOrDefault(k) + v;
        int rep = r.Replicate;
        var names = r.Factions;
        for (int w = 0; w < r.Weekly.Length; w++)
        {
            var m = r.Weekly[w];
            _weekly.Int(rep).Int(w).Date(_p.StartDate.AddDays(7 * w));
            for (int k = 0; k < WeeklyMetrics.Columns.Count; k++) _weekly.Num(m.Get(k));
            _weekly.EndRow();
            for (int g = 0; g < _regionNames.Length; g++)
            {
                int c = r.RegionController[w][g];
                _regions.Int(rep).Int(w).Text(_regionNames[g]).Num(r.RegionHomicides[w][g]).Num(r.RegionBlockades[w][g])
                    .Text(c >= 0 ? names[c].Name : null).EndRow();
            }
        }
        foreach (var f in r.Factions)
        {
            _factions.Int(rep).Int(f.Id).Text(f.Name);
            if (f.Parent >= 0) _factions.Int(f.Parent); else _factions.Null();
            _factions.Int(f.FoundedWeek);
            if (f.EndedWeek != FactionTable.NoWeek) _factions.Int(f.EndedWeek); else _factions.Null();
            _factions.Text(f.EndReason).Int(f.PeakMembers).EndRow();
        }
        foreach (var e in r.Events)
            _events.Int(rep).Int(e.Week).Text(e.Type).Text(e.Faction).Text(e.Region).Text(e.Detail).EndRow();
    }

    /// <summary>Renames every file into place.</summary>
    /// <remarks><paramref name="manifestJson"/> goes into each Parquet file's key-value metadata.</remarks>
    public void Commit(string? manifestJson = null) => _tables.Commit(manifestJson);

    public void Dispose() => _tables.Dispose();
}
