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
