using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios;

/// <summary>Maps timeline policy levers to the parameters they change.</summary>
public static class PolicyLevers
{
    private static readonly Dictionary<PolicyLever, string> paths = new()
    {
        [PolicyLever.Interdiction] = "Arms.Interdiction",
        [PolicyLever.IntelSharing] = "Targeting.IntelSharing",
        [PolicyLever.UsTrust] = "State.UsTrust",
        [PolicyLever.PoliceWage] = "Economy.PoliceWage",
        [PolicyLever.JudicialIntegrity] = "State.JudicialIntegrity",
        [PolicyLever.PreventionEffect] = "Recruitment.PreventionEffect",
        [PolicyLever.Demand] = "Economy.Demand",
        [PolicyLever.PoliceCapacityTarget] = "State.PoliceCapacityTarget",
        [PolicyLever.ArrestMultiplier] = "Enforcement.ArrestMultiplier",
        [PolicyLever.ArmsFlowPerYear] = "Arms.FlowPerYear",
        [PolicyLever.TargetingEffort] = "Targeting.Effort",
    };

    /// <summary>The parameter key path a lever sets.</summary>
    public static string KeyPath(PolicyLever lever) => paths[lever];

    /// <summary>Lever names as written in scenario files (kebab-case).</summary>
    public static IEnumerable<string> Names => Enum.GetNames<PolicyLever>().Select(EnumText.Kebab);

    /// <summary>The key paths of all levers.</summary>
    public static IEnumerable<string> KeyPaths => paths.Values;

    /// <summary>Accepts a lever name ("intel-sharing", "IntelSharing") or its key path ("Targeting.IntelSharing").</summary>
    public static bool TryParse(string text, out PolicyLever lever)
    {
        if (EnumText.TryParse(typeof(PolicyLever), text, out var v)) { lever = (PolicyLever)v!; return true; }
        foreach (var (l, p) in paths)
            if (p.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) { lever = l; return true; }
        lever = default;
        return false;
    }
}
