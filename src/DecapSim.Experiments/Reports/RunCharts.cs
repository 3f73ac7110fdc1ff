using System.Globalization;
using DecapSim.Charts;
using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.World;
using DecapSim.Experiments.Runs;
using DecapSim.Scenarios;
using ScottPlot;

namespace DecapSim.Experiments.Reports;

/// <summary>What the charts of one run read: the scenario's replicates and, when it has one, its counterfactual's.</summary>
/// <param name="Title">The scenario's title.</param>
/// <param name="Parameters">The scenario's resolved parameters.</param>
/// <param name="Weekly">[replicate][week] metrics of the scenario.</param>
/// <param name="RegionHomicides">Per replicate, [week][region] homicides.</param>
/// <param name="First">Replicate 0 in full (members by faction, lineage), when kept.</param>
/// <param name="World">The world the replicates ran on (tile positions, populations).</param>
/// <param name="Baseline">The counterfactual run with the same seeds, or null.</param>
public sealed record RunChartData(string Title, Core.Parameters.ModelParameters Parameters, IReadOnlyList<WeeklyMetrics[]> Weekly,
    IReadOnlyList<double[][]> RegionHomicides, ReplicateResult? First, World World, BaselineRun? Baseline = null);

/// <summary>The counterfactual of a run: its name and its replicates (replicate k with the same seed as the scenario's).</summary>
public sealed record BaselineRun(string Name, IReadOnlyList<WeeklyMetrics[]> Weekly);

/// <summary>The product's charts for one run: violence (with the counterfactual), fragmentation, who holds the
/// members, state and arms, a tile map of Mexico and the lineage tree, built as ScottPlot figures.</summary>
public static class RunCharts
{
    /// <summary>Width of every run chart (pixels).</summary>
    public const int Width = 1000;

    /// <summary>Height of the single-panel charts (pixels).</summary>
    public const int Height = 520;

    /// <summary>Weeks of the rolling mean of weekly counts.</summary>
    public const int Smooth = 4;

    /// <summary>Builds every chart (no rendering, no I/O), in display order.</summary>
    public static IReadOnlyList<ChartSpec> Build(RunChartData d)
    {
        var p = d.Parameters;
        var xs = ChartDates.Weeks(p.StartDate, p.Weeks);
        var marks = TimelineMarks(p);
        int reps = d.Weekly.Count;
        var charts = new List<ChartSpec>
        {
            new("violence", "Violence over time", Violence(d, xs, marks)),
            new("fragmentation", "Fragmentation", Fragmentation(d, xs, marks)),
            new("members-by-faction", "Who holds the members", Members(d, xs, marks)),
            new("lineage", "Lineage of the factions that split", Lineage(d)),
            new("state-and-arms", "State capacity and arms", StateAndArms(d, xs, marks)),
        };
        if (p.World.Kind == Core.Parameters.WorldKind.Mexico)
            charts.Add(new("map-homicides", "Where the killing happens", Map(d, marks)));
        return charts;
    }

    /// <summary>Builds and renders every chart (in parallel).</summary>
    public static IReadOnlyList<RenderedChart> Render(RunChartData d) => ChartRenderer.RenderAll(Build(d));

    /// <summary>"replicate 1 of 8": replicates are counted from 1 for readers (files keep 0-based indices).</summary>
    public static string ReplicateText(int index, int count) => $"replicate {index + 1} of {count}";

    /// <summary>The scenario's own timeline events (not the model's random removals), one mark per week.</summary>
    public static EventRecord[] TimelineMarks(Core.Parameters.ModelParameters p) =>
        p.Timeline.Where(e => e.Week < p.Weeks).GroupBy(e => e.Week).Select(g => g.First())
            .Select(e => new EventRecord(e.Week, e is Core.Timeline.RemoveLeaderEvent ? "removal" : "policy", "", "",
                string.IsNullOrEmpty(e.Label) ? EnumText.Kebab(e.GetType().Name.Replace("Event", "")).Replace('-', ' ') : e.Label))
            .Take(8).ToArray();

    /// <summary>Per replicate, a metric as a series, optionally smoothed.</summary>
    public static double[][] Series(IReadOnlyList<WeeklyMetrics[]> weekly, Func<WeeklyMetrics, double> metric, int smooth = 1) =>
        weekly.Select(r => { var v = r.Select(metric).ToArray(); return smooth > 1 ? QuantileBands.Rolling(v, smooth) : v; }).ToArray();

    private static void Marks(Plot plot, EventRecord[] marks, double[] xs, bool legend = true)
    {
        foreach (var e in marks)
        {
            if (e.Week >= xs.Length) continue;
            string label = e.Detail.Length > 0 ? e.Detail : e.Type;
            if (label.Length > 40) label = label[..39] + "\u2026";
            Draw.Event(plot, xs[e.Week], label, legend);
        }
    }

