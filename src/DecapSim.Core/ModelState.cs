using DecapSim.Core.Factions;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Random;
using DecapSim.Core.State;
using DecapSim.Core.Timeline;

namespace DecapSim.Core;

/// <summary>A removal of a leader or lieutenant waiting for the succession process.</summary>
/// <param name="Faction">Faction of the removed member at removal time.</param>
/// <param name="Member">Member index (still valid until the succession step: dead members are freed there).</param>
/// <param name="Mode">Kill or capture.</param>
/// <param name="WasLeader">True for a leader, false for a lieutenant.</param>
/// <param name="Unit">Unit the lieutenant headed (or -1).</param>
/// <param name="HeirUnavailable">The heir cannot succeed (e.g. imprisoned abroad).</param>
/// <param name="Label">Label (index into <see cref="ModelState.EventLabels"/>) of the timeline event that forced the
/// removal, or -1 for removals the model's own processes made.</param>
public readonly record struct Removal(int Faction, int Member, RemovalMode Mode, bool WasLeader, int Unit, bool HeirUnavailable, int Label = -1);

/// <summary>A leader in prison, as captured (by the timeline, targeting or an arrest): what an escape or an extradition
/// on the timeline refers to.</summary>
/// <param name="Faction">The faction he led when captured.</param>
/// <param name="Member">His member slot (valid while he is imprisoned with <paramref name="ReleaseWeek"/>).</param>
/// <param name="CaptureWeek">Week of the capture.</param>
/// <param name="ReleaseWeek">End of his sentence (identifies the stay: a slot recycled later has another).</param>
public readonly record struct JailedLeader(int Faction, int Member, int CaptureWeek, int ReleaseWeek);

/// <summary>A succession contest queued for the succession process without a removal (after an extradition).</summary>
/// <param name="Faction">The contested faction.</param>
/// <param name="Region">Region the contest is logged in.</param>
/// <param name="Label">Label of the timeline event that set it off, or -1.</param>
public readonly record struct SuccessionContest(int Faction, int Region, int Label);

/// <summary>The whole mutable state of one run; the processes read and write it.</summary>
public sealed class ModelState
{
    public ModelParameters P { get; }
    /// <summary>Names of the factions the model creates (unnamed initial groups, splinters).</summary>
    public IFactionNaming Naming { get; init; } = FactionNaming.Default;
    /// <summary>The dynamics seed the processes' streams are keyed by (while the set-up before week 0 is built, the
    /// structure seed, and during its warm-up a key derived from it: the set-up is shared by the replicates of a
    /// structure seed).</summary>
    public ulong Seed { get; internal set; }
    public World.World World { get; }
    public CellState Cells { get; }
    public FactionTable Factions { get; }
    public MemberTable Members { get; }
    public UnitTable Units { get; }
    public PolicyState Policy { get; internal set; }
    public PresenceIndex Presence { get; } = new();
    public WeekCounters Counters { get; } = new();
    public MemberLedger Ledger { get; } = new();
    /// <summary>Logged events (removals, splits, ...).</summary>
    public List<SimEvent> Events { get; } = new(1024);
    /// <summary>Labels for events created from the timeline (index = <see cref="SimEvent.Label"/>).</summary>
    public List<string> EventLabels { get; } = new();
    /// <summary>Removals this week, handled by the succession process.</summary>
    public List<Removal> Removals { get; } = new(256);
    /// <summary>Leaders captured and still in prison, in capture order (stale entries, whose member has left prison, are
    /// dropped weekly by the events process; see <see cref="Processes.JailedLeaderEvents"/>).</summary>
    public List<JailedLeader> JailedLeaders { get; } = new(64);
    /// <summary>Succession contests queued this week without a removal (extraditions), handled by the succession process.</summary>
    public List<SuccessionContest> Contests { get; } = new(4);
    /// <summary>Members to free at the end of succession (dead leaders and lieutenants).</summary>
    public List<int> PendingFree { get; } = new(256);
    /// <summary>Current week (0-based).</summary>
    public int Week { get; set; }
    /// <summary>True during the warm-up before week 0 (see <see cref="Simulation"/>): leaders are not targeted then, so
    /// the groups' leaders at week 0 are the ones the scenario names and places.</summary>
    public bool WarmingUp { get; internal set; }

