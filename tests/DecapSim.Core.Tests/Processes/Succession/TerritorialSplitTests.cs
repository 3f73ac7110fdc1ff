using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests.Processes.Succession;

/// <summary>Territorial units in splits, kill vs capture, and the hierarchy's promotions.</summary>
public class TerritorialSplitTests
{
    private static ModelParameters Quiet(params TimelineEvent[] timeline)
    {
        var p = TestModels.SmallGrid(4000, 12).NoTargeting().NoEnforcement().NoConflict() with { Timeline = timeline };
        return p with { Succession = p.Succession with { SoldiersPerLieutenant = 60, MaxLieutenants = 8 } };
    }

    private static int Cjng(ModelState s) => EventsProcess.FindFaction(s, "CJNG");

    [Fact]
    public void Splinter_TakesItsUnitsPlazas()
    {
        var sim = new Simulation(Quiet(), 3);
        sim.Step();
        var s = sim.State;
        int f = Cjng(s);
        int u = -1;
        foreach (var unit in s.UnitsOf(f))
            if (s.Units.Lieutenant[unit] >= 0 && Enumerable.Range(0, s.Cells.Count).Count(c => s.Cells.HolderUnit[c] == unit) >= 2) { u = unit; break; }
        Assert.True(u >= 0, "a CJNG unit holding two plazas");
        var plazas = Enumerable.Range(0, s.Cells.Count).Where(c => s.Cells.HolderUnit[c] == u).ToList();
        int lt = s.Units.Lieutenant[u];
        TestWorlds.Rebuild(s);
        int g = TestModels.Process<SuccessionProcess>(sim).Splinter(s, f, u, lt, 0);
        foreach (var c in plazas) Assert.Equal(g, s.Cells.Controller[c]);
        TestWorlds.Rebuild(s);
        int kept = plazas.Count(c => s.Cells.Controller[c] == g);
        Assert.True(kept >= 0.8 * plazas.Count, $"the splinter holds {kept} of its unit's {plazas.Count} plazas");
        // its members live in those plazas, not spread through every plaza of the parent
        var m = s.Members;
        int members = 0, inPlazas = 0;
        for (int i = 0; i < m.Count; i++)
            if (m.IsActive(i) && m.Faction[i] == g) { members++; if (plazas.Contains(m.Cell[i])) inPlazas++; }
        Assert.True(inPlazas >= 0.8 * members, $"{inPlazas} of {members} splinter members in its plazas");
        int parentCells = Enumerable.Range(0, s.Cells.Count).Count(c => s.Cells.Controller[c] == f);
        Assert.True(parentCells > 0, "the parent keeps plazas of its own");
    }

    private static (int Splinters, double War, double Cohesion) Removal(RemovalMode mode, ulong seed)
    {
        var sim = new Simulation(Quiet(new RemoveLeaderEvent { Week = 1, Faction = "CJNG", Mode = mode, HeirUnavailable = true }), seed);
        var s = sim.State;
        sim.Step();
        int f = Cjng(s);
        s.Factions.Cohesion[f] = 0.3;
        sim.Step();
        var splinters = Enumerable.Range(0, s.Factions.Count).Where(g => s.Factions.Parent[g] == f).ToList();
        double war = splinters.Count > 0 ? s.Factions.War[s.Factions.Pair(f, splinters[0])] : 0;
        return (splinters.Count, war, s.Factions.Cohesion[f]);
    }

    [Fact]
    public void LeaderRemoved_KillVersusCapture_KillingSplitsMoreWithFiercerWarAndLessCohesion()
    {
        var seeds = Enumerable.Range(1, 8).Select(i => (ulong)i).ToArray();
        var kill = seeds.Select(x => Removal(RemovalMode.Kill, x)).ToList();
        var capture = seeds.Select(x => Removal(RemovalMode.Capture, x)).ToList();
        var p = Quiet().Succession;
        Assert.True(kill.Average(k => k.Splinters) > 1.3 * capture.Average(c => c.Splinters),
            $"kill {kill.Average(k => k.Splinters)} splinters, capture {capture.Average(c => c.Splinters)}");
        Assert.All(kill.Where(k => k.Splinters > 0), k => Assert.Equal(p.WarRivalry, k.War, 9));
        Assert.All(capture.Where(c => c.Splinters > 0), c => Assert.Equal(p.WarRivalry * p.CaptureWarFactor, c.War, 9));
        Assert.Equal(Math.Max(0, 0.3 - p.CohesionShock), kill[0].Cohesion, 9);
        Assert.Equal(0.3 - p.CaptureCohesionShock, capture[0].Cohesion, 9);
    }

