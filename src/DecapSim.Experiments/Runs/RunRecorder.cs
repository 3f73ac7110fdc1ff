using DecapSim.Core;
using DecapSim.Core.Metrics;

namespace DecapSim.Experiments.Runs;

/// <summary>
/// Records, week by week, what a replicate's output files need: the weekly metrics and, for a full recording, the
/// per-region series, the faction membership and the regions of each removal's faction. A copy taken at a week is
/// the recorded half of a <see cref="ReplicateBranch"/>: what was recorded before never changes, so the copy shares it.
/// </summary>
public sealed class RunRecorder
{
    private readonly List<WeeklyMetrics> _weekly;
    private readonly List<double[]> _regionHomicides, _regionBlockades;
    private readonly List<int[]> _regionController, _factionMembers;
    private readonly Dictionary<int, int[]> _presence;

    /// <param name="recording">What to record.</param>
    /// <param name="weeks">Expected weeks (capacity only).</param>
    public RunRecorder(RunRecording recording, int weeks)
    {
        Recording = recording;
        int rw = recording == RunRecording.Full ? weeks : 0;
        _weekly = new(weeks);
        _regionHomicides = new(rw); _regionBlockades = new(rw); _regionController = new(rw); _factionMembers = new(rw);
        _presence = new();
    }

    private RunRecorder(RunRecorder o)
    {
        Recording = o.Recording;
        _weekly = new(o._weekly);
        _regionHomicides = new(o._regionHomicides); _regionBlockades = new(o._regionBlockades);
        _regionController = new(o._regionController); _factionMembers = new(o._factionMembers);
        _presence = new(o._presence);
    }

    /// <summary>What is recorded.</summary>
    public RunRecording Recording { get; }
    /// <summary>Weeks recorded so far.</summary>
    public int Weeks => _weekly.Count;
    /// <summary>The weekly metrics recorded so far.</summary>
    public IReadOnlyList<WeeklyMetrics> Weekly => _weekly;

    /// <summary>A copy that can go on recording without changing this one.</summary>
    public RunRecorder Copy() => new(this);

    /// <summary>Steps <paramref name="sim"/> one week and records it.</summary>
    public void Step(Simulation sim)
    {
        int eventsBefore = sim.State.Events.Count;
        _weekly.Add(sim.Step());
        if (Recording != RunRecording.Full) return;
        var s = sim.State;
        for (int i = eventsBefore; i < s.Events.Count; i++)
        {
            var e = s.Events[i];
            if (e.Type == SimEventType.Removal && e.Faction >= 0) _presence[i] = ModelRun.PresentRegions(s, e.Faction);
        }
        _regionHomicides.Add((double[])sim.Observer.RegionHomicides.Clone());
        _regionBlockades.Add((double[])sim.Observer.RegionBlockades.Clone());
        _regionController.Add((int[])sim.Observer.RegionController.Clone());
        var live = s.LiveMembers;
        var row = new int[s.Factions.Count];
        Array.Copy(live, row, Math.Min(row.Length, live.Length));
        _factionMembers.Add(row);
    }

    /// <summary>The replicate's result from what was recorded and the run's final state.</summary>
    public ReplicateResult Result(Simulation sim, int replicate, IReadOnlyDictionary<string, double> processMilliseconds, double wallSeconds)
    {
        bool full = Recording == RunRecording.Full;
        var s = sim.State;
        var F = s.Factions;
        var factions = new FactionRecord[full ? F.Count : 0];
        for (int f = 0; f < factions.Length; f++)
            factions[f] = new FactionRecord(f, F.Name[f], F.Parent[f], F.FoundedWeek[f], F.EndedWeek[f],
                F.EndReason[f] == Core.Factions.EndReason.None ? "" : F.EndReason[f].ToString().ToLowerInvariant(), F.PeakMembers[f]);
        var events = new EventRecord[full ? s.Events.Count : 0];
        for (int i = 0; i < events.Length; i++) events[i] = ModelRun.Describe(s, s.Events[i], _presence.GetValueOrDefault(i));
        return new ReplicateResult
        {
            Replicate = replicate, Seed = sim.Seeds.Dynamics, Weekly = _weekly.ToArray(),
            RegionHomicides = _regionHomicides.ToArray(), RegionBlockades = _regionBlockades.ToArray(), RegionController = _regionController.ToArray(),
            Factions = factions, Events = events, FactionMembers = _factionMembers.ToArray(), ProcessMilliseconds = processMilliseconds,
            WallSeconds = wallSeconds,
        };
    }
}
