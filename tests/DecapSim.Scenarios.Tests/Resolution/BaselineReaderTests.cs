namespace DecapSim.Scenarios.Tests.Resolution;

public sealed class BaselineReaderTests : ScenarioTestBase
{
    [Fact]
    public void Baseline_NamesASiblingOrAPath_AndIsInherited()
    {
        var b = dir.Write("base.json", "{}");
        var s = Load(dir.Write("policy.json", """{ "Baseline": "base" }"""));
        Assert.Equal(b, s.Baseline);
        Assert.Equal(b, Load(dir.Write("sub/by-path.json", """{ "Baseline": "../base.json" }""")).Baseline);
        Assert.Equal(b, Load(dir.Write("child.json", """{ "extends": "policy.json" }""")).Baseline);
        Assert.Null(Load(b).Baseline);
    }

    [Fact]
    public void Baseline_MissingSelfOrNotText_IsAnError()
    {
        var missing = Fails(() => Load(dir.Write("a.json", """{ "Baseline": "no-such-scenario" }""")));
        Assert.Contains(missing.Errors, e => e.KeyPath == "Baseline" && e.Message.Contains("not found"));
        var self = Fails(() => Load(dir.Write("self.json", """{ "Baseline": "self" }""")));
        Assert.Contains(self.Errors, e => e.KeyPath == "Baseline" && e.Message.Contains("its own baseline"));
        var number = Fails(() => Load(dir.Write("n.json", """{ "Baseline": 3 }""")));
        Assert.Contains(number.Errors, e => e.KeyPath == "Baseline");
    }
}
