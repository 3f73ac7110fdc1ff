using DecapSim.Core.Factions;
using DecapSim.Core.Random;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 7: every leader and lieutenant is located with weekly probability
/// LocateBase x Effort x (1 + IntelSharing x UsTrust) x (1 - k_c) (Effort: the targeting-effort policy lever); a located target is killed (PKill) or captured, and the
/// raid kills some members around the target and some state forces.
/// </summary>
public sealed class TargetingProcess : IProcess
{
    private StreamRng? _rng;

    public string Name => "targeting";

    public void Step(ModelState s)
    {
        if (s.P.MeanField) return;
        _rng ??= new StreamRng(s.StreamKey(Streams.Targeting));
        var p = s.P.Targeting;
        var F = s.Factions;
        double intel = (1 + s.Policy.IntelSharing * s.Policy.UsTrust) * s.Policy.TargetingEffort;
        int nf = F.Count;
        for (int f = 0; f < nf; f++)
        {
            if (!F.Active[f]) continue;
            int leader = F.Leader[f];
            if (leader >= 0 && !s.WarmingUp && s.Members.IsActive(leader)) TryLocate(s, leader, p.LeaderLocateBase * intel);
            var units = s.UnitsOf(f);
            foreach (var u in units)
            {
                int lt = s.Units.Lieutenant[u];
                if (lt >= 0 && s.Members.IsActive(lt) && s.Members.Faction[lt] == f) TryLocate(s, lt, p.LieutenantLocateBase * intel);
            }
        }
    }

    private void TryLocate(ModelState s, int target, double baseP)
    {
        int cell = s.Members.Cell[target];
        double pr = baseP * (1 - s.Cells.Corruption[cell]);
        if (_rng!.NextDouble() >= pr) return;
        var p = s.P.Targeting;
        int f = s.Members.Faction[target];
        bool kill = _rng.NextDouble() < p.PKill;
        EventsProcess.RemoveTarget(s, target, kill ? RemovalMode.Kill : RemovalMode.Capture);
        // raid casualties around the target
        int extra = _rng.Poisson(p.RaidMembersKilled);
        var pres = s.Presence;
        for (int k = pres.CellMemberStart[cell]; k < pres.CellMemberStart[cell + 1] && extra > 0; k++)
        {
            int m = pres.MembersByCell[k];
            if (m == target || s.Members.Faction[m] != f || !s.Members.IsActive(m) || s.Members.Rank[m] != (byte)Rank.Soldier) continue;
            s.Cells.StateKills[cell]++;
            Ops.Kill(s, m);
            extra--;
        }
        s.Cells.StateForcesKilled[cell] += _rng.Poisson(p.RaidStateKilled);
    }
}
