using DecapSim.Core.Metrics;

namespace DecapSim.Core.Tests.Metrics;

public sealed class MetricCatalogTests
{
    [Fact]
    public void Names_AreUniqueSnakeCase()
    {
        Assert.Equal(MetricCatalog.Names.Count, MetricCatalog.Names.Distinct().Count());
        Assert.All(MetricCatalog.Names, n => Assert.Matches("^[a-z][a-z0-9_]*$", n));
    }

    [Fact]
    public void Read_EachEntry_ReadsItsOwnField()
    {
        // every entry must read a different field: set each field to a distinct value through reflection
        var boxed = (object)new WeeklyMetrics();
        var fields = typeof(WeeklyMetrics).GetFields().Where(f => f.FieldType == typeof(double)).ToArray();
        for (int i = 0; i < fields.Length; i++) fields[i].SetValue(boxed, (double)(i + 1));
        var m = (WeeklyMetrics)boxed;
        var read = MetricCatalog.All.Select(e => e.Read(m)).ToArray();
        Assert.Equal(fields.Length, MetricCatalog.All.Count);
        Assert.Equal(read.Length, read.Distinct().Count());
        Assert.All(read, v => Assert.InRange(v, 1, fields.Length));
    }

    [Fact]
    public void Aggregation_FlowsSumStocksTakeLast()
    {
        Assert.Equal(MetricAggregation.Sum, MetricCatalog.Find("homicides")!.Aggregation);
        Assert.Equal(MetricAggregation.Last, MetricCatalog.Find("members")!.Aggregation);
        Assert.Null(MetricCatalog.Find("nope"));
    }
}
