using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.State;

/// <summary>The current value of every policy lever, changed by timeline events (set or ramp).</summary>
public sealed class PolicyState
{
    private readonly double[] _values = new double[Enum.GetValues<PolicyLever>().Length];
    private readonly List<Ramp> _ramps = new(16);

    private readonly record struct Ramp(PolicyLever Lever, double From, double To, int StartWeek, int Weeks);

    /// <summary>Initial values from the parameters.</summary>
    public PolicyState(ModelParameters p)
    {
        Set(PolicyLever.Interdiction, p.Arms.Interdiction);
        Set(PolicyLever.IntelSharing, p.Targeting.IntelSharing);
        Set(PolicyLever.UsTrust, p.State.UsTrust);
        Set(PolicyLever.PoliceWage, p.Economy.PoliceWage);
        Set(PolicyLever.JudicialIntegrity, p.State.JudicialIntegrity);
        Set(PolicyLever.PreventionEffect, p.Recruitment.PreventionEffect);
        Set(PolicyLever.Demand, p.Economy.Demand);
        Set(PolicyLever.PoliceCapacityTarget, p.State.PoliceCapacityTarget);
        Set(PolicyLever.ArrestMultiplier, p.Enforcement.ArrestMultiplier);
        Set(PolicyLever.ArmsFlowPerYear, p.Arms.FlowPerYear);
        Set(PolicyLever.TargetingEffort, p.Targeting.Effort);
    }

    /// <summary>The levers at the model's defaults (today's policy), whatever a scenario sets: the policy the warm-up
    /// runs under, so scenarios that differ only in their policy share the warmed-up world.</summary>
    public static PolicyState StatusQuo() => new(Defaults);

    private static readonly ModelParameters Defaults = new();

    /// <summary><paramref name="p"/> with every parameter a lever starts from reset to the model's default: what a
    /// warmed-up world's set-up depends on (it runs under <see cref="StatusQuo"/>), so scenarios equal in it share one
    /// set-up (<see cref="Checkpoints.ParameterFingerprint.SetUp"/>).</summary>
    public static ModelParameters WithDefaultLevers(ModelParameters p)
    {
        var d = Defaults;
        return p with
        {
            Arms = p.Arms with { Interdiction = d.Arms.Interdiction, FlowPerYear = d.Arms.FlowPerYear },
            Targeting = p.Targeting with { IntelSharing = d.Targeting.IntelSharing, Effort = d.Targeting.Effort },
            State = p.State with { UsTrust = d.State.UsTrust, JudicialIntegrity = d.State.JudicialIntegrity, PoliceCapacityTarget = d.State.PoliceCapacityTarget },
            Economy = p.Economy with { PoliceWage = d.Economy.PoliceWage, Demand = d.Economy.Demand },
            Recruitment = p.Recruitment with { PreventionEffect = d.Recruitment.PreventionEffect },
            Enforcement = p.Enforcement with { ArrestMultiplier = d.Enforcement.ArrestMultiplier },
        };
    }

    /// <summary>Current value of a lever.</summary>
    public double this[PolicyLever lever] => _values[(int)lever];

    /// <summary>Sets a lever now.</summary>
    public void Set(PolicyLever lever, double value) => _values[(int)lever] = value;

    /// <summary>Starts a linear ramp from the current value to <paramref name="to"/> over <paramref name="weeks"/>.</summary>
    public void StartRamp(PolicyLever lever, double to, int week, int weeks)
    {
        _ramps.RemoveAll(r => r.Lever == lever);
        if (weeks <= 0) { Set(lever, to); return; }
        _ramps.Add(new Ramp(lever, this[lever], to, week, weeks));
    }

    /// <summary>Advances ramps to <paramref name="week"/>.</summary>
    public void Advance(int week)
    {
        for (int i = _ramps.Count - 1; i >= 0; i--)
        {
            var r = _ramps[i];
            double t = Math.Clamp((week - r.StartWeek) / (double)r.Weeks, 0, 1);
            _values[(int)r.Lever] = r.From + (r.To - r.From) * t;
            if (t >= 1) _ramps.RemoveAt(i);
        }
    }

    public double Interdiction => this[PolicyLever.Interdiction];
    public double IntelSharing => this[PolicyLever.IntelSharing];
    public double UsTrust { get => this[PolicyLever.UsTrust]; set => Set(PolicyLever.UsTrust, Math.Clamp(value, 0, 1)); }
    public double PoliceWage => this[PolicyLever.PoliceWage];
    public double JudicialIntegrity => this[PolicyLever.JudicialIntegrity];
    public double PreventionEffect => this[PolicyLever.PreventionEffect];
    public double Demand => this[PolicyLever.Demand];
    public double PoliceCapacityTarget => this[PolicyLever.PoliceCapacityTarget];
    public double ArrestMultiplier => this[PolicyLever.ArrestMultiplier];
    public double ArmsFlowPerYear => this[PolicyLever.ArmsFlowPerYear];
    public double TargetingEffort => this[PolicyLever.TargetingEffort];
}
