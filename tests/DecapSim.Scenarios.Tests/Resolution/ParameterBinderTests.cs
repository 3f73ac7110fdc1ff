using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios.Tests.Resolution;

public sealed class ParameterBinderTests : ScenarioTestBase
{
    [Theory]
    [InlineData("well-mixed", WorldKind.WellMixed)]
    [InlineData("WellMixed", WorldKind.WellMixed)]
    [InlineData("GRID", WorldKind.Grid)]
    public void Load_EnumSpellings_AreAccepted(string text, WorldKind expected)
    {
        var s = Load(dir.Write("s.json", "{}"), null, "World.Kind=" + text);
        Assert.Equal(expected, s.Parameters.World.Kind);
        Assert.Equal(EnumTextOf(expected), s.Provenance["World.Kind"].Value);
    }

    private static string EnumTextOf(WorldKind k) => EnumText.Kebab(k.ToString());

    [Theory]
    [InlineData("Weeks=1.5", "Weeks", "not a whole number")]
    [InlineData("Weeks=1e40", "Weeks", "out of range")]
    [InlineData("Weeks=0", "Weeks", "out of range")]
    [InlineData("Recruitment.Rho=NaN", "Recruitment.Rho", "not a finite number")]
    [InlineData("Recruitment.Rho=-0.1", "Recruitment.Rho", "out of range")]
    [InlineData("Arms.Interdiction=abc", "Arms.Interdiction", "not a number")]
    [InlineData("World.Kind=sphere", "World.Kind", "not a known value")]
    [InlineData("StartDate=2026-13-01", "StartDate", "not a date")]
    [InlineData("Succession.MaxLieutenants=3000000000", "Succession.MaxLieutenants", "out of range")]
    [InlineData("Seed=-1", "Seed", "out of range")]
    public void Load_BadSetValue_ThrowsNamingKey(string set, string key, string message)
    {
        var err = Assert.Single(Fails(() => Load(dir.Write("s.json", "{}"), null, set)).Errors);
        Assert.Equal(key, err.KeyPath);
        Assert.Contains(message, err.Message);
        Assert.Equal("--set", err.File);
        Assert.NotEqual("", err.Allowed);
    }
}
