using DecapSim.Experiments.Output;
using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Compare;

/// <summary>
/// Event study of leader removals: homicides in the removal's region, in the other regions where the faction was
/// present (spillover) and in the neighbouring regions where it was not (adjacent), over the 26 and 52 weeks from
/// the removal week, against the same weeks and regions of the paired baseline replicate (same seed).
/// </summary>
public static class EventStudy
{
    /// <summary>Windows (weeks from the removal week, inclusive) studied.</summary>
    public static readonly int[] WindowsWeeks = { 26, 52 };

    /// <summary>Region types, in output order.</summary>
    public static readonly string[] RegionTypes = { "affected", "spillover", "adjacent" };

    /// <summary>Per-event rows then aggregate rows (replicate "all") for every removal of <paramref name="scenario"/>
    /// whose window ends within both runs. Empty when the two runs do not share the same regions.</summary>
    public static List<EventStudyRow> Compute(ScenarioRun scenario, ScenarioRun baseline)
    {
        var rows = new List<EventStudyRow>();
        var s = scenario.Ensemble; var b = baseline.Ensemble;
        if (!s.RegionNames.SequenceEqual(b.RegionNames)) return rows;
        int weeks = Math.Min(scenario.Parameters.Weeks, baseline.Parameters.Weeks);
        int reps = Math.Min(s.RegionHomicides.Count, b.RegionHomicides.Count);
        foreach (var (k, e) in s.Removals)
        {
            if (k >= reps || e.RegionId < 0) continue;
            var present = e.PresentRegions ?? Array.Empty<int>();
            var groups = new[]
            {
                new[] { e.RegionId },
                present.Where(r => r != e.RegionId).ToArray(),
                s.RegionNeighbours[e.RegionId].Where(r => r != e.RegionId && Array.IndexOf(present, r) < 0).Order().ToArray(),
            };
            foreach (int window in WindowsWeeks)
            {
                if (e.Week + window > weeks) continue;
                for (int t = 0; t < RegionTypes.Length; t++)
                {
                    if (groups[t].Length == 0) continue;
                    double hs = Sum(s.RegionHomicides[k], groups[t], e.Week, window);
                    double hb = Sum(b.RegionHomicides[k], groups[t], e.Week, window);
                    rows.Add(new EventStudyRow(scenario.Name, k.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Week, e.Faction,
                        e.FromTimeline ? "timeline" : "model", RegionTypes[t], groups[t].Select(r => s.RegionNames[r]).ToArray(), window,
                        hs, hb, hs - hb, double.NaN, double.NaN, 1));
                }
            }
        }
        var aggregates = new List<EventStudyRow>();
        foreach (var source in new[] { "timeline", "model" })
            foreach (var type in RegionTypes)
                foreach (int window in WindowsWeeks)
                {
                    var group = rows.Where(r => r.Source == source && r.RegionType == type && r.WindowWeeks == window).ToList();
                    if (group.Count == 0) continue;
                    var ci = PairedInterval.T(group.Select(r => r.Difference).ToArray());
                    aggregates.Add(new EventStudyRow(scenario.Name, "all", null, "", source, type, Array.Empty<string>(), window,
                        group.Average(r => r.HomicidesScenario), group.Average(r => r.HomicidesBaseline), ci.Mean, ci.Low, ci.High, group.Count));
                }
        rows.AddRange(aggregates);
        return rows;
    }

    /// <summary>Homicides summed over <paramref name="regions"/> and weeks [start, start + window).</summary>
    public static double Sum(double[][] regionHomicides, IReadOnlyList<int> regions, int start, int window)
    {
        double sum = 0;
        for (int w = start; w < start + window && w < regionHomicides.Length; w++)
            foreach (int r in regions) sum += regionHomicides[w][r];
        return sum;
    }

    /// <summary>Writes event_study.csv.</summary>
    public static void Write(string path, IEnumerable<EventStudyRow> rows)
    {
        using var f = new AtomicFile(path);
        f.Writer.WriteLine("scenario,replicate,week,faction,source,region_type,regions,window_weeks,homicides_scenario,homicides_baseline,difference,ci_low,ci_high,events");
        foreach (var r in rows)
            f.Writer.WriteLine(string.Join(',', Csv.Text(r.Scenario), r.Replicate, r.Week?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Csv.Text(r.Faction), r.Source, r.RegionType, Csv.Text(string.Join(';', r.Regions)), r.WindowWeeks,
                Csv.Num(r.HomicidesScenario), Csv.Num(r.HomicidesBaseline), Csv.Num(r.Difference), Csv.Num(r.CiLow), Csv.Num(r.CiHigh), r.Events));
        f.Commit();
    }
}
