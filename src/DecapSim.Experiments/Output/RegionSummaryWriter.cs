namespace DecapSim.Experiments.Output;

/// <summary>regions_summary.csv: per (week, region, metric) the mean, standard deviation and quantiles across
/// replicates, for the per-region metrics homicides and blockades.</summary>
public static class RegionSummaryWriter
{
    /// <summary>Per-region metrics written, in output order.</summary>
    public static readonly string[] Metrics = { "homicides", "blockades" };

    /// <summary>Writes regions_summary.csv from per-replicate [week][region] arrays (same order as <see cref="Metrics"/>).</summary>
    public static void Write(string path, IReadOnlyList<string> regionNames, IReadOnlyList<double[][]> homicides,
        IReadOnlyList<double[][]> blockades, DateOnly start)
    {
        using var f = new AtomicFile(path);
        using (var csv = new CsvTable(f.Writer).Header(["week", "date", "region", "metric", "mean", "sd", "p05", "p25", "p50", "p75", "p95", "replicates"]))
            WriteRows(csv, regionNames, homicides, blockades, start);
        f.Commit();
    }

    private static void WriteRows(CsvTable csv, IReadOnlyList<string> regionNames, IReadOnlyList<double[][]> homicides,
        IReadOnlyList<double[][]> blockades, DateOnly start)
    {
        int reps = homicides.Count;
        if (reps == 0) return;
        int weeks = homicides[0].Length;
        var values = new double[reps];
        var sources = new[] { homicides, blockades };
        for (int w = 0; w < weeks; w++)
        {
            for (int g = 0; g < regionNames.Count; g++)
                for (int m = 0; m < Metrics.Length; m++)
                {
                    var src = sources[m];
                    for (int r = 0; r < reps; r++) values[r] = src[r][w][g];
                    var st = SummaryWriter.Stats(values);
                    csv.Int(w).Date(start, w).Text(regionNames[g]).Text(Metrics[m]).Num(st.Mean).Num(st.Sd);
                    foreach (var q in st.Quantiles) csv.Num(q);
                    csv.Int(reps).End();
                }
        }
    }
}
