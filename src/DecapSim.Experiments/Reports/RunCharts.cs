using DecapSim.Charts;
using DecapSim.Core.Metrics;
using DecapSim.Core.World;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Runs;
using MathNet.Numerics.Statistics;

namespace DecapSim.Experiments.Reports;

/// <summary>The product's charts for one run: violence curve, fragmentation, who holds the members, state and
/// arms, a tile map of Mexico and the lineage tree. Written as SVG and, when rsvg-convert exists, PNG.</summary>
public static class RunCharts
{
    private const int W = 900, H = 480;

    /// <summary>Width and height (pixels) of every product chart.</summary>
    public const int Width = W, Height = H;

    /// <summary>Renders every chart in memory (no I/O), in display order.</summary>
    public static IReadOnlyList<RenderedChart> Render(string title, Core.Parameters.ModelParameters p, RunWriter run, World world)
    {
        var charts = new List<RenderedChart>();
        var xs = Enumerable.Range(0, p.Weeks).Select(w => ChartDates.ToX(p.StartDate.AddDays(7 * w))).ToArray();
        var eventMarks = TimelineMarks(p);
        void Add(SvgChartBase chart, string name, string heading) => charts.Add(new RenderedChart(name, heading, chart.GetSvg(W, H), W, H));
        Add(Violence(title, xs, run, eventMarks), "violence", "Violence over time");
        Add(Fragmentation(xs, run), "fragmentation", "Fragmentation");
        if (run.First is { } first)
        {
            Add(Members(xs, first), "members-by-faction", "Who holds the members");
            Add(Lineage(p, first), "lineage", "Lineage of the factions that split");
        }
        Add(StateAndArms(xs, run), "state-and-arms", "State capacity and arms");
        var map = Map(p, run, world, eventMarks);
        if (map != null) Add(map, "map-homicides", "Where the killing happens");
        return charts;
    }

    /// <summary>Writes every chart into <paramref name="dir"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string dir, string title, Core.Parameters.ModelParameters p, RunWriter run, World world) =>
        Write(dir, Render(title, p, run, world));

    /// <summary>Writes already rendered charts into <paramref name="dir"/> as SVG and, when rsvg-convert exists, PNG;
    /// returns the files written.</summary>
    public static IReadOnlyList<string> Write(string dir, IReadOnlyList<RenderedChart> charts)
    {
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        foreach (var c in charts)
        {
            string svg = Path.Combine(dir, c.Name + ".svg");
            AtomicFile.WriteAllText(svg, c.Svg);
            files.Add(svg);
            if (RsvgConvert.IsAvailable)
            {
                string png = Path.Combine(dir, c.Name + ".png");
                try { RsvgConvert.SvgToPng(c.Svg, png + ".partial", c.Width, c.Height); File.Move(png + ".partial", png, true); files.Add(png); }
                catch (Exception) { File.Delete(png + ".partial"); }
            }
        }
        return files;
    }

    /// <summary>The scenario's own timeline events (not the model's random removals), one mark per week.</summary>
    public static EventRecord[] TimelineMarks(Core.Parameters.ModelParameters p) =>
        p.Timeline.Where(e => e.Week < p.Weeks).GroupBy(e => e.Week).Select(g => g.First())
            .Select(e => new EventRecord(e.Week, e is Core.Timeline.RemoveLeaderEvent ? "removal" : "policy", "", "",
                string.IsNullOrEmpty(e.Label) ? e.GetType().Name.Replace("Event", "") : e.Label))
            .Take(8).ToArray();

    private static double[] Rolling(double[] v, int k)
    {
        var r = new double[v.Length];
        double s = 0;
        for (int i = 0; i < v.Length; i++) { s += v[i]; if (i >= k) s -= v[i - k]; r[i] = s / Math.Min(i + 1, k); }
        return r;
    }

    private static (double[] P05, double[] P25, double[] P50, double[] P75, double[] P95) Bands(RunWriter run, Func<WeeklyMetrics, double> metric, int roll)
    {
        var reps = run.Weekly.Select(r => Rolling(r.Select(metric).ToArray(), roll)).ToArray();
        int n = reps[0].Length;
        var q = new double[5][];
        for (int k = 0; k < 5; k++) q[k] = new double[n];
        var col = new double[reps.Length];
        for (int w = 0; w < n; w++)
        {
            for (int r = 0; r < reps.Length; r++) col[r] = reps[r][w];
            Array.Sort(col);
            for (int k = 0; k < 5; k++) q[k][w] = SortedArrayStatistics.QuantileCustom(col, SummaryWriter.Levels[k], QuantileDefinition.R7);
        }
        return (q[0], q[1], q[2], q[3], q[4]);
    }