    private static Figure Violence(RunChartData d, double[] xs, EventRecord[] marks)
    {
        var plot = ChartStyle.NewPlot($"Weekly homicides: {d.Title}");
        ChartStyle.DateAxis(plot);
        plot.YLabel($"homicides per week ({Smooth}-week mean)");
        if (d.Weekly.Count == 0) { ChartStyle.NoData(plot, "no replicate finished"); return new Figure(plot, Width, Height); }
        double top = 0;
        if (d.Baseline is { Weekly.Count: > 0 } b)
        {
            var bb = QuantileBands.Of(Series(b.Weekly, m => m.Homicides, Smooth));
            Draw.Band(plot, xs, bb, ChartColors.Baseline, "baseline", width: 1.8).LinePattern = LinePattern.Dashed;
            top = Math.Max(top, bb.Max);
        }
        var band = QuantileBands.Of(Series(d.Weekly, m => m.Homicides, Smooth));
        Draw.Band(plot, xs, band, ChartColors.Get(0), d.Baseline is null ? "" : "scenario", width: 2.2);
        top = Math.Max(top, band.Max);
        var cartel = QuantileBands.Of(Series(d.Weekly, m => m.HomicidesCartel, Smooth));
        Draw.Line(plot, xs, cartel.P50, ChartColors.Get(5), "of which members killed by rivals (median)", 1.6);
        Marks(plot, marks, xs);
        ChartStyle.YFromZero(plot, top);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return new Figure(plot, Width, Height + 60);
    }

    private static Figure Fragmentation(RunChartData d, double[] xs, EventRecord[] marks)
    {
        (string Title, string Y, Func<WeeklyMetrics, double> F, int Smooth, int Color)[] panels =
        {
            ("Active factions (every group that still has members)", "factions", m => m.ActiveFactions, 1, 0),
            ("Effective number of factions (weighted by the territory they hold)", "effective factions", m => m.EffectiveFactions, 1, 2),
            ("Rival pairs in contact (hostile groups in the same or neighbouring cells)", $"pairs ({Smooth}-week mean)", m => m.RivalPairsInContact, Smooth, 3),
        };
        var plots = new List<Plot>();
        foreach (var (title, y, f, k, color) in panels)
        {
            var pl = DatedPanel(title, y);
            if (d.Weekly.Count == 0) ChartStyle.NoData(pl, "no replicate finished");
            else
            {
                var band = QuantileBands.Of(Series(d.Weekly, f, k));
                Draw.Band(pl, xs, band, ChartColors.Get(color), "", bandLegend: plots.Count == 0);
                Marks(pl, marks, xs, legend: false);
                ChartStyle.YFromZero(pl, band.Max);
                if (plots.Count == 0) ChartStyle.LegendInside(pl, Alignment.LowerRight); else pl.HideLegend();
            }
            plots.Add(pl);
        }
        return new Figure(plots, PanelLayout.Rows, Width, 900);
    }

    private static Figure Members(RunChartData d, double[] xs, EventRecord[] marks)
    {
        var r = d.First;
        var plot = ChartStyle.NewPlot(r is null ? "Who holds the members" : $"Who holds the members: the largest factions ({ReplicateText(r.Replicate, d.Weekly.Count)})");
        ChartStyle.DateAxis(plot);
        plot.YLabel("active members");
        if (r is null || r.FactionMembers.Length == 0) { ChartStyle.NoData(plot, "replicate 1 was not kept"); return new Figure(plot, Width, Height); }
        int weeks = Math.Min(r.FactionMembers.Length, xs.Length);
        int nf = r.Factions.Length;
        var peak = new double[nf];
        foreach (var row in r.FactionMembers) for (int f = 0; f < Math.Min(nf, row.Length); f++) peak[f] = Math.Max(peak[f], row[f]);
        var top = Enumerable.Range(0, nf).OrderByDescending(f => peak[f]).ThenBy(f => f).Take(ChartColors.OkabeIto.Count).Where(f => peak[f] > 0).ToArray();
        var x = xs[..weeks];
        var below = new double[weeks];
        for (int i = 0; i < top.Length; i++)
        {
            int f = top[i];
            var upper = new double[weeks];
            for (int w = 0; w < weeks; w++) upper[w] = below[w] + (f < r.FactionMembers[w].Length ? r.FactionMembers[w][f] : 0);
            Draw.Fill(plot, x, below, upper, ChartColors.Get(i).WithAlpha(0.85), Name(r.Factions[f].Name));
            below = upper;
        }
        var total = Enumerable.Range(0, weeks).Select(w => (double)r.FactionMembers[w].Sum()).ToArray();
        int others = nf - top.Length;
        Draw.Line(plot, x, total, Color.FromHex("#222222"), $"all active members (the gap below it: the other {others:N0} factions)", 1.5);
        if (weeks > 0)
        {
            int mid = weeks * 3 / 4;
            var gapText = plot.Add.Text($"the other {others:N0} factions: {total[mid] - below[mid]:N0} members", x[mid], (total[mid] + below[mid]) / 2);
            gapText.Alignment = Alignment.MiddleCenter;
            gapText.LabelFontSize = ChartStyle.TextSize;
            gapText.LabelFontColor = Color.FromHex("#555555");
        }
        foreach (var e in marks) if (e.Week < xs.Length) Draw.Event(plot, xs[e.Week], e.Detail.Length > 0 ? e.Detail : e.Type, legend: true, text: false);
        ChartStyle.YFromZero(plot, total.DefaultIfEmpty(0).Max() * 1.04);
        ChartStyle.LegendInside(plot, Alignment.MiddleLeft);
        return new Figure(plot, Width, Height);
    }

