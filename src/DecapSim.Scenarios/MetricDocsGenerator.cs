using System.Text;
using DecapSim.Core.Metrics;

namespace DecapSim.Scenarios;

/// <summary>Generates docs/metrics.md from <see cref="MetricCatalog"/> (a test keeps the file current).</summary>
public static class MetricDocsGenerator
{
    /// <summary>The markdown text (LF line endings).</summary>
    public static string Generate()
    {
        var sb = new StringBuilder();
        sb.Append("# Metrics\n\n");
        sb.Append("Generated from `MetricCatalog` (src/DecapSim.Core/Metrics/MetricCatalog.cs) by `MetricDocsGenerator`; do not\n");
        sb.Append("edit by hand (regenerate with `DECAPSIM_UPDATE_DOCS=1 dotnet test tests/DecapSim.Scenarios.Tests`).\n");
        sb.Append("`decapsim metrics` prints the same list.\n\n");
        sb.Append("Every metric is one column of `weekly.csv` (after `replicate,week,date`), one metric of `summary.csv`, and\n");
        sb.Append("a name experiment outputs may use (`homicides@52`, `final_members@260`, `mean_us_trust@1..52`). Without a\n");
        sb.Append("prefix, an output over several weeks sums a flow and takes the last week's value of a stock.\n\n");
        sb.Append("| Column | Unit | Over weeks | Meaning |\n| --- | --- | --- | --- |\n");
        foreach (var m in MetricCatalog.All)
            sb.Append($"| `{m.Name}` | {m.Unit} | {Describe(m.Aggregation)} | {m.Meaning} |\n");
        return sb.ToString();
    }

    /// <summary>"sum" for flows, "last week" for stocks.</summary>
    public static string Describe(MetricAggregation a) => a == MetricAggregation.Sum ? "sum" : "last week";
}
