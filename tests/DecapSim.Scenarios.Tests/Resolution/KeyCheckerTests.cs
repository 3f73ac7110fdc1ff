using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios.Tests.Resolution;

public sealed class KeyCheckerTests : ScenarioTestBase
{
    [Fact]
    public void Load_UnknownKey_SuggestsNearestName()
    {
        var p = dir.Write("u.json", """{ "Recruitment": { "Rhoo": 0.1 } }""");
        var err = Assert.Single(Fails(() => Load(p)).Errors);
        Assert.Equal("Recruitment.Rhoo", err.KeyPath);
        Assert.Contains("Did you mean 'Recruitment.Rho'", err.Message);
    }

    [Fact]
    public void Load_ParameterInWrongSection_SuggestsItsSection()
    {
        var p = dir.Write("u.json", """{ "Arms": { "Theta": 0.1 } }""");
        var err = Assert.Single(Fails(() => Load(p)).Errors);
        Assert.Contains("Conflict.Theta", err.Message);
    }

    [Fact]
    public void Load_UnknownEnvironmentKey_ThrowsNamingTheVariable()
    {
        var err = Assert.Single(Fails(() => Load(dir.Write("s.json", "{}"), new() { ["DECAPSIM__Arms__Interdicton"] = "0.1" })).Errors);
        Assert.Equal("env DECAPSIM__Arms__Interdicton", err.File);
        Assert.Contains("Arms.Interdiction", err.Message);
    }
}
