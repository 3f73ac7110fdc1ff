using DecapSim.Core;
using DecapSim.Core.Checkpoints;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Runs;

namespace DecapSim.Explorer.Runs;

/// <summary>
/// Replicates stopped at a branch week (the scenario's policy date, a request's <c>from</c> date), kept so that a
/// later variant identical up to that week continues from them instead of running the common weeks again. A
/// branch is keyed by (scenario, seed, replicate, week, the <see cref="ParameterFingerprint"/> of everything that
/// affects the weeks before it): levers from that date, a later removal or a longer horizon still match; anything
/// that changes an earlier week does not. Bounded: the least recently used branch is dropped.
/// </summary>
public sealed class BranchCache(int capacity)
{
    private readonly LruCache<ReplicateBranch> _branches = new(capacity);

    /// <summary>Replicate branches kept.</summary>
    public int Count => _branches.Count;

    private static string Key(string scenario, ulong seed, int replicate, int week, string fingerprint) =>
        $"{scenario}|{seed}|{replicate}|{week}|{fingerprint}";

    /// <summary>How replicate <paramref name="replicate"/> of a run of <paramref name="p"/> starts: from the latest
    /// cached branch among <paramref name="weeks"/> that matches, leaving branches at the later ones.</summary>
    public RunStart StartFor(string scenario, ModelParameters p, ulong seed, int replicate, IReadOnlyCollection<int> weeks)
    {
        if (capacity <= 0) return new RunStart();
        ReplicateBranch? from = null;
        foreach (int w in weeks.OrderDescending())
            if (_branches.TryGet(Key(scenario, seed, replicate, w, ParameterFingerprint.Before(p, w)), out var b) && b.Seeds == Seeds.ForReplicate(seed, replicate))
            {
                from = b;
                break;
            }
        return new RunStart
        {
            From = from,
            BranchWeeks = weeks.Where(w => from is null || w > from.Week).ToArray(),
            OnBranch = b => _branches.Set(Key(scenario, seed, replicate, b.Week, b.Fingerprint), b),
        };
    }

    /// <summary>The weeks a run leaves branches at: the scenario's policy date and the run's own <c>from</c> date,
    /// when they fall after week 0 and before its end.</summary>
    public static int[] WeeksFor(RunSpec spec)
    {
        var weeks = new SortedSet<int>();
        void Add(DateOnly d)
        {
            int days = d.DayNumber - spec.Parameters.StartDate.DayNumber;
            if (days <= 0) return;
            int w = days / 7;
            if (w > 0 && w < spec.Weeks) weeks.Add(w);
        }
        Add(spec.Scenario.PolicyDate);
        if (spec.From is { } f) Add(f);
        return weeks.ToArray();
    }
}