    private static Figure StateAndArms(RunChartData d, double[] xs, EventRecord[] marks)
    {
        (string Title, string Y, Func<WeeklyMetrics, double> F, int Smooth, bool Zero)[] panels =
        {
            ("Corruption of local police", "mean corruption (0 = none, 1 = all)", m => m.MeanCorruption, 1, false),
            ("Police capacity", "mean capacity (0 to 1)", m => m.MeanPoliceCapacity, 1, false),
            ("Trust of the US side", "trust (0 to 1)", m => m.UsTrust, 1, false),
            ("Guns reaching the cartels", $"guns per week ({Smooth}-week mean)", m => m.ArmsAcquired, Smooth, true),
            ("Guns interdicted", $"guns per week ({Smooth}-week mean)", m => m.ArmsInterdicted, Smooth, true),
            ("Share of the flow interdicted", "% of guns sent south", m => m.ArmsAcquired + m.ArmsInterdicted > 0 ? 100 * m.ArmsInterdicted / (m.ArmsAcquired + m.ArmsInterdicted) : 0, Smooth, true),
        };
        var plots = new List<Plot>();
        for (int i = 0; i < panels.Length; i++)
        {
            var (title, y, f, k, zero) = panels[i];
            var pl = DatedPanel(title, y);
            if (d.Weekly.Count == 0) ChartStyle.NoData(pl, "no replicate finished");
            else
            {
                var band = QuantileBands.Of(Series(d.Weekly, f, k));
                Draw.Band(pl, xs, band, ChartColors.Get(i), "", bandLegend: i == 0);
                if (i == 0) ChartStyle.LegendInside(pl, Alignment.UpperRight); else pl.HideLegend();
                foreach (var e in marks) if (e.Week < xs.Length) Draw.Event(pl, xs[e.Week], "", legend: false, text: false);
                double lo0 = band.P05.DefaultIfEmpty(0).Min(), hi0 = band.P95.DefaultIfEmpty(0).Max();
                if (hi0 - lo0 <= 1e-9 * Math.Max(1, Math.Abs(hi0)))
                {
                    // a flat line is a result too: say that it does not move in this scenario
                    var note = pl.Add.Annotation($"constant in this scenario: {ChartStyle.FormatTick(hi0)}", Alignment.LowerCenter);
                    note.LabelFontSize = ChartStyle.TextSize;
                    note.LabelShadowColor = Colors.Transparent;
                    note.LabelBackgroundColor = Colors.White;
                    note.LabelBorderColor = Color.FromHex("#BBBBBB");
                }
                if (zero || hi0 - lo0 <= 1e-9) ChartStyle.YFromZero(pl, zero ? Math.Max(band.Max, 1e-9) * 1.15 : 1);
                else
                {
                    double lo = band.P05.DefaultIfEmpty(0).Min(), hi = band.P95.DefaultIfEmpty(1).Max();
                    double pad = Math.Max((hi - lo) * 0.15, 0.02);
                    pl.Axes.SetLimitsY(Math.Max(0, lo - pad), Math.Min(1, hi + pad));
                }
            }
            plots.Add(pl);
        }
        return new Figure(plots, PanelLayout.Grid, Width, 700, columns: 3);
    }

