using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 8: succession and fragmentation. Succession wars decay; each removal of the week is handled — a leader's
/// by <see cref="LeaderSuccession"/> (heir or contested succession, splinters, kill vs capture), a lieutenant's by
/// <see cref="LieutenantDefection"/> (replacement, vacuum, or the unit defects) — then the contests an extradition set
/// off (<see cref="LeaderSuccession.Extradited"/>), then dead ranked members are freed
/// and <see cref="HierarchyStaffing"/> keeps every faction's leader and lieutenants in place.
/// </summary>
public sealed class SuccessionProcess : IProcess
{
    private StreamRng? _rng;
    private LeaderSuccession? _leaders;
    private LieutenantDefection? _defection;
    private HierarchyStaffing? _staffing;

    public string Name => "succession";

    public void Step(ModelState s)
    {
        if (_rng is null)
        {
            _rng = new StreamRng(s.StreamKey(Streams.Succession));
            _leaders = new LeaderSuccession(_rng);
            _defection = new LieutenantDefection(_rng);
            _staffing = new HierarchyStaffing(_rng);
        }
        DecayWar(s);
        for (int i = 0; i < s.Removals.Count; i++)
        {
            var r = s.Removals[i];
            if (!s.Factions.Active[r.Faction]) continue;
            int region = s.World.Region[s.Members.Cell[r.Member]];
            if (r.WasLeader) _leaders!.LeaderRemoved(s, r, region);
            else _defection!.LieutenantRemoved(s, r, region);
        }
        // contests without a removal (an extradition took away a jailed leader's arbitration)
        for (int i = 0; i < s.Contests.Count; i++) _leaders!.Extradited(s, s.Contests[i]);
        s.Contests.Clear();
        foreach (var m in s.PendingFree) s.Members.Recycle(m);
        s.PendingFree.Clear();
        _staffing!.Staff(s);
    }

    /// <summary>Founds a splinter of f from unit u led by <paramref name="newLeader"/> (for tests).</summary>
    internal int Splinter(ModelState s, int f, int u, int newLeader, int region) => Splinters.Found(s, f, u, newLeader, region);

    /// <summary>Index of the next value of <paramref name="row"/> after <paramref name="g"/> that is not zero, or -1.</summary>
    internal static int Next(Span<double> row, int g)
    {
        int k = row[(g + 1)..].IndexOfAnyExcept(0.0);
        return k < 0 ? -1 : g + 1 + k;
    }

    /// <summary>Succession-war rivalry decays with a half-life.</summary>
    private static void DecayWar(ModelState s)
    {
        var F = s.Factions;
        double k = Math.Pow(0.5, 1.0 / s.P.Succession.WarHalfLifeWeeks);
        int cap = F.Capacity;
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            // most pairs are at peace: jump from one nonzero value to the next (a vectorised search)
            var row = F.War.AsSpan(f * cap, F.Count);
            for (int g = row.IndexOfAnyExcept(0.0); g >= 0; g = Next(row, g))
            {
                double w = row[g];
                if (w != 0) row[g] = w < 1e-3 ? 0 : w * k;
            }
        }
    }
}