    private static Chart Violence(string title, double[] xs, RunWriter run, EventRecord[] marks)
    {
        var c = new Chart { Title = $"Weekly homicides (4-week mean): {title}" };
        var b = Bands(run, m => m.Homicides, 4);
        int reps = run.Weekly.Count;
        if (reps > 1)
        {
            c.Add.Band(xs, b.P05, b.P95).WithColor("#0072B2").WithLabel("90% of replicates");
            c.Add.Band(xs, b.P25, b.P75).WithColor("#0072B2").WithLabel("50% of replicates");
        }
        c.Add.Line(xs, b.P50).WithColor("#0072B2").WithWidth(2).WithLabel(reps > 1 ? $"median of {reps} replicates" : "homicides");
        var cartel = Bands(run, m => m.HomicidesCartel, 4);
        c.Add.Line(xs, cartel.P50).WithColor("#D55E00").WithLabel("members killed by rivals");
        AddMarks(c, marks, xs);
        c.Axes.Bottom.DateTicks = true;
        c.Axes.Left.Label = "homicides per week";
        return c;
    }

    private static void AddMarks(Chart c, EventRecord[] marks, double[] xs)
    {
        foreach (var e in marks)
        {
            if (e.Week >= xs.Length) continue;
            string label = e.Detail.Length > 0 ? e.Detail : e.Type;
            if (label.Length > 34) label = label[..33] + "…";
            c.Add.VerticalLine(xs[e.Week], label).WithColor("#555555").WithDash();
        }
    }

    private static Chart Fragmentation(double[] xs, RunWriter run)
    {
        var c = new Chart { Title = "Fragmentation: active factions and effective number of factions" };
        var a = Bands(run, m => m.ActiveFactions, 1);
        var e = Bands(run, m => m.EffectiveFactions, 1);
        var pairs = Bands(run, m => m.RivalPairsInContact, 4);
        c.Add.Line(xs, a.P50).WithColor("#0072B2").WithWidth(2).WithLabel("active factions");
        c.Add.Line(xs, e.P50).WithColor("#009E73").WithWidth(2).WithLabel("effective number (territory)");
        c.Add.Line(xs, pairs.P50).WithColor("#CC79A7").WithLabel("rival pairs in contact");
        c.Axes.Bottom.DateTicks = true;
        c.Axes.Left.Label = "count (median of replicates)";
        return c;
    }

    private static Chart Members(double[] xs, ReplicateResult r)
    {
        var c = new Chart { Title = "Who holds the members (replicate 0): largest factions and the rest" };
        int weeks = r.FactionMembers.Length;
        int nf = r.Factions.Length;
        var peak = new double[nf];
        foreach (var row in r.FactionMembers) for (int f = 0; f < row.Length; f++) peak[f] = Math.Max(peak[f], row[f]);
        var top = Enumerable.Range(0, nf).OrderByDescending(f => peak[f]).ThenBy(f => f).Take(6).ToArray();
        var layers = new List<double[]>();
        var labels = new List<string>();
        foreach (var f in top)
        {
            layers.Add(Enumerable.Range(0, weeks).Select(w => f < r.FactionMembers[w].Length ? (double)r.FactionMembers[w][f] : 0).ToArray());
            labels.Add(r.Factions[f].Name);
        }
        layers.Add(Enumerable.Range(0, weeks).Select(w => r.FactionMembers[w].Select((v, f) => top.Contains(f) ? 0.0 : v).Sum()).ToArray());
        labels.Add("others");
        var area = c.Add.StackedArea(xs, layers, labels);
        // the named factions take palette colours; "others" is a neutral grey so it reads as the remainder
        area.LayerColors = Enumerable.Range(0, top.Length).Select(Palette.Get).Append(Color.FromHex("#BBBBBB")).ToArray();
        c.Axes.Bottom.DateTicks = true;
        c.Axes.Left.Label = "active members";
        return c;
    }

