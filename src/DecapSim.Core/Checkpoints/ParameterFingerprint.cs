using System.Security.Cryptography;
using DecapSim.Core.Parameters;

namespace DecapSim.Core.Checkpoints;

/// <summary>
/// A hash of everything in the parameters that can affect the weeks before a given week: every parameter value and
/// the timeline events that fire before that week. The run's length (<see cref="ModelParameters.Weeks"/>) and the
/// events from that week on are left out, so variants that branch at that week share the fingerprint.
/// </summary>
public static class ParameterFingerprint
{
    /// <summary>The fingerprint of what the set-up of <paramref name="p"/> (world, landscape, spin-up, warm-up:
    /// <see cref="SimulationSetUp"/>) depends on: <see cref="Before"/> week 0, except that a warmed-up world leaves
    /// the levers' starting values out (its set-up and warm-up run under today's policy and the scenario's levers
    /// apply from week 0), so policy variants of one world share their set-up.</summary>
    public static string SetUp(ModelParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Before(TerritoryParameters.EffectiveWarmUpWeeks(p) > 0 ? State.PolicyState.WithDefaultLevers(p) : p, 0);
    }

    /// <summary>The fingerprint of <paramref name="p"/> for the weeks before <paramref name="week"/> (hex).</summary>
    public static string Before(ModelParameters p, int week)
    {
        ArgumentNullException.ThrowIfNull(p);
        var prefix = p with { Weeks = 0, Timeline = p.Timeline.Where(e => e.Week < week).ToArray() };
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(week);
            new StateImageWriter(w, []).WriteRoot(prefix, "parameters");
        }
        return Convert.ToHexString(SHA256.HashData(ms.GetBuffer().AsSpan(0, (int)ms.Length)));
    }
}
