using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios.Tests;

public sealed class SetFromTests : IDisposable
{
    private readonly TempDir dir = new();
    private static readonly Dictionary<string, string> NoEnv = new();

    public void Dispose() => dir.Dispose();

    private string Scenario() => dir.Write("s.json", """
        { "StartDate": "2026-02-01", "Weeks": 20,
          "Timeline": [ { "Type": "set-policy", "Week": 2, "Parameter": "demand", "Value": 0.8 } ] }
        """);

    private (Core.Parameters.ModelParameters Start, Core.Parameters.ModelParameters Full) Both(string path, params string[] sets) =>
        (ScenarioLoader.Load(path, NoEnv, SetFrom.FromStart(sets)).Parameters, ScenarioLoader.Load(path, NoEnv, sets).Parameters);

    [Fact]
    public void Lever_values_become_policy_events_on_the_dates_week_and_the_start_keeps_the_scenarios_values()
    {
        var path = Scenario();
        string[] sets = ["Arms.Interdiction=0.4", "Economy.Demand=0.5", "Arms.Interdiction=0.3"];
        var (start, full) = Both(path, sets);
        var p = SetFrom.Apply(start, full, sets, new DateOnly(2026, 3, 10)); // day 37: week 5
        Assert.Equal(start.Arms.Interdiction, p.Arms.Interdiction);
        Assert.Equal(start.Economy.Demand, p.Economy.Demand);
        var added = p.Timeline.Skip(1).Cast<SetPolicyEvent>().ToList();
        Assert.Equal(2, added.Count);
        Assert.All(added, e => Assert.Equal(5, e.Week));
        Assert.Equal((PolicyLever.Demand, 0.5), (added[0].Parameter, added[0].Value));
        Assert.Equal((PolicyLever.Interdiction, 0.3), (added[1].Parameter, added[1].Value)); // the later --set wins
        Assert.Equal(0, added[0].RampWeeks);
        Assert.IsType<SetPolicyEvent>(p.Timeline[0]); // the scenario's own event stays first
    }

    [Fact]
    public void Timeline_keys_still_apply_from_the_start()
    {
        var path = Scenario();
        string[] sets = ["Timeline.0.Value=0.6", "Arms.Interdiction=0.2"];
        Assert.Equal(["Timeline.0.Value=0.6"], SetFrom.FromStart(sets));
        var (start, full) = Both(path, sets);
        var p = SetFrom.Apply(start, full, sets, new DateOnly(2026, 2, 1));
        Assert.Equal(0.6, ((SetPolicyEvent)p.Timeline[0]).Value);
        Assert.Equal(0, p.Timeline[1].Week);
    }

    [Fact]
    public void A_parameter_that_is_not_a_lever_is_refused_with_the_levers_listed()
    {
        var path = Scenario();
        string[] sets = ["Recruitment.Rho=0.1"];
        var (start, full) = Both(path, sets);
        var e = Assert.Throws<ScenarioException>(() => SetFrom.Apply(start, full, sets, new DateOnly(2026, 3, 1)));
        Assert.Equal("Recruitment.Rho", e.Errors[0].KeyPath);
        Assert.Equal(SetFrom.Option, e.Errors[0].File);
        Assert.Contains("Arms.Interdiction", e.Errors[0].Allowed);
    }

    [Theory]
    [InlineData("2026-01-31", "before StartDate")]
    [InlineData("2026-06-21", "after the last week")]
    public void A_date_outside_the_run_is_refused(string date, string message)
    {
        var path = Scenario();
        string[] sets = ["Arms.Interdiction=0.2"];
        var (start, full) = Both(path, sets);
        var e = Assert.Throws<ScenarioException>(() => SetFrom.Apply(start, full, sets, DateOnly.Parse(date)));
        Assert.Contains(message, e.Errors[0].Message);
        Assert.Contains("2026-02-01", e.Errors[0].Allowed);
    }

    [Fact]
    public void Dates_are_yyyy_mm_dd()
    {
        Assert.Equal(new DateOnly(2026, 2, 22), SetFrom.ParseDate("2026-02-22"));
        Assert.Throws<ScenarioException>(() => SetFrom.ParseDate("22/02/2026"));
    }
}