    private static Multiplot StateAndArms(double[] xs, RunWriter run)
    {
        var m = new Multiplot(1, 2) { Title = "State capacity and arms" };
        var s = m[0, 0];
        s.Title = "State (median of replicates)";
        s.Add.Line(xs, Bands(run, x => x.MeanCorruption, 1).P50).WithColor("#D55E00").WithLabel("mean corruption");
        s.Add.Line(xs, Bands(run, x => x.MeanPoliceCapacity, 1).P50).WithColor("#0072B2").WithLabel("police capacity");
        s.Add.Line(xs, Bands(run, x => x.UsTrust, 1).P50).WithColor("#009E73").WithLabel("US trust");
        s.Axes.Bottom.DateTicks = true;
        s.Axes.SetLimitsY(0, 1);
        var a = m[0, 1];
        a.Title = "Arms per week";
        a.Add.Line(xs, Bands(run, x => x.ArmsAcquired, 4).P50).WithColor("#E69F00").WithLabel("acquired");
        a.Add.Line(xs, Bands(run, x => x.ArmsInterdicted, 4).P50).WithColor("#56B4E9").WithLabel("interdicted");
        a.Axes.Bottom.DateTicks = true;
        return m;
    }

    private static TileMap? Map(Core.Parameters.ModelParameters p, RunWriter run, World world, EventRecord[] marks)
    {
        if (p.World.Kind != Core.Parameters.WorldKind.Mexico) return null;
        var tiles = Enumerable.Range(0, world.RegionCount).Select(r => new Tile(world.RegionCodes[r], world.RegionTiles[r].Col, world.RegionTiles[r].Row));
        var map = new TileMap(tiles) { Title = "Homicides per 100,000 inhabitants (mean of replicates)", ValueLabel = "per 100,000" };
        int weeks = p.Weeks;
        int ev = marks.FirstOrDefault(e => e.Type == "removal")?.Week ?? -1;
        var periods = new List<(string, int, int)>();
        if (ev >= 0)
        {
            if (ev >= 1) periods.Add(("year before the removal", Math.Max(0, ev - 52), ev));
            periods.Add(("first 6 months after", ev, Math.Min(weeks, ev + 26)));
            periods.Add(("year after", ev, Math.Min(weeks, ev + 52)));
        }
        else
        {
            periods.Add(("first year", 0, Math.Min(weeks, 52)));
            periods.Add(("last year", Math.Max(0, weeks - 52), weeks));
        }
        foreach (var (label, from, to) in periods)
        {
            if (to <= from) continue;
            var values = new Dictionary<string, double>();
            double years = (to - from) / 52.0;
            for (int r = 0; r < world.RegionCount; r++)
            {
                double sum = 0;
                foreach (var rep in run.RegionHomicides) for (int w = from; w < to; w++) sum += rep[w][r];
                sum /= run.RegionHomicides.Count;
                values[world.RegionCodes[r]] = sum / years / Math.Max(1, world.RegionPopulation[r]) * 100_000;
            }
            map.AddPanel($"{label} (per year)", values);
        }
        return map;
    }

    private static LineageTree Lineage(Core.Parameters.ModelParameters p, ReplicateResult r)
    {
        var t = new LineageTree { Title = "Lineage of factions that split (replicate 0): who split from whom, when, how big" };
        var involved = new HashSet<int>();
        foreach (var f in r.Factions) if (f.Parent >= 0) { involved.Add(f.Id); involved.Add(f.Parent); }
        var list = r.Factions.Where(f => involved.Contains(f.Id)).OrderByDescending(f => f.PeakMembers).Take(40).Select(f => f.Id).ToHashSet();
        foreach (var f in r.Factions)
        {
            if (!list.Contains(f.Id)) continue;
            double start = ChartDates.ToX(p.StartDate.AddDays(7 * f.FoundedWeek));
            double? end = f.EndedWeek >= 0 ? ChartDates.ToX(p.StartDate.AddDays(7 * f.EndedWeek)) : null;
            string? parent = f.Parent >= 0 && list.Contains(f.Parent) ? f.Parent.ToString() : null;
            t.Add(f.Id.ToString(), parent, start, end, f.PeakMembers, f.Name);
        }
        t.TimeAxis.DateTicks = true;
        t.Now = ChartDates.ToX(p.StartDate.AddDays(7 * p.Weeks));
        return t;
    }
}

/// <summary>One chart rendered to SVG.</summary>
/// <param name="Name">File stem ("violence").</param>
/// <param name="Heading">A short heading for reports.</param>
/// <param name="Svg">The standalone SVG document.</param>
/// <param name="Width">Pixel width.</param>
/// <param name="Height">Pixel height.</param>
public sealed record RenderedChart(string Name, string Heading, string Svg, int Width, int Height);
