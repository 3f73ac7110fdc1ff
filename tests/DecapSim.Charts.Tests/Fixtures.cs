using DecapSim.Charts.Plottables;

namespace DecapSim.Charts.Tests;

/// <summary>Deterministic example charts shared by golden, PNG and example tests.</summary>
internal static class Fixtures
{
    public static readonly DateOnly Start = new(2006, 6, 5);

    /// <summary>Weekly violence curve with a 90 % band, dates on x and two event lines.</summary>
    public static Chart ViolenceCurve(int weeks = 360)
    {
        var xs = new double[weeks];
        var mean = new double[weeks];
        var lo = new double[weeks];
        var hi = new double[weeks];
        var baseline = new double[weeks];
        for (int i = 0; i < weeks; i++)
        {
            xs[i] = ChartDates.ToX(Start.AddDays(7 * i));
            double t = i / 52.0;
            double surge = t > 0.5 ? 1 - Math.Exp(-(t - 0.5) * 0.9) : 0;
            double split = t > 3.5 ? 0.6 * (1 - Math.Exp(-(t - 3.5) * 1.5)) : 0;
            mean[i] = 8 + 14 * surge + 9 * split + 1.5 * Math.Sin(i * 0.35);
            double spread = 1.5 + 0.25 * mean[i];
            lo[i] = mean[i] - spread;
            hi[i] = mean[i] + spread;
            baseline[i] = 8 + 1.2 * Math.Sin(i * 0.3);
        }
        mean[weeks * 5 / 9] = double.NaN; // a gap in the data must break the line
        var c = new Chart { Title = "Homicides per 100k, weekly (mean of 50 runs)" };
        c.Axes.Bottom.DateTicks = true;
        c.Axes.Bottom.Label = "Date";
        c.Axes.Left.Label = "Homicides per 100k";
        c.Add.Band(xs, lo, hi).WithLabel("90% of runs");
        c.Add.Line(xs, mean).WithLabel("Kingpin strategy");
        c.Add.Line(xs, baseline).WithLabel("No intervention").WithDash();
        c.Add.VerticalLine(ChartDates.ToX(new DateOnly(2006, 12, 11)), "Operation Michoacán");
        c.Add.VerticalLine(ChartDates.ToX(new DateOnly(2009, 12, 16)), "Leader killed");
        c.Add.Annotation(xs[weeks * 5 / 12], mean[weeks * 5 / 12], "peak");
        return c;
    }

    /// <summary>Members per faction, stacked.</summary>
    public static Chart Stacked()
    {
        int n = 120;
        var xs = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        string[] names = ["Sinaloa", "Gulf", "Zetas", "CJNG", "Others"];
        var layers = new List<double[]>();
        for (int k = 0; k < names.Length; k++)
        {
            var l = new double[n];
            for (int i = 0; i < n; i++)
            {
                double center = 20 + k * 20;
                l[i] = 300 * Math.Exp(-Math.Pow((i - center) / (25.0 + 5 * k), 2)) + 40;
            }
            layers.Add(l);
        }
        var c = new Chart { Title = "Members per faction" };
        c.Add.StackedArea(xs, layers, names);
        c.Axes.Bottom.Label = "Week";
        c.Axes.Left.Label = "Members";
        return c;
    }

    /// <summary>Tile layout of Mexico's 32 states (a fixture, not a cartographic claim).</summary>
    public static readonly Tile[] MexicoTiles =
    [
        new("BC", 0, 0), new("SON", 1, 0), new("CHIH", 2, 0), new("COAH", 3, 0),
        new("BCS", 0, 1), new("SIN", 1, 1), new("DGO", 2, 1), new("ZAC", 3, 1), new("NL", 4, 1), new("TAMS", 5, 1),
        new("NAY", 1, 2), new("JAL", 2, 2), new("AGS", 3, 2), new("SLP", 4, 2), new("VER", 5, 2),
        new("COL", 1, 3), new("MICH", 2, 3), new("GTO", 3, 3), new("QRO", 4, 3), new("HGO", 5, 3), new("YUC", 9, 3),
        new("MEX", 3, 4), new("CDMX", 4, 4), new("TLAX", 5, 4), new("PUE", 6, 4), new("TAB", 7, 4), new("CAMP", 8, 4), new("QROO", 9, 4),
        new("GRO", 3, 5), new("MOR", 4, 5), new("OAX", 5, 5), new("CHIS", 6, 5),
    ];

    /// <summary>Made-up values per state for panel p.</summary>
    public static Dictionary<string, double> MexicoValues(int p) =>
        MexicoTiles.Select((t, i) => (t.Code, V: Math.Round(5 + 40 * Math.Abs(Math.Sin(i * 1.7 + p * 0.9)) * (1 + 0.3 * p), 1)))
            .ToDictionary(a => a.Code, a => a.V);

    /// <summary>Three panels sharing a scale.</summary>
    public static TileMap MexicoMap(int panels = 3)
    {
        var m = new TileMap(MexicoTiles) { Title = "Homicide rate by state", ValueLabel = "per 100k" };
        for (int p = 0; p < panels; p++)
        {
            var v = MexicoValues(p);
            if (p == 1) v.Remove("CDMX"); // a missing value is drawn grey
            m.AddPanel($"{2007 + 3 * p}", v);
        }
        return m;
    }

    /// <summary>A small faction lineage.</summary>
    public static LineageTree Lineage()
    {
        var t = new LineageTree { Title = "Faction lineage" };
        t.TimeAxis.Label = "Week";
        t.Add("guad", null, 0, 150, 900, "Guadalajara");
        t.Add("sin", "guad", 40, null, 1200, "Sinaloa");
        t.Add("blo", "sin", 180, 330, 300, "Beltrán Leyva");
        t.Add("indep", "blo", 260, 340, 60, "Independiente");
        t.Add("cjng", "sin", 230, null, 700, "CJNG");
        t.Add("tij", "guad", 60, 300, 400, "Tijuana");
        t.Add("gulf", null, 10, null, 800, "Gulf");
        t.Add("zetas", "gulf", 190, 360, 650, "Zetas");
        t.Add("nor", "zetas", 320, null, 150, "Cártel del Noreste");
        return t;
    }
}
