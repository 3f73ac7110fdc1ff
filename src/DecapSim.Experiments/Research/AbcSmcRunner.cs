using System.Collections.Concurrent;
using System.Diagnostics;
using DecapSim.Core.Parameters;

namespace DecapSim.Experiments.Research;

/// <summary>
/// Runs an <c>abc-smc</c> experiment generation by generation through <see cref="AbcSmc"/>. Each candidate's replicates
/// are units of the result store (key: experiment id, the candidate's parameter values, the replicate seed), written as
/// soon as they finish; a re-run recomputes the same proposals from the stored results and skips what is stored, so an
/// interrupted calibration resumes where it stopped and ends with the same result. Generations depend on each other:
/// the design cannot be sharded.
/// </summary>
public static class AbcSmcRunner
{
    /// <summary>A finished calibration: the algorithm's result and per evaluated candidate its parameter values and
    /// mean outputs over replicates.</summary>
    public sealed record Outcome(AbcSmcResult Result, IReadOnlyDictionary<(int Generation, int Index), (KeyValuePair<string, string>[] Values, double[] Outputs)> Runs, int Ran, int Skipped);

    /// <summary>The algorithm settings of an experiment.</summary>
    public static AbcSmcSettings Settings(Experiment e) =>
        new(e.Design.Particles, e.Design.Evaluations, e.Design.Quantile, e.Design.MinAcceptance);

    /// <summary>The replicate seed of replicate r of a candidate.</summary>
    public static ulong ReplicateSeed(AbcCandidate c, int replicate) => Runs.ReplicateRunner.ReplicateSeed(c.Seed, replicate);

    /// <summary>The parameter values (scenario text) of a candidate.</summary>
    public static KeyValuePair<string, string>[] Values(Experiment e, AbcCandidate c) =>
        e.Parameters.Select((p, j) => new KeyValuePair<string, string>(p.Key, p.TextAt(c.Unit[j]))).ToArray();

    /// <summary>Per target k and row i, the column of <see cref="Experiment.Outputs"/> that holds it.</summary>
    public static int[][] TargetColumns(Experiment e) =>
        e.Targets.Select(t => Enumerable.Range(0, t.Series.Keys.Count)
            .Select(i => e.Outputs.ToList().FindIndex(o => o.Text == OutputExpr.TryParse(t.Series.OutputFor(i), e.Weeks, e.StartDate, out _)!.Text)).ToArray()).ToArray();

    /// <summary>Runs (or resumes) the calibration into <paramref name="dir"/>/store. With <paramref name="simulate"/>
    /// null, every unit is a model run (<see cref="ExperimentRunner.Simulate"/>); tests may pass a cheaper model
    /// (parameters, seed) -> outputs.</summary>
    public static Outcome Run(Experiment e, string dir, int threads, Action<int, int>? progress = null, CancellationToken cancel = default,
        Func<IReadOnlyList<KeyValuePair<string, string>>, ulong, double[]>? simulate = null)
    {
        string store = Path.Combine(dir, "store");
        Directory.CreateDirectory(store);
        var s = Settings(e);
        var cols = TargetColumns(e);
        var runs = new ConcurrentDictionary<(int, int), (KeyValuePair<string, string>[], double[])>();
        int ran = 0, skipped = 0, done = 0;
        int plannedUnits = s.Evaluations * e.Replicates;
        var po = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancel };
        simulate ??= (values, seed) =>
        {
            ModelParameters p = e.LoadParameters(values);
            return ExperimentRunner.Evaluate(e, ExperimentRunner.Simulate(p, seed, cancel));
        };
        double[] Evaluate(IReadOnlyList<AbcCandidate> batch)
        {
            var outputs = new double[batch.Count * e.Replicates][];
            var values = batch.Select(c => Values(e, c)).ToArray();
            var todo = new List<int>();
            for (int u = 0; u < outputs.Length; u++)
            {
                var c = batch[u / e.Replicates];
                ulong seed = ReplicateSeed(c, u % e.Replicates);
                var stored = ResultStore.TryRead(store, ResultStore.Key(e, values[u / e.Replicates], seed), e);
                if (stored is not null) { outputs[u] = stored.Outputs; Interlocked.Increment(ref skipped); }
                else todo.Add(u);
            }
            try
            {
                Parallel.ForEach(todo, po, u =>
                {
                    var c = batch[u / e.Replicates];
                    int rep = u % e.Replicates;
                    ulong seed = ReplicateSeed(c, rep);
                    var t0 = Stopwatch.GetTimestamp();
                    var o = simulate(values[u / e.Replicates], seed);
                    var key = ResultStore.Key(e, values[u / e.Replicates], seed);
                    ResultStore.Write(store, key, e, values[u / e.Replicates], new UnitResult(c.Generation, rep, seed, o), Stopwatch.GetElapsedTime(t0).TotalSeconds);
                    // read back what was stored, so a fresh run and a resumed run see the very same numbers
                    outputs[u] = ResultStore.TryRead(store, key, e)?.Outputs ?? o;
                    Interlocked.Increment(ref ran);
                    progress?.Invoke(Interlocked.Increment(ref done), plannedUnits);
                });
            }
            catch (AggregateException ax) when (ax.InnerExceptions.Count > 0 && ax.InnerExceptions.All(x => x is IncompleteException or OperationCanceledException))
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ax.InnerExceptions[0]).Throw();
            }
            var dist = new double[batch.Count];
            for (int i = 0; i < batch.Count; i++)
            {
                var mean = new double[e.Outputs.Count];
                for (int r = 0; r < e.Replicates; r++)
                    for (int o = 0; o < mean.Length; o++) mean[o] += outputs[i * e.Replicates + r][o] / e.Replicates;
                runs[(batch[i].Generation, batch[i].Index)] = (values[i], mean);
                var sim = cols.Select(cs => cs.Select(c => mean[c]).ToArray()).ToArray();
                dist[i] = AbcSmcFile.Distance(e.Targets, sim, e.Design.Distance);
            }
            return dist;
        }
        var result = AbcSmc.Run(s, e.Parameters.Count, e.Seed, Evaluate);
        return new Outcome(result, runs.ToDictionary(kv => kv.Key, kv => kv.Value), ran, skipped);
    }
}
