using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests;

/// <summary>Small, fast parameter sets and helpers shared by the model tests.</summary>
internal static class TestModels
{
    /// <summary>A 10 x 10 grid with 12 factions and 3,000 members; short spin-up.</summary>
    public static ModelParameters SmallGrid(int members = 3000, int factions = 12) => new()
    {
        Weeks = 104,
        World = new WorldParameters { Kind = WorldKind.Grid, Width = 10, Height = 10, Ports = 2 },
        Factions = new FactionParameters { Count = factions, InitialMembers = members, RivalryEdges = 15, AllianceEdges = 10 },
        Territory = new TerritoryParameters { SpinUpWeeks = 4 },
    };

    /// <summary>The well-mixed (mean-field) world with a few factions.</summary>
    public static ModelParameters WellMixed(int members = 3000, int factions = 10) => new()
    {
        Weeks = 104,
        World = new WorldParameters { Kind = WorldKind.WellMixed },
        Factions = new FactionParameters { Count = factions, InitialMembers = members, RivalryEdges = 10, AllianceEdges = 6 },
    };

    /// <summary>No targeting (no random leader/lieutenant removals).</summary>
    public static ModelParameters NoTargeting(this ModelParameters p) =>
        p with { Targeting = p.Targeting with { LeaderLocateBase = 0, LieutenantLocateBase = 0 } };

    /// <summary>No arrests, no state killing.</summary>
    public static ModelParameters NoEnforcement(this ModelParameters p) =>
        p with { Enforcement = p.Enforcement with { Eta = 0, Eta0 = 0, StateKillRate = 0, EscapeRate = 0 } };

    /// <summary>No conflict deaths.</summary>
    public static ModelParameters NoConflict(this ModelParameters p) => p with { Conflict = p.Conflict with { Theta = 0, DyadRate = 0 } };

    /// <summary>No recruitment.</summary>
    public static ModelParameters NoRecruitment(this ModelParameters p) => p with { Recruitment = p.Recruitment with { Rho = 0 } };

    /// <summary>No exits, desertion, or consolidation.</summary>
    public static ModelParameters NoExits(this ModelParameters p) => p with
    {
        Exits = p.Exits with { Omega = 0 },
        Economy = p.Economy with { DesertionRate = 0 },
        Consolidation = p.Consolidation with { MinFactionSize = 0, PlazalessEndProbability = 0 },
    };

    /// <summary>Runs <paramref name="weeks"/> weeks and returns the metrics.</summary>
    public static List<WeeklyMetrics> Run(Simulation sim, int weeks)
    {
        var list = new List<WeeklyMetrics>(weeks);
        for (int w = 0; w < weeks; w++) list.Add(sim.Step());
        return list;
    }

    public static T Process<T>(Simulation sim) where T : IProcess => sim.Processes.OfType<T>().Single();

    /// <summary>Runs the start-of-week bookkeeping of <see cref="Simulation.Step"/> and then the processes
    /// up to and including <typeparamref name="T"/> (for inspecting a process's internals mid-week).</summary>
    public static void StepUpTo<T>(Simulation sim) where T : IProcess
    {
        var s = sim.State;
        s.Cells.ResetWeeklyCounters();
        s.Counters.Clear();
        s.Removals.Clear();
        s.EnsureFactionArrays();
        s.Presence.Build(s.Members, s.World.CellCount, s.Factions.Capacity);
        s.RebuildUnitLists();
        foreach (var p in sim.Processes)
        {
            p.Step(s);
            if (p is T) return;
        }
    }

    /// <summary>Active members of a faction (scan).</summary>
    public static int ActiveMembers(ModelState s, int f)
    {
        int n = 0;
        for (int i = 0; i < s.Members.Count; i++)
            if (s.Members.Status[i] == (byte)MemberStatus.Active && s.Members.Faction[i] == f) n++;
        return n;
    }

    /// <summary>Index of the largest active faction (scan).</summary>
    public static int Largest(ModelState s)
    {
        int best = -1, bestN = -1;
        for (int f = 0; f < s.Factions.Count; f++)
        {
            if (!s.Factions.Active[f]) continue;
            int n = ActiveMembers(s, f);
            if (n > bestN) { bestN = n; best = f; }
        }
        return best;
    }

    public static double Mean(this IEnumerable<WeeklyMetrics> ms, Func<WeeklyMetrics, double> sel) => ms.Select(sel).Average();
}
