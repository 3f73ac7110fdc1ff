using DecapSim.Core;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Runs;
using DecapSim.Scenarios;

namespace DecapSim.Explorer.Runs;

/// <summary>
/// Runs one explorer run: the variant through <see cref="RunPipeline"/> (so its files are those of
/// <c>decapsim run</c> with the same inputs, byte for byte) and, beside it on the other threads, its paired baseline
/// (the scenario as bundled, same seeds) unless an earlier run left it in the cache. Replicates continue from a
/// cached branch (<see cref="BranchCache"/>) when an earlier run was identical up to its policy or <c>from</c> date.
/// </summary>
public sealed class RunExecutor(ExplorerOptions options)
{
    private readonly LruCache<EnsembleData> _baselines = new(options.CacheSize);
    private readonly BranchCache _branches = new(options.BranchCacheSize);
    /// <summary>Warmed-up worlds shared by every run on them (a scenario's variants and its baseline).</summary>
    private readonly SetUpShare _setUps = new(capacity: 4);

    /// <summary>Baseline ensembles kept (for tests and the page's "reused" line).</summary>
    public int CachedBaselines => _baselines.Count;

    /// <summary>Replicate branches kept.</summary>
    public int CachedBranches => _branches.Count;

    /// <summary>Where each replicate of a run of <paramref name="p"/> starts; notes on <paramref name="run"/> what
    /// was reused; returns the starts and the weeks left to simulate.</summary>
    private (RunStart[] Starts, long Weeks) Starts(ExplorerRun run, ModelParameters p, string what)
    {
        var spec = run.Spec;
        var weeks = BranchCache.WeeksFor(spec);
        var starts = Enumerable.Range(0, spec.Replicates).Select(k => _branches.StartFor(spec.Scenario.Name, p, spec.Seed, k, weeks)).ToArray();
        long left = starts.Sum(s => (long)spec.Weeks - (s.From?.Week ?? 0));
        if (starts.Any(s => s.From is null) && _setUps.Holds(p, spec.Seed))
            run.Note($"{what}: world, landscape and warm-up copied from an earlier run's set-up (levers apply from week 0)");
        var branched = starts.Where(s => s.From is not null).GroupBy(s => s.From!.Week).OrderBy(g => g.Key);
        foreach (var g in branched)
            run.Note($"{what}: {g.Count()} of {spec.Replicates} replicates continued from week {g.Key} ({ValueText.Format(p.StartDate.AddDays(7 * g.Key))}) of an earlier run: set-up and weeks 0-{g.Key - 1} not run again");
        return (starts, left);
    }

    public void Execute(ExplorerRun run)
    {
        var spec = run.Spec;
        var cancel = run.Cancellation.Token;
        try
        {
            run.Start();
            var world = Simulation.BuildWorld(spec.Parameters.World, spec.Seed);
            run.Regions = Enumerable.Range(0, world.RegionCount).Select(g => new RegionMeta(world.RegionNames[g], world.RegionCodes[g],
                world.RegionTiles[g].Col, world.RegionTiles[g].Row, world.RegionPopulation[g])).ToArray();
            Task? baseline = null;
            long baselineWeeks = 0;
            int threads = Math.Max(1, options.Threads);
            if (spec.IsBaseline) run.BaselineIsVariant();
            else if (_baselines.TryGet(spec.BaselineKey, out var cached)) run.UseBaseline(cached, $"paired baseline ({spec.Replicates} replicates) reused from an earlier run");
            else
            {
                int tb = Math.Max(1, threads / 2);
                threads = Math.Max(1, threads - tb);
                var p0 = spec.Scenario.Loaded.Parameters with { Weeks = spec.Weeks };
                var (bs, bw) = Starts(run, p0, "baseline");
                baselineWeeks = bw;
                baseline = Task.Run(() =>
                {
                    EnsembleRunner.Run(p0, spec.Seed, spec.Replicates, tb, run.AddBaseline, null, cancel, run.WeekDone, k => bs[k], _setUps);
                    _baselines.Set(spec.BaselineKey, run.Baseline);
                }, cancel);
            }
            var (starts, variantWeeks) = Starts(run, spec.Parameters, spec.IsBaseline ? "run" : "variant");
            run.TotalWeeks = variantWeeks + baselineWeeks;
            var o = new RunPipeline.Options(run.Directory, spec.Seed, spec.Replicates, threads, options.Charts, spec.Command)
            {
                OnReplicate = run.AddVariant,
                Start = k => starts[k],
                SetUps = _setUps,
            };
            var ensemble = RunPipeline.RunEnsemble(spec.Loaded, spec.Parameters, o, null, cancel, run.WeekDone);
            baseline?.Wait(cancel);
            if (spec.IsBaseline) _baselines.Set(spec.BaselineKey, run.Variant);
            run.Finish(ensemble.Files);
        }
        catch (Exception e) when (e is OperationCanceledException || (e is AggregateException a && a.InnerExceptions.All(x => x is OperationCanceledException)))
        {
            run.Cancel(run.Error ?? "cancelled");
        }
        catch (Exception e)
        {
            run.Fail(e is AggregateException a ? a.InnerException?.Message ?? e.Message : e.Message);
        }
        finally
        {
            if (run.Status != RunStatus.Done) DeletePartial(run.Directory);
        }
    }

    private static void DeletePartial(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
