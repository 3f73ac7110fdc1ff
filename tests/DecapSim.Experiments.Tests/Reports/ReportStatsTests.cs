using DecapSim.Experiments.Compare;
using DecapSim.Experiments.Reports;

namespace DecapSim.Experiments.Tests.Reports;

public class ReportStatsTests
{
    [Fact]
    public void Spread_SaysReplicates_AndMinMaxUnder20()
    {
        Assert.Equal("90% of replicates: 1,200 to 1,500 (close to the min-max of 8)", ReportStats.Spread((1300, 1200, 1500), 8));
        Assert.Equal("90% of replicates: 1,200 to 1,500", ReportStats.Spread((1300, 1200, 1500), 40));
        Assert.Equal("a single replicate: no spread", ReportStats.Spread((1, 1, 1), 1));
        Assert.Equal("the same in every replicate", ReportStats.Spread((3, 3, 3), 5));
    }

    [Fact]
    public void ReadCi_IsAboutTheMean_NotAgreementOfReplicates()
    {
        var up = new Interval(50, 10, 90, 20);
        Assert.Contains("average effect is an increase", ReportStats.ReadCi(up));
        Assert.DoesNotContain("agree", ReportStats.ReadCi(up));
        Assert.Contains("cannot be told apart from zero", ReportStats.ReadCi(new Interval(5, -10, 20, 20)));
        Assert.Equal("95% CI of the mean difference: +10 to +90", ReportStats.MeanDifferenceCi(up));
    }

    [Fact]
    public void FewReplicates_WarnsAtTwo()
    {
        Assert.Contains("Only 2 replicates", ReportStats.FewReplicatesWarning(2));
        Assert.Null(ReportStats.FewReplicatesWarning(20));
    }

    [Theory]
    [InlineData(4e-08, "less than 0.001")]
    [InlineData(123456.7, "123,457")]
    [InlineData(0.01234, "0.0123")]
    [InlineData(12.345, "12.3")]
    public void Prose_HasNoExponents(double v, string expected) => Assert.Equal(expected, ReportStats.Prose(v));

    [Fact]
    public void CiteSources_UsesTitles_NotFileNumbers()
    {
        string s = ReportProse.CiteSources("seeds/000, 001: the operation; heir imprisoned (seeds/002)");
        Assert.DoesNotContain("seeds/", s);
        Assert.Contains(ReportProse.SourceTitles["001"], s);
        Assert.Contains(ReportProse.SourceTitles["002"], s);
    }
}