    /// <summary>Most threads a big world may use inside one weekly step (1 = this thread only). The work is split
    /// into fixed blocks whatever this is, so results never depend on it.</summary>
    public int Parallelism
    {
        get => _parallel.MaxDegreeOfParallelism;
        set => _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, value) };
    }
    private ParallelOptions _parallel = new() { MaxDegreeOfParallelism = 1 };

    /// <summary>Runs <paramref name="body"/> for blocks [0, blocks): in parallel up to <see cref="Parallelism"/>
    /// threads, or in order on this thread.</summary>
    public void ForBlocks(int blocks, Action<int> body)
    {
        if (_parallel.MaxDegreeOfParallelism <= 1) for (int b = 0; b < blocks; b++) body(b);
        else Parallel.For(0, blocks, _parallel, body);
    }

    /// <summary>Exit age weights by quarter year of age (see <see cref="Processes.ExitsProcess"/>).</summary>
    public double[] AgeWeightTable = Array.Empty<double>();
    /// <summary>Imprisoned members (indices) in order of imprisonment, for the weekly release check; an entry whose
    /// slot is no longer imprisoned is dropped at the next check.</summary>
    public int[] Prison = new int[1024];
    /// <summary>The release week of <see cref="Prison"/>[j] (a copy of <see cref="MemberTable.ReleaseWeek"/> kept
    /// next to the list, so the weekly check reads the list in order instead of scattered slots).</summary>
    public int[] PrisonRelease = new int[1024];
    /// <summary>The faction of <see cref="Prison"/>[j]'s slot (a copy of <see cref="MemberTable.Faction"/>, true for the
    /// newest entry of every imprisoned slot: set on imprisonment, and re-read by <see cref="PrisonersChangedFaction"/>
    /// whenever imprisoned members change faction), so a faction's prisoners are found by a sequential scan of the
    /// list instead of reading the faction of every prisoner (<see cref="Processes.Ops.MembersOf"/>).</summary>
    public int[] PrisonFaction = new int[1024];
    public int PrisonCount;

    /// <summary>Adds a member just imprisoned (<see cref="MemberTable.Jail"/>) to the prison list.</summary>
    public void AddPrisoner(int m)
    {
        if (PrisonCount == Prison.Length)
        {
            Array.Resize(ref Prison, Prison.Length * 2); Array.Resize(ref PrisonRelease, Prison.Length); Array.Resize(ref PrisonFaction, Prison.Length);
        }
        int release = Members.ReleaseWeek[m], faction = Members.Faction[m];
        // a slot removed while imprisoned since the last check still has its old entry in the list, which the
        // check treats as this imprisonment (it reads the slot's state): keep its copy of the release week true
        var left = Members.LeftJail.AsSpan(0, Members.LeftJailCount);
        if (left.Contains(m))
            for (int j = 0; j < PrisonCount; j++) if (Prison[j] == m) { PrisonRelease[j] = release; PrisonFaction[j] = faction; }
        Prison[PrisonCount] = m;
        PrisonRelease[PrisonCount] = release;
        PrisonFaction[PrisonCount++] = faction;
    }

    /// <summary>Call after imprisoned members of faction <paramref name="from"/> were moved to another faction
    /// (absorption, a unit's defection or split): the prison list's copies of their faction are read again.</summary>
    public void PrisonersChangedFaction(int from)
    {
        var faction = PrisonFaction.AsSpan(0, PrisonCount);
        for (int j = faction.IndexOf(from); j >= 0; j = NextIndexOf(faction, j, from)) faction[j] = Members.Faction[Prison[j]];
    }

    /// <summary>The next index after <paramref name="j"/> of <paramref name="value"/> in <paramref name="span"/>, or -1
    /// (a vectorised search).</summary>
    internal static int NextIndexOf(ReadOnlySpan<int> span, int j, int value)
    {
        int k = span[(j + 1)..].IndexOf(value);
        return k < 0 ? -1 : j + 1 + k;
    }

    /// <summary>Members in prison now (kept incrementally).</summary>
    public long ImprisonedCount;
    /// <summary>Active members per faction counted after consolidation (end of week).</summary>
    public int[] LiveMembers = Array.Empty<int>();
    /// <summary>Per-faction lethality lambda_f this week.</summary>
    public double[] Lethality;
    /// <summary>Per-faction lethality of its members in contested cells this week (arms go to the front).</summary>
    public double[] FrontLethality;
    /// <summary>Per-faction members lost to rivals and the state in the last completed week (drives mobilisation).</summary>
    public double[] Losses;
    /// <summary>Per-faction members lost so far this week (moved to <see cref="Losses"/> at the start of the next week).</summary>
    public double[] LossesThisWeek;
    /// <summary>Incursions this week: soldiers of <c>Mover</c> entering a vacuum plaza of <c>Holder</c> (read by the rivalry process).</summary>
    public List<(int Mover, int Holder)> Incursions { get; } = new(256);
    /// <summary>Per-faction weekly revenue (USD).</summary>
    public double[] Revenue;
    /// <summary>Per-faction arms budget this week (USD).</summary>
    public double[] ArmsBudget;
    /// <summary>Per-faction border cells controlled.</summary>
    public int[] BorderCells;
    /// <summary>Per-faction cells controlled.</summary>
    public int[] ControlledCells;
    /// <summary>Scratch of <see cref="Processes.TerritoryProcess.UpdateControl"/>: each faction's armed weight per member.</summary>
    public double[] ArmedWeight = Array.Empty<double>();
    /// <summary>Units of each faction (rebuilt weekly): UnitsByFaction[UnitStart[f]..UnitStart[f+1]].</summary>
    public int[] UnitStart = Array.Empty<int>();
    public int[] UnitsByFaction = Array.Empty<int>();

    /// <summary>Key of a process's counter-based stream.</summary>
    public ulong StreamKey(ulong purpose) => CounterRng.Key(Seed, purpose);

    public ModelState(ModelParameters p, ulong seed, World.World world, int memberCapacity, int factionCapacity)
    {
        P = p; Seed = seed; World = world;
        Cells = new CellState(world.CellCount);
        Factions = new FactionTable(factionCapacity);
        Members = new MemberTable(memberCapacity);
        Units = new UnitTable(factionCapacity * 8);
        Policy = new PolicyState(p);
        Lethality = new double[factionCapacity]; FrontLethality = new double[factionCapacity];
        Losses = new double[factionCapacity]; LossesThisWeek = new double[factionCapacity]; Revenue = new double[factionCapacity]; ArmsBudget = new double[factionCapacity];
        BorderCells = new int[factionCapacity]; ControlledCells = new int[factionCapacity];
    }

    /// <summary>Makes per-faction scratch arrays at least as long as the faction table's capacity.</summary>
    public void EnsureFactionArrays()
    {
        int n = Factions.Capacity;
        if (Lethality.Length >= n) return;
        Array.Resize(ref Lethality, n); Array.Resize(ref FrontLethality, n); Array.Resize(ref Losses, n); Array.Resize(ref LossesThisWeek, n); Array.Resize(ref Revenue, n); Array.Resize(ref ArmsBudget, n);
        Array.Resize(ref BorderCells, n); Array.Resize(ref ControlledCells, n);
    }

    /// <summary>Active members counted by scanning (for tests and invariants).</summary>
    public (long Active, long Imprisoned) CountMembers()
    {
        long a = 0, i = 0;
        for (int m = 0; m < Members.Count; m++)
        {
            if (Members.Status[m] == (byte)MemberStatus.Active) a++;
            else if (Members.Status[m] == (byte)MemberStatus.Imprisoned) i++;
        }
        return (a, i);
    }

    /// <summary>Logs an event.</summary>
    public void Log(SimEventType type, int faction, int region, int other = -1, int code = 0, double value = 0, int label = -1) =>
        Events.Add(new SimEvent(Week, type, faction, region, other, code, value, label));

    /// <summary>Rebuilds the per-faction unit lists.</summary>
    public void RebuildUnitLists()
    {
        int fc = Factions.Capacity;
        if (UnitStart.Length < fc + 1) UnitStart = new int[fc + 1];
        if (UnitsByFaction.Length < Units.Count) UnitsByFaction = new int[Math.Max(Units.Count, UnitsByFaction.Length * 2)];
        var start = UnitStart.AsSpan(0, fc + 1);
        start.Clear();
        for (int u = 0; u < Units.Count; u++) if (Units.Active[u]) start[Units.Faction[u] + 1]++;
        for (int f = 0; f < fc; f++) start[f + 1] += start[f];
        Span<int> cur = fc <= 4096 ? stackalloc int[fc] : new int[fc];
        start[..fc].CopyTo(cur);
        for (int u = 0; u < Units.Count; u++) if (Units.Active[u]) UnitsByFaction[cur[Units.Faction[u]]++] = u;
    }

    /// <summary>Units of a faction (as of the last rebuild).</summary>
    public ReadOnlySpan<int> UnitsOf(int f) => UnitsByFaction.AsSpan(UnitStart[f], UnitStart[f + 1] - UnitStart[f]);

    /// <summary>Removes a member from the world for good (dead or retired), handling rank bookkeeping.</summary>
    public void RemoveMember(int m, bool dead)
    {
        if (dead) LossesThisWeek[Members.Faction[m]]++;
        if (dead) Ledger.Dead++; else Ledger.Retired++;
        Members.Remove(m);
    }
}
