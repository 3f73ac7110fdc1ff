using System.Collections.Concurrent;
using DecapSim.Core.Checkpoints;
using DecapSim.Core.Parameters;

namespace DecapSim.Experiments.Runs;

/// <summary>
/// Runs the weeks two ensembles have in common once: the first ensemble's replicates leave a branch at the week the
/// second one's parameters first differ (<see cref="FirstDifference"/>), and the second ensemble's replicates continue
/// from those branches instead of starting again (same seeds, so the same weeks: its files are those of its own run,
/// byte for byte). Used by `decapsim run` for the scenario's baseline and by `compare` for its scenarios.
/// </summary>
public sealed class BranchRelay
{
    /// <summary>Fewer common weeks than this are not worth a copy of every replicate's state.</summary>
    public const int MinWeeks = 13;
    /// <summary>Most replicate states held at once (each is a copy of a whole world: tens of MB for Mexico).</summary>
    public const int MaxHeld = 32;

    private readonly ConcurrentDictionary<(int Replicate, int Week), ReplicateBranch> _held = new();
    private readonly int[] _weeks;

    /// <summary>A relay leaving branches at <paramref name="weeks"/> (those of at least <see cref="MinWeeks"/>).</summary>
    public BranchRelay(IEnumerable<int> weeks) => _weeks = weeks.Where(w => w >= MinWeeks).Distinct().Order().ToArray();

    /// <summary>The weeks it leaves branches at.</summary>
    public IReadOnlyList<int> Weeks => _weeks;

    /// <summary>The week two runs' parameters first differ at: the number of weeks their runs have in common from the
    /// same seeds (0: they differ from the start, or in what their set-up depends on; at most the shorter run's length
    /// less one).</summary>
    public static int FirstDifference(ModelParameters a, ModelParameters b)
    {
        int last = Math.Min(a.Weeks, b.Weeks) - 1;
        if (last <= 0 || ParameterFingerprint.Before(a, 0) != ParameterFingerprint.Before(b, 0)) return 0;
        // the fingerprint before week w changes only where a timeline event takes effect
        foreach (int e in a.Timeline.Concat(b.Timeline).Select(t => t.Week).Where(w => w >= 0).Distinct().Order())
        {
            if (e >= last) break;
            if (ParameterFingerprint.Before(a, e + 1) != ParameterFingerprint.Before(b, e + 1)) return e;
        }
        return last;
    }

    /// <summary>Whether holding a branch of each of <paramref name="replicates"/> replicates at every week fits
    /// <see cref="MaxHeld"/>.</summary>
    public bool Fits(int replicates) => _weeks.Length > 0 && (long)_weeks.Length * replicates <= MaxHeld;

    /// <summary>How replicate k of the first ensemble starts: from the beginning, leaving its branches here.</summary>
    public RunStart Leave(int replicate) => new()
    {
        BranchWeeks = _weeks,
        OnBranch = b => _held[(replicate, b.Week)] = b,
    };

    /// <summary>How replicate k of a later ensemble that first differs at <paramref name="week"/> starts: from the
    /// branch left there (from the start when there is none).</summary>
    public RunStart Continue(int replicate, int week) =>
        _held.TryGetValue((replicate, week), out var b) ? new RunStart { From = b } : new RunStart();

    /// <summary>Drops the branches (their memory).</summary>
    public void Clear() => _held.Clear();
}
