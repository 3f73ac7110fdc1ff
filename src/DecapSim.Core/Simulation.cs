using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Processes;
using DecapSim.Core.Random;
using DecapSim.Core.State;
using DecapSim.Core.World;

namespace DecapSim.Core;

/// <summary>
/// Builds a model from (parameters, seeds) and steps it week by week. The model is a function of those two
/// inputs only: no clock, no I/O, no shared randomness.
/// </summary>
public sealed class Simulation
{
    /// <summary>The state the processes act on.</summary>
    public ModelState State { get; }
    /// <summary>The weekly processes, in MODEL.md order.</summary>
    public IReadOnlyList<IProcess> Processes { get; }
    /// <summary>Reads the weekly metrics.</summary>
    public Observer Observer { get; }

    /// <param name="p">The parameters.</param>
    /// <param name="seeds">The structure seed (world, initial factions and networks: what replicates of an ensemble
    /// share) and the dynamics seed (see <see cref="Seeds.ForReplicate"/>).</param>
    /// <param name="schedule">The ordered weekly processes (default: <see cref="DefaultSchedule"/>); a test may run a
    /// subset without switches on parameters.</param>
    /// <param name="naming">Names of the factions the model creates (default: <see cref="FactionNaming.Default"/>,
    /// the names of the published runs).</param>
    public Simulation(ModelParameters p, Seeds seeds, IReadOnlyList<IProcess>? schedule = null, IFactionNaming? naming = null)
        : this(BuildSetUp(p, seeds.Structure, naming, schedule), seeds, schedule)
    {
    }

    /// <summary>Starts a run from a set-up state at week 0 (owned by this simulation from now on).</summary>
    internal Simulation(ModelState setUp, Seeds seeds, IReadOnlyList<IProcess>? schedule)
    {
        Seeds = seeds;
        State = setUp;
        setUp.Seed = seeds.Dynamics;
        Processes = schedule ?? DefaultSchedule();
        Observer = new Observer(setUp.World.RegionCount);
    }

    /// <summary>A restored or copied run (see <see cref="Checkpoints.SimulationCheckpoint"/>).</summary>
    internal Simulation(ModelState state, IReadOnlyList<IProcess> processes, Observer observer, Seeds seeds)
    {
        State = state; Processes = processes; Observer = observer; Seeds = seeds;
    }

    /// <summary>
    /// Everything before week 0: the world, the cells, the initial factions, members and networks, the spin-up and
    /// the warm-up. It depends on the parameters and the structure seed only (its streams are keyed by the structure
    /// seed), so the replicates of an ensemble share it: <see cref="SimulationSetUp"/> builds it once and copies it.
    /// </summary>
    /// <param name="warmUpSchedule">Processes of the warm-up (default: a new <see cref="DefaultSchedule"/>).</param>
    internal static ModelState BuildSetUp(ModelParameters p, ulong structure, IFactionNaming? naming, IReadOnlyList<IProcess>? warmUpSchedule = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        var world = BuildWorld(p.World, structure);
        long initial = p.InitialFactions?.Factions.Sum(f => (long)f.Members) ?? p.Factions.InitialMembers;
        int memberCap = (int)Math.Min(int.MaxValue / 2, initial * 3 / 2 + 1024);
        int factionCount = p.InitialFactions?.Factions.Count ?? p.Factions.Count;
        var s = new ModelState(p, structure, world, memberCap, Math.Max(256, factionCount * 3)) { Naming = naming ?? FactionNaming.Default };
        double totalWeight = world.RouteWeight.Sum();
        for (int c = 0; c < world.CellCount; c++)
        {
            s.Cells.RouteValue[c] = totalWeight > 0 ? world.RouteWeight[c] / totalWeight * p.Economy.RouteValuePerYear / 52 : 0;
            s.Cells.Police[c] = p.State.PoliceCapacity;
            s.Cells.Corruption[c] = p.State.Corruption;
            s.Cells.Troops[c] = p.State.BaselineTroops;
        }
        int warmUp = TerritoryParameters.EffectiveWarmUpWeeks(p);
        // a warmed-up world is built and warmed under today's policy; the scenario's levers apply from week 0
        if (warmUp > 0) s.Policy = PolicyState.StatusQuo();
        new LandscapeBuilder(s, new StreamRng(CounterRng.Key(structure, Streams.Build))).Build();
        s.EnsureFactionArrays();
        s.Presence.Build(s.Members, world.CellCount, s.Factions.Capacity);
        s.RebuildUnitLists();
        SpinUp(s);
        TerritoryProcess.UpdateControl(s);
        s.LiveMembers = (int[])s.Presence.FactionMembers.Clone();
        if (warmUp > 0) WarmUp(s, structure, warmUp, warmUpSchedule);
        return s;
    }