    [Fact]
    public void LeaderRemoved_Capture_HeirSucceedsMoreOften()
    {
        int Successions(RemovalMode mode)
        {
            int n = 0;
            for (ulong seed = 1; seed <= 12; seed++)
            {
                var p = Quiet(new RemoveLeaderEvent { Week = 1, Faction = "CJNG", Mode = mode });
                p = p with { Factions = p.Factions with { HeirShare = 1 } };
                var sim = new Simulation(p, seed);
                sim.Step();
                sim.State.Factions.Cohesion[Cjng(sim.State)] = 0.2;
                sim.Step();
                if (sim.State.Events.Any(e => e.Type == SimEventType.Succession)) n++;
            }
            return n;
        }
        int kill = Successions(RemovalMode.Kill), capture = Successions(RemovalMode.Capture);
        Assert.True(capture > kill, $"orderly handovers: capture {capture}, kill {kill} of 12");
    }

    [Fact]
    public void LieutenantRemoved_UnitsPlazasBecomeAVacuum()
    {
        var sim = new Simulation(Quiet(new RemoveLeaderEvent { Week = 1, Faction = "CJNG", Mode = RemovalMode.Capture, Rank = "Lieutenant" }), 5);
        var s = sim.State;
        sim.Step();
        int f = Cjng(s);
        s.Factions.Cohesion[f] = 1; // no defection
        var held = new Dictionary<int, List<int>>();
        for (int c = 0; c < s.Cells.Count; c++)
            if (s.Cells.HolderUnit[c] >= 0) { if (!held.TryGetValue(s.Cells.HolderUnit[c], out var l)) held[s.Cells.HolderUnit[c]] = l = new(); l.Add(c); }
        sim.Step();
        var removal = s.Events.Single(e => e.Type == SimEventType.LieutenantRemoval);
        Assert.Equal(f, removal.Faction);
        var vacuum = Enumerable.Range(0, s.Cells.Count).Where(c => s.Cells.VacuumUntil[c] == 1 + s.P.Succession.LieutenantVacuumWeeks).ToList();
        Assert.NotEmpty(vacuum);
        // exactly the plazas one CJNG unit held
        var unit = held.Single(kv => kv.Value.Contains(vacuum[0]));
        Assert.Equal(f, s.Units.Faction[unit.Key]);
        Assert.Equal(unit.Value.OrderBy(c => c), vacuum.OrderBy(c => c));
    }

    [Fact]
    public void Staffing_NewLeaders_AreNotBiasedTowardTheLowestCell()
    {
        int atLowest = 0, runs = 0;
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var sim = new Simulation(Quiet(new RemoveLeaderEvent { Week = 1, Faction = "CJNG", Mode = RemovalMode.Kill }), seed);
            var s = sim.State;
            sim.Step();
            int f = Cjng(s);
            // no lieutenant can take over: the staffing promotes a soldier
            foreach (var u in s.UnitsOf(f)) { int lt = s.Units.Lieutenant[u]; if (lt >= 0) { s.Members.Rank[lt] = (byte)Rank.Soldier; s.Units.Lieutenant[u] = -1; } }
            s.Factions.Heir[f] = -1;
            int lowest = int.MaxValue;
            for (int i = 0; i < s.Members.Count; i++) if (s.Members.IsActive(i) && s.Members.Faction[i] == f) lowest = Math.Min(lowest, s.Members.Cell[i]);
            sim.Step();
            int leader = s.Factions.Leader[f];
            Assert.True(s.Members.IsActive(leader));
            runs++;
            if (s.Members.Cell[leader] == lowest) atLowest++;
        }
        Assert.True(atLowest <= runs / 2, $"{atLowest} of {runs} new leaders sit in the faction's lowest-index cell");
    }
}
