using DecapSim.Core;
using DecapSim.Experiments.Runs;

namespace DecapSim.Explorer.Runs;

/// <summary>
/// Runs one explorer run: the variant through <see cref="RunPipeline"/> (so its files are those of
/// <c>decapsim run</c> with the same inputs, byte for byte) and, beside it on the other threads, its paired baseline
/// (the scenario as bundled, same seeds) unless an earlier run left it in the cache.
/// </summary>
public sealed class RunExecutor(ExplorerOptions options)
{
    private readonly LruCache<EnsembleData> _baselines = new(options.CacheSize);

    /// <summary>Baseline ensembles kept (for tests and the page's "reused" line).</summary>
    public int CachedBaselines => _baselines.Count;

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
            int threads = Math.Max(1, options.Threads);
            if (spec.IsBaseline) run.BaselineIsVariant();
            else if (_baselines.TryGet(spec.BaselineKey, out var cached)) run.UseBaseline(cached, $"paired baseline ({spec.Replicates} replicates) reused from an earlier run");
            else
            {
                int tb = Math.Max(1, threads / 2);
                threads = Math.Max(1, threads - tb);
                var p0 = spec.Scenario.Loaded.Parameters with { Weeks = spec.Weeks };
                baseline = Task.Run(() =>
                {
                    var data = new EnsembleData();
                    ReplicateScheduler.Run(spec.Replicates, tb,
                        k => ModelRun.Execute(p0, Seeds.ForReplicate(spec.Seed, k), k, RunRecording.Full, cancel, run.WeekDone),
                        (k, r) => run.AddBaseline(r), cancel);
                    _baselines.Set(spec.BaselineKey, run.Baseline);
                }, cancel);
            }
            run.TotalWeeks = (long)spec.Weeks * spec.Replicates * (baseline is null ? 1 : 2);
            var o = new RunPipeline.Options(run.Directory, spec.Seed, spec.Replicates, threads, options.Charts, spec.Command)
            {
                OnReplicate = run.AddVariant,
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
