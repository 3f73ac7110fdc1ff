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
    private readonly ModelParameters _p;
    private readonly string[] _regionNames;
    private readonly StringBuilder _sb = new(1 << 16);

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
        _weekly.Writer.WriteLine(WeeklyHeader);
        _regions.Writer.WriteLine("replicate,week,region,homicides,blockades,controller");
        _factions.Writer.WriteLine("replicate,faction,name,parent,founded_week,ended_week,end_reason,peak_members");
        _events.Writer.WriteLine("replicate,week,type,faction,region,detail");
    }

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
        string rep = r.Replicate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var names = r.Factions;
        for (int w = 0; w < r.Weekly.Length; w++)
        {
            var m = r.Weekly[w];
            _weekly.Writer.WriteLine(WeeklyRow(_sb.Clear(), rep, w, _p.StartDate, m));
            for (int g = 0; g < _regionNames.Length; g++)
            {
                int c = r.RegionController[w][g];
                _sb.Clear();
                _sb.Append(rep).Append(',').Append(w).Append(',').Append(Csv.Text(_regionNames[g])).Append(',')
                   .Append(Csv.Num(r.RegionHomicides[w][g])).Append(',').Append(Csv.Num(r.RegionBlockades[w][g])).Append(',')
                   .Append(c >= 0 ? Csv.Text(names[c].Name) : "");
                _regions.Writer.WriteLine(_sb);
            }
        }
        foreach (var f in r.Factions)
            _factions.Writer.WriteLine($"{rep},{f.Id},{Csv.Text(f.Name)},{(f.Parent >= 0 ? f.Parent.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")},{f.FoundedWeek},{(f.EndedWeek >= 0 ? f.EndedWeek.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")},{f.EndReason},{f.PeakMembers}");
        foreach (var e in r.Events)
            _events.Writer.WriteLine($"{rep},{e.Week},{e.Type},{Csv.Text(e.Faction)},{Csv.Text(e.Region)},{Csv.Text(e.Detail)}");
    }

    /// <summary>Renames every file into place.</summary>
    public void Commit()
    {
        _weekly.Commit(); _regions.Commit(); _factions.Commit(); _events.Commit();
    }

    public void Dispose()
    {
        _weekly.Dispose(); _regions.Dispose(); _factions.Dispose(); _events.Dispose();
    }
}
