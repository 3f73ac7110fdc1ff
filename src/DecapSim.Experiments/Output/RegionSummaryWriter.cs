using DecapSim.Experiments.Output.Tables;

namespace DecapSim.Experiments.Output;

/// <summary>regions_summary.csv: per (week, region, metric) the mean, standard deviation and quantiles across
/// replicates, for the per-region metrics homicides and blockades.</summary>
public static class RegionSummaryWriter
{
    /// <summary>Per-region metrics written, in output order.</summary>
    public static readonly string[] Metrics = { "homicides", "blockades" };

    /// <summary>regions_summary.csv / regions_summary.parquet columns.</summary>
    public static readonly TableColumn[] Columns =
        new[] { TableColumn.Int("week"), TableColumn.Date("date"), TableColumn.Text("region"), TableColumn.Text("metric"), TableColumn.Num("mean"), TableColumn.Num("sd") }
            .Concat(SummaryWriter.Levels.Select(l => TableColumn.Num($"p{Math.Round(l * 100):00}")))
            .Append(TableColumn.Int("replicates")).ToArray();

    /// <summary>Writes regions_summary.csv (only) from per-replicate [week][region] arrays (same order as <see cref="Metrics"/>).</summary>
    public static void Write(string path, IReadOnlyList<string> regionNames, IReadOnlyList<double[][]> homicides,
        IReadOnlyList<double[][]> blockades, DateOnly start)
    {
        using var set = new TableSet(Path.GetDirectoryName(Path.GetFullPath(path))!, OutputFormat.Csv);
        Write(set, regionNames, homicides, blockades, start, Path.GetFileNameWithoutExtension(path));
        set.Commit(null);
    }

    /// <summary>Adds the regions summary table to <paramref name="tables"/> (committed with the others).</summary>
    public static void Write(TableSet tables, IReadOnlyList<string> regionNames, IReadOnlyList<double[][]> homicides,
        IReadOnlyList<double[][]> blockades, DateOnly start, string name = "regions_summary")
    {
        var t = tables.Open(name, Columns);
        int reps = homicides.Count;
        if (reps == 0) return;
        int weeks = homicides[0].Length;
        var values = new double[reps];
        var sources = new[] { homicides, blockades };
        for (int w = 0; w < weeks; w++)
        {
            var date = start.AddDays(7 * w);
            for (int g = 0; g < regionNames.Count; g++)
                for (int m = 0; m < Metrics.Length; m++)
                {
                    var src = sources[m];
                    for (int r = 0; r < reps; r++) values[r] = src[r][w][g];
                    var st = SummaryWriter.Stats(values);
                    t.Int(w).Date(date).Text(regionNames[g]).Text(Metrics[m]).Num(st.Mean).Num(st.Sd);
                    foreach (var q in st.Quantiles) t.Num(q);
                    t.Int(reps).EndRow();
                }
        }
    }
}
