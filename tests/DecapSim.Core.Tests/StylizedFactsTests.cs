using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests;

/// <summary>
/// Stylized facts of MODEL.md section 7, each shown on a small world with paired runs (same seed with and
/// without the intervention, so the difference is the intervention's effect), averaged over seeds.
/// </summary>
public class StylizedFactsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int RemovalWeek = 6;

    /// <summary>A 12 x 12 grid with 12 groups and 5,000 members, no random removals: the only shocks are the test's.</summary>
    private static ModelParameters World(params TimelineEvent[] timeline)
    {
        var p = TestModels.SmallGrid(5000, 12).NoTargeting() with { Timeline = timeline };
        return p with
        {
            World = p.World with { Width = 12, Height = 12 },
            Succession = p.Succession with { SoldiersPerLieutenant = 80, MaxLieutenants = 8 },
        };
    }

    /// <summary>Homicides in CJNG's plazas (as held in the week of the removal) over the 26 weeks after it.</summary>
    private static double AffectedHomicides(ModelParameters p, ulong seed, int[] cells)
    {
        var sim = new Simulation(p, seed);
        double sum = 0;
        for (int w = 0; w < RemovalWeek + 26; w++)
        {
            sim.Step();
            if (w >= RemovalWeek) sum += TestWorlds.Homicides(sim.State, cells);
        }
        return sum;
    }

    private static int[] Plazas(ModelParameters p, ulong seed)
    {
        var sim = new Simulation(p, seed);
        for (int w = 0; w < RemovalWeek; w++) sim.Step();
        int f = EventsProcess.FindFaction(sim.State, "CJNG");
        return Enumerable.Range(0, sim.State.Cells.Count).Where(c => sim.State.Cells.Controller[c] == f).ToArray();
    }

    private static RemoveLeaderEvent Removal(RemovalMode mode, bool heirUnavailable) =>
        new() { Week = RemovalWeek, Faction = "CJNG", Mode = mode, HeirUnavailable = heirUnavailable };

    [Fact]
    public void Fact1_RemovingALeader_RaisesHomicidesInItsTerritory_MoreWhenContestedAndWhenKilled()
    {
        var seeds = Enumerable.Range(1, 6).Select(i => (ulong)i).ToArray();
        double killContested = 0, captureContested = 0, killWithHeir = 0, baseline = 0, baselineHeir = 0;
        foreach (var seed in seeds)
        {
            var cells = Plazas(World(), seed);
            baseline += AffectedHomicides(World(), seed, cells);
            killContested += AffectedHomicides(World(Removal(RemovalMode.Kill, true)), seed, cells);
            captureContested += AffectedHomicides(World(Removal(RemovalMode.Capture, true)), seed, cells);
            // an heir who takes over: every group has one and cohesion is high
            var heir = World(Removal(RemovalMode.Kill, false));
            heir = heir with { Factions = heir.Factions with { HeirShare = 1, CohesionMean = 0.9 } };
            var heirBase = World() with { Factions = heir.Factions };
            var heirCells = Plazas(heirBase, seed);
            baselineHeir += AffectedHomicides(heirBase, seed, heirCells);
            killWithHeir += AffectedHomicides(heir, seed, heirCells);
        }
        double excessKill = killContested / baseline - 1, excessCapture = captureContested / baseline - 1;
        double excessHeir = killWithHeir / baselineHeir - 1;
        output.WriteLine($"excess: kill contested {excessKill:P1}, capture contested {excessCapture:P1}, kill with heir {excessHeir:P1}");
        Assert.True(excessKill > 0.1, $"a contested killing raises homicides in the territory: {excessKill:P0}");
        Assert.True(excessKill > excessCapture, $"killing {excessKill:P0} vs capture {excessCapture:P0}");
        Assert.True(excessKill > excessHeir, $"contested {excessKill:P0} vs heir succeeds {excessHeir:P0}");
    }

    /// <summary>National homicides of a run, by week.</summary>
    private static double[] Weekly(ModelParameters p, ulong seed, int weeks, Action<ModelState>? atRemoval = null)
    {
        var sim = new Simulation(p, seed);
        var h = new double[weeks];
        for (int w = 0; w < weeks; w++)
        {
            if (w == RemovalWeek) atRemoval?.Invoke(sim.State);
            h[w] = sim.Step().Homicides;
        }
        return h;
    }

    private static double Sum(double[] h, int from, int to) => h.Skip(RemovalWeek + from).Take(to - from).Sum();

    [Fact]
    public void Fact2_APureConflictShockFades_WhileNewGroupsInContactLast()
    {
        var seeds = Enumerable.Range(1, 5).Select(i => (ulong)i).ToArray();
        const int weeks = RemovalWeek + 104;
        double shockEarly = 0, shockLate = 0, splitLate = 0, splitEarly = 0;
        foreach (var seed in seeds)
        {
            var p = World();
            var baseline = Weekly(p, seed, weeks);
            // a pure conflict shock: two large groups go to war for a while, no group is created
            var shock = Weekly(p, seed, weeks, s =>
            {
                var F = s.Factions;
                // as fierce as the succession war the split below starts
                for (int f = 0; f < 4; f++) for (int g = 0; g < 4; g++) if (f != g) F.War[F.Pair(f, g)] = s.P.Succession.WarRivalry;
            });
            // structural change: the largest group breaks into splinters that hold their own plazas
            var split = Weekly(World(Removal(RemovalMode.Kill, true)) with
            {
                Factions = p.Factions with { CohesionMean = 0.05 },
            }, seed, weeks);
            var splitBase = Weekly(p with { Factions = p.Factions with { CohesionMean = 0.05 } }, seed, weeks);
            shockEarly += Sum(shock, 0, 26) - Sum(baseline, 0, 26);
            shockLate += Sum(shock, 52, 104) - Sum(baseline, 52, 104);
            splitEarly += Sum(split, 0, 26) - Sum(splitBase, 0, 26);
            splitLate += Sum(split, 52, 104) - Sum(splitBase, 52, 104);
        }
        output.WriteLine($"shock early {shockEarly} late {shockLate}; split early {splitEarly} late {splitLate}");
        Assert.True(shockEarly > 0, $"the shock raises violence at first: {shockEarly}");
        // weeks 53-104 are twice as long as weeks 1-26: compare weekly rates
        Assert.True(shockLate / 2 < 0.5 * shockEarly, $"the shock fades: early {shockEarly}, late {shockLate} (two halves)");
        // a year later the splinters, still in contact at their frontiers, keep more than twice the violence the
        // equally fierce shock among existing groups has left
        Assert.True(splitLate > 2 * shockLate, $"fragmentation lasts: early {splitEarly}, late {splitLate}; shock late {shockLate}");
    }
}