    /// <summary>The map's periods: (label, first week, end week exclusive), with their real length and dates.</summary>
    public static IReadOnlyList<(string Label, int From, int To)> MapPeriods(Core.Parameters.ModelParameters p, EventRecord[] marks)
    {
        int weeks = p.Weeks;
        int ev = marks.FirstOrDefault(e => e.Type == "removal")?.Week ?? -1;
        var periods = new List<(string, int, int)>();
        string Span(int from, int to) => $"{Date(p.StartDate.AddDays(7 * from))} to {Date(p.StartDate.AddDays(7 * to - 1))}";
        string Length(int n) => n % 52 == 0 ? (n == 52 ? "year" : $"{n / 52} years") : n >= 8 ? $"{Math.Round(n * 12 / 52.0):0} months" : $"{n} weeks";
        void Add(string what, int from, int to) { if (to > from) periods.Add(($"{what}\n{Span(from, to)}", from, to)); }
        if (ev >= 0)
        {
            int from = Math.Max(0, ev - 52);
            Add(ev - from == 52 ? "the year before the removal" : $"the {Length(ev - from)} before the removal", from, ev);
            int six = Math.Min(weeks, ev + 26), year = Math.Min(weeks, ev + 52);
            Add($"the first {Length(six - ev)} after", ev, six);
            if (year > six) Add($"the first {Length(year - ev)} after", ev, year);
        }
        else
        {
            int first = Math.Min(weeks, 52);
            Add($"the first {Length(first)}", 0, first);
            if (weeks > first) Add($"the last {Length(Math.Min(52, weeks - first))}", Math.Max(first, weeks - 52), weeks);
        }
        return periods;
    }

    private static Figure Map(RunChartData d, EventRecord[] marks)
    {
        var world = d.World;
        var tiles = Enumerable.Range(0, world.RegionCount).Select(r => new Tile(world.RegionCodes[r], world.RegionTiles[r].Col, world.RegionTiles[r].Row));
        var map = new TileMap(tiles)
        {
            Title = "Homicides per 100,000 inhabitants per year, by state (mean of replicates)",
            ValueLabel = "homicides per 100,000 per year",
        };
        if (d.RegionHomicides.Count > 0)
            foreach (var (label, from, to) in MapPeriods(d.Parameters, marks))
            {
                var values = new Dictionary<string, double>();
                double years = (to - from) / 52.0;
                for (int r = 0; r < world.RegionCount; r++)
                {
                    double sum = 0;
                    foreach (var rep in d.RegionHomicides) for (int w = from; w < Math.Min(to, rep.Length); w++) sum += rep[w][r];
                    sum /= d.RegionHomicides.Count;
                    values[world.RegionCodes[r]] = sum / years / Math.Max(1, world.RegionPopulation[r]) * 100_000;
                }
                map.AddPanel(label, values);
            }
        return map.ToFigure(Width, 340);
    }

    private static Figure Lineage(RunChartData d)
    {
        var r = d.First;
        var t = new LineageChart
        {
            Title = r is null ? "Faction lineage" : $"Splinter factions and the factions they split from ({ReplicateText(r.Replicate, d.Weekly.Count)})",
            NoDataText = r is null ? "replicate 1 was not kept" : "no faction split in this run",
        };
        if (r is null) return t.ToFigure(Width);
        var p = d.Parameters;
        // the largest splinters, then the factions they split from: every row split or was split from
        var list = new HashSet<int>();
        foreach (var f in r.Factions.Where(f => f.Parent >= 0).OrderByDescending(f => f.PeakMembers).ThenBy(f => f.Id))
        {
            if (list.Count >= 30) break;
            list.Add(f.Id);
            list.Add(f.Parent);
        }
        foreach (var f in r.Factions)
        {
            if (!list.Contains(f.Id)) continue;
            double start = ChartDates.ToX(p.StartDate.AddDays(7 * f.FoundedWeek));
            double? end = f.EndedWeek != FactionTable.NoWeek ? ChartDates.ToX(p.StartDate.AddDays(7 * f.EndedWeek)) : null;
            string? parent = f.Parent >= 0 && list.Contains(f.Parent) ? f.Parent.ToString(CultureInfo.InvariantCulture) : null;
            t.Add(f.Id.ToString(CultureInfo.InvariantCulture), parent, start, end, f.PeakMembers, Name(f.Name));
        }
        t.Now = ChartDates.ToX(p.StartDate.AddDays(7 * p.Weeks));
        return t.ToFigure(Width);
    }

    /// <summary>A faction name for an English chart (the model names splinters "X / escisión n").</summary>
    public static string Name(string name) => name.Replace("escisión", "splinter", StringComparison.Ordinal);

    private static string Date(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>One panel of a stacked chart: a smaller title, a date axis and the y label.</summary>
    private static Plot DatedPanel(string title, string yLabel)
    {
        var pl = ChartStyle.NewPlot(title);
        pl.Axes.Title.Label.FontSize = ChartStyle.LabelSize + 1;
        ChartStyle.DateAxis(pl);
        pl.YLabel(yLabel);
        return pl;
    }
}