    /// <summary>A deep copy of this run as it is now: stepping the copy and this run gives the same weeks (branching).
    /// Parameters, world and naming are shared (immutable); the copy has no <see cref="StepObserver"/>.</summary>
    public Simulation Clone() => Checkpoints.SimulationCheckpoint.Copy(this, State.P);

    /// <summary>A deep copy that continues under <paramref name="p"/>: parameters equal to this run's before the
    /// current week (<see cref="Checkpoints.ParameterFingerprint"/>), timeline events from this week on may differ
    /// (a branch). Throws <see cref="Checkpoints.CheckpointException"/> when the parameters differ earlier.</summary>
    public Simulation Clone(ModelParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!ReferenceEquals(p, State.P) && Checkpoints.ParameterFingerprint.Before(p, Week) != Checkpoints.ParameterFingerprint.Before(State.P, Week))
            throw new Checkpoints.CheckpointException($"cannot branch at week {Week} into other parameters: the structural parameters or the timeline before week {Week} differ");
        return Checkpoints.SimulationCheckpoint.Copy(this, p);
    }

    /// <summary>Most threads one weekly step of a big world may use (default 1: this thread only); results do not
    /// depend on it (fixed partition).</summary>
    public int InnerThreads { get => State.Parallelism; set => State.Parallelism = value; }

    /// <summary>The seeds this run was built from.</summary>
    public Seeds Seeds { get; }

    /// <summary>Optional diagnostics hooks around each part of the step (never part of the results).</summary>
    public IStepObserver? StepObserver { get; set; }

    /// <summary>The weekly processes of MODEL.md section 3, in order (new instances: processes keep scratch state).</summary>
    public static IProcess[] DefaultSchedule() => new IProcess[]
    {
        new EventsProcess(), new EconomyProcess(), new ArmsProcess(), new RecruitmentProcess(), new ConflictProcess(),
        new EnforcementProcess(), new TargetingProcess(), new SuccessionProcess(), new RetaliationProcess(),
        new TerritoryProcess(), new RivalryProcess(), new ConsolidationProcess(), new StateCapacityProcess(), new ExitsProcess(),
    };

    /// <summary>Spin-up: soldiers only move for a number of weeks (negative week numbers) so the stylized initial
    /// placement settles before week 0 (keyed by the structure seed: part of the shared set-up).</summary>
    private static void SpinUp(ModelState s)
    {
        if (s.P.MeanField) return;
        var territory = new TerritoryProcess();
        int weeks = s.P.Territory.SpinUpWeeks;
        // during spin-up every cell but in its last week is open (a vacuum until week -1, as in the first wave), so
        // soldiers spread toward value and contest
        // the stylized placement's borders; the weeks after it (warm-up, run) see real vacuums only
        Array.Fill(s.Cells.VacuumUntil, -1);
        for (int w = -weeks; w < 0; w++)
        {
            s.Week = w;
            s.Presence.Build(s.Members, s.World.CellCount, s.Factions.Capacity);
            territory.SpinUp(s, s.P.Territory.SpinUpMoveRate);
        }
        Array.Fill(s.Cells.VacuumUntil, FactionTable.NoWeek);
        s.Incursions.Clear();
        s.Week = 0;
        s.Presence.Build(s.Members, s.World.CellCount, s.Factions.Capacity);
    }

    /// <summary>Warm-up: the whole weekly model runs for <paramref name="weeks"/> weeks (negative week numbers) with
    /// streams keyed by the structure seed, so replicates of one structure seed share it; the timeline's events
    /// (weeks >= 0) do not fire, and leaders are not targeted (lieutenants are), so the leaders at week 0 are the
    /// ones the scenario names and places. The policy levers stay at the model's defaults (<see cref="PolicyState.StatusQuo"/>)
    /// and take the scenario's values at week 0, so scenarios that differ only in policy start from the same world. Afterwards the logs, ledger and counters start again from zero at week 0; groups
    /// founded or ended during the warm-up keep their negative weeks.</summary>
    private static void WarmUp(ModelState s, ulong structure, int weeks, IReadOnlyList<IProcess>? schedule)
    {
        ulong dynamics = s.Seed; // the structure seed while the set-up is built
        s.Seed = CounterRng.Key(structure, Streams.WarmUp);
        s.WarmingUp = true;
        var processes = schedule == null ? DefaultSchedule() : schedule;
        var observer = new Observer(s.World.RegionCount);
        // the initial groups existed before the warm-up (no grace period for young groups)
        var F = s.Factions;
        int initial = F.Count;
        for (int f = 0; f < initial; f++) F.FoundedWeek[f] = -weeks - ConsolidationProcess.GraceWeeks;
        for (int w = -weeks; w < 0; w++)
        {
            s.Week = w;
            StepWith(s, processes, observer, null);
        }
        s.Week = 0;
        s.WarmingUp = false;
        s.Policy = new PolicyState(s.P);
        for (int f = 0; f < initial; f++) F.FoundedWeek[f] = 0;
        s.Seed = dynamics;
        s.Events.Clear();
        s.EventLabels.Clear();
        s.Ledger.Reset();
        s.Removals.Clear();
    }

    /// <summary>The world a simulation with this structure seed runs on (without building factions or members).</summary>
    public static World.World BuildWorld(WorldParameters p, ulong structureSeed) =>
        WorldFactory.Build(p, new StreamRng(CounterRng.Key(structureSeed, Streams.World)));

    /// <summary>Current week (number of steps taken).</summary>
    public int Week => State.Week;

    /// <summary>Advances one week and returns its metrics.</summary>
    public WeeklyMetrics Step()
    {
        var metrics = StepWith(State, Processes, Observer, StepObserver);
        State.Week++;
        return metrics;
    }

    private static WeeklyMetrics StepWith(ModelState s, IReadOnlyList<IProcess> processes, Observer metricsObserver, IStepObserver? observer)
    {
        if (s.AgeWeightTable.Length == 0) s.AgeWeightTable = ExitsProcess.AgeWeights(s.P.Exits.AgeSlope);
        observer?.Starting(-1);
        s.Cells.ResetWeeklyCounters();
        s.Counters.Clear();
        s.Removals.Clear();
        s.EnsureFactionArrays();
        // last week's losses drive this week's mobilisation
        (s.Losses, s.LossesThisWeek) = (s.LossesThisWeek, s.Losses);
        Array.Clear(s.LossesThisWeek);
        s.Incursions.Clear();
        s.Presence.Update(s.Members, s.World.CellCount, s.Factions.Capacity, s.Week, s.AgeWeightTable);
        s.RebuildUnitLists();
        observer?.Finished(-1);
        for (int i = 0; i < processes.Count; i++)
        {
            observer?.Starting(i);
            processes[i].Step(s);
            observer?.Finished(i);
        }
        return metricsObserver.Observe(s);
    }
}
