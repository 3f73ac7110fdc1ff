using System.Diagnostics;
using DecapSim.Core;
using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Random;
using DecapSim.Core.Timeline;

namespace DecapSim.Experiments.Runs;

/// <summary>What a model run records besides its weekly metrics.</summary>
public enum RunRecording
{
    /// <summary>Weekly metrics only (experiments, sweeps, calibrations: their outputs are read from them).</summary>
    WeeklyOnly,
    /// <summary>Everything the run files need: per-region series, faction membership, the lineage, the events.</summary>
    Full,
}

/// <summary>
/// The one entry point for a model run: (parameters, seeds) -> results. run, compare, batch, experiments, sweeps,
/// the reference comparison, benchmarks and the explorer all call <see cref="Execute"/>, so replicate k of master
/// seed S is the same model run wherever it is run.
/// </summary>
public static class ModelRun
{
    /// <summary>Runs <paramref name="p"/> for its weeks from <paramref name="seeds"/> and collects what
    /// <paramref name="recording"/> asks for; <paramref name="replicate"/> only labels the result.
    /// <paramref name="weekDone"/> (progress only) is called after every week, on this thread; <paramref name="innerThreads"/>
    /// caps the threads one step of a big world may use (results do not depend on it). <paramref name="start"/> may
    /// give a shared set-up to copy or a branch to continue from, and weeks to leave branches at: the results are
    /// the same as without it.</summary>
    public static ReplicateResult Execute(ModelParameters p, Seeds seeds, int replicate = 0, RunRecording recording = RunRecording.Full,
        CancellationToken cancel = default, Action? weekDone = null, int innerThreads = 1, RunStart? start = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        var sw = Stopwatch.StartNew();
        var timer = new ProcessTimer();
        Simulation sim;
        RunRecorder recorder;
        if (start?.From is { } from)
        {
            if (from.Seeds != seeds) throw new ArgumentException($"the branch is of seeds {from.Seeds}, not {seeds}", nameof(start));
            if (from.Recording != recording) throw new ArgumentException($"the branch recorded {from.Recording}, not {recording}", nameof(start));
            (sim, recorder) = from.Resume(p);
        }
        else
        {
            sim = start?.SetUp is { } setUp ? setUp.Start(seeds, p) : new Simulation(p, seeds);
            recorder = new RunRecorder(recording, p.Weeks);
        }
        sim.StepObserver = timer;
        sim.InnerThreads = innerThreads;
        var branchWeeks = start?.BranchWeeks ?? Array.Empty<int>();
        for (int w = sim.Week; w < p.Weeks; w++)
        {
            cancel.ThrowIfCancellationRequested();
            if (start?.OnBranch is { } onBranch && branchWeeks.Contains(w) && (start.From is null || w > start.From.Week))
                onBranch(new ReplicateBranch(sim, recorder));
            recorder.Step(sim);
            weekDone?.Invoke();
        }
        return recorder.Result(sim, replicate, timer.Milliseconds(sim.Processes), sw.Elapsed.TotalSeconds);
    }

    /// <summary>Share of a faction's active members a region must hold for the faction to count as present there
    /// without controlling a cell (a few scattered members of a national group do not make a presence).</summary>
    public const double PresenceMinShare = 0.02;

    /// <summary>Regions where faction <paramref name="f"/> is present: it controls at least one cell there at the end
    /// of the week, or at least <see cref="PresenceMinShare"/> of its active members were there in the week's presence
    /// snapshot (taken at the start of the week, before the removal).</summary>
    internal static int[] PresentRegions(ModelState s, int f)
    {
        var world = s.World;
        var members = new int[world.RegionCount];
        var present = new bool[world.RegionCount];
        var pi = s.Presence;
        long total = 0;
        if (f + 1 < pi.FactionEntryStart.Length)
            foreach (int entry in pi.EntriesOf(f))
            {
                int n = pi.EntryCount[entry];
                if (n <= 0) continue;
                members[world.Region[pi.EntryCell[entry]]] += n;
                total += n;
            }
        for (int r = 0; r < members.Length; r++) if (members[r] > 0 && members[r] >= PresenceMinShare * total) present[r] = true;
        var controller = s.Cells.Controller;
        for (int c = 0; c < world.CellCount; c++) if (controller[c] == f) present[world.Region[c]] = true;
        var list = new List<int>();
        for (int r = 0; r < present.Length; r++) if (present[r]) list.Add(r);
        return list.ToArray();
    }

    internal static EventRecord Describe(ModelState s, SimEvent e, int[]? presentRegions)
    {
        var F = s.Factions;
        string faction = e.Faction >= 0 ? F.Name[e.Faction] : "";
        string region = e.Region >= 0 ? s.World.RegionNames[e.Region] : "";
        string other = e.Other >= 0 ? F.Name[e.Other] : "";
        string label = e.Label >= 0 ? s.EventLabels[e.Label] : "";
        string inv(double v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        string detail = e.Type switch
        {
            SimEventType.Removal => e.Code == 1 ? "leader killed" : "leader captured",
            SimEventType.LieutenantRemoval => e.Code == 1 ? "lieutenant killed" : "lieutenant captured",
            SimEventType.Escape => e.Code switch
            {
                Core.Processes.JailedLeaderEvents.RetookLeadership => "jailed ex-leader escaped and took the leadership back",
                Core.Processes.JailedLeaderEvents.RejoinedSuccessor => $"jailed ex-leader escaped; his faction had ended, he joined {other}",
                Core.Processes.JailedLeaderEvents.Retired => "jailed ex-leader escaped; his faction had ended with no successor, he retired",
                _ => "no effect: none of its leaders in prison",
            },
            SimEventType.Extradition => e.Code switch
            {
                Core.Processes.JailedLeaderEvents.ContestQueued => "jailed ex-leader extradited; the succession is contested",
                Core.Processes.JailedLeaderEvents.FactionGone => "jailed ex-leader extradited; his faction had ended",
                _ => "no effect: none of its leaders in prison",
            },
            SimEventType.Succession => "heir took over",
            SimEventType.ContestedSuccession => $"contested; {inv(e.Value)} lieutenants strong enough to split",
            SimEventType.Split => $"splinter {other} with {inv(e.Value)} members",
            SimEventType.Defection => e.Value > 0 ? $"lieutenant's group ({inv(e.Value)} members) joined {other}" : $"lieutenant's group split off as {other}",
            SimEventType.RetaliationWave => $"retaliation: ~{inv(e.Value)} blockades expected in the first week",
            SimEventType.Absorption => $"absorbed by {other} ({inv(e.Value)} members)",
            SimEventType.Dissolution => $"dissolved ({inv(e.Value)} members retired)",
            SimEventType.Extinction => "no members left",
            SimEventType.Policy => label,
            SimEventType.Campaign => label,
            _ => "",
        };
        if (label.Length > 0 && e.Type is not (SimEventType.Policy or SimEventType.Campaign)) detail = label + ": " + detail;
        return new EventRecord(e.Week, SimEvent.TypeName(e.Type), faction, region, detail, e.Faction, e.Region,
            e.Label >= 0, presentRegions);
    }
}
