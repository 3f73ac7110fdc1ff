using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios.Tests.Resolution;

public sealed class PolicyLeversTests
{
    [Theory]
    [InlineData("intel-sharing", PolicyLever.IntelSharing)]
    [InlineData("IntelSharing", PolicyLever.IntelSharing)]
    [InlineData("targeting.intelsharing", PolicyLever.IntelSharing)]
    [InlineData(" Arms.FlowPerYear ", PolicyLever.ArmsFlowPerYear)]
    public void TryParse_NameOrKeyPath_FindsTheLever(string text, PolicyLever expected)
    {
        Assert.True(PolicyLevers.TryParse(text, out var lever));
        Assert.Equal(expected, lever);
    }

    [Fact]
    public void TryParse_NotALever_Fails() => Assert.False(PolicyLevers.TryParse("Targeting.PKill", out _));

    [Fact]
    public void EveryLever_SetsACatalogParameter()
    {
        foreach (var lever in Enum.GetValues<PolicyLever>())
            Assert.NotNull(ParameterCatalog.Find(PolicyLevers.KeyPath(lever)));
        Assert.Equal(Enum.GetValues<PolicyLever>().Length, PolicyLevers.Names.Distinct().Count());
    }
}
