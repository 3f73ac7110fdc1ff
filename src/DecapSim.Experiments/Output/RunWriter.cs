using System.Text;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Output;

/// <summary>
/// Streams a run's replicates to weekly.csv, regions.csv, factions.csv and events.csv in replicate order, and keeps
/// the small per-week arrays the summary and the charts need.
/// </summary>
public sealed class RunWriter : IDisposable
{
    private readonly AtomicFile _weekly, _regions, _factions, _events;
    private readonly CsvTable _weeklyCsv, _regionsCsv, _factionsCsv, _eventsCsv;
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

    public RunWriter(string dir, ModelParameters p, string[] regionNames)
    {
        _p = p;
        _regionNames = regionNames;
        _weekly = new AtomicFile(Path.Combine(dir, "weekly.csv"));
        _regions = new AtomicFile(Path.Combine(dir, "regions.csv"));
        _factions = new AtomicFile(Path.Combine(dir, "factions.csv"));
        _events = new AtomicFile(Path.Combine(dir, "events.csv"));
        _weeklyCsv = new CsvTable(_weekly.Writer).Header(WeeklyColumns);
        _regionsCsv = new CsvTable(_regions.Writer).Header(["replicate", "week", "region", "homicides", "blockades", "controller"]);
        _factionsCsv = new CsvTable(_factions.Writer).Header(["replicate", "faction", "name", "parent", "founded_week", "ended_week", "end_reason", "peak_members"]);
        _eventsCsv = new CsvTable(_events.Writer).Header(["replicate", "week", "type", "faction", "region", "detail"]);
    }

    /// <summary>The weekly.csv columns: replicate, week, date, then the metric catalog.</summary>
    public static IEnumerable<string> WeeklyColumns => new[] { "replicate", "week", "date" }.Concat(WeeklyMetrics.Columns);

    /// <summary>The weekly.csv header.</summary>
    public static string WeeklyHeader => string.Join(",", WeeklyColumns);

    /// <summary>Writes one weekly.csv row (shared by `run` and `reference`).</summary>
    public static void WeeklyRow(CsvTable t, int replicate, int week, DateOnly start, in WeeklyMetrics m)
    {
        t.Int(replicate).Int(week).Date(start, week);
        for (int k = 0; k < WeeklyMetrics.Columns.Count; k++) t.Num(m.Get(k));
        t.End();
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
            WeeklyRow(_weeklyCsv, rep, w, _p.StartDate, r.Weekly[w]);
            for (int g = 0; g < _regionNames.Length; g++)
            {
                int c = r.RegionController[w][g];
                _regionsCsv.Int(rep).Int(w).Text(_regionNames[g]).Num(r.RegionHomicides[w][g]).Num(r.RegionBlockades[w][g])
                           .Text(c >= 0 ? names[c].Name : "").End();
            }
        }
        foreach (var f in r.Factions)
            _factionsCsv.Int(rep).Int(f.Id).Text(f.Name).IntOrEmpty(f.Parent).Int(f.FoundedWeek).IntOrEmpty(f.EndedWeek)
                        .Text(f.EndReason).Int(f.PeakMembers).End();
        foreach (var e in r.Events)
            _eventsCsv.Int(rep).Int(e.Week).Text(e.Type).Text(e.Faction).Text(e.Region).Text(e.Detail).End();
    }

    /// <summary>Renames every file into place.</summary>
    public void Commit()
    {
        _weeklyCsv.Dispose(); _regionsCsv.Dispose(); _factionsCsv.Dispose(); _eventsCsv.Dispose();
        _weekly.Commit(); _regions.Commit(); _factions.Commit(); _events.Commit();
    }

    public void Dispose()
    {
        _weekly.Dispose(); _regions.Dispose(); _factions.Dispose(); _events.Dispose();
    }
}
