using System.Diagnostics;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Runs;

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

    /// <summary>The seeds of replicate r of a candidate: the candidate's seed is its master seed, so
    /// <c>decapsim run --seed &lt;candidate seed&gt; --replicates r+1</c> with the candidate's values reproduces the run.</summary>
    public static Core.Seeds ReplicateSeeds(AbcCandidate c, int replicate) => Core.Seeds.ForReplicate(c.Seed, replicate);

    /// <summary>Store key of replicate r of a candidate (experiment id, values, the run's seeds, outputs).</summary>
    public static string Key(Experiment e, IReadOnlyList<KeyValuePair<string, string>> values, AbcCandidate c, int replicate)
    {
        var seeds = ReplicateSeeds(c, replicate);
        var sb = new System.Text.StringBuilder();
        sb.Append("experiment=").Append(e.Id).Append('\n');
        foreach (var (k, v) in values) sb.Append(k).Append('=').Append(v).Append('\n');
        sb.Append("seed=").Append(seeds.Structure.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
          .Append(seeds.Dynamics.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("outputs=").Append(string.Join(";", e.Outputs.Select(o => o.Text))).Append('\n');
        return Experiment.Sha256(sb.ToString());
    }

    /// <summary>The parameter values (scenario text) of a candidate.</summary>
    public static KeyValuePair<string, string>[] Values(Experiment e, AbcCandidate c) =>
        e.Parameters.Select((p, j) => new KeyValuePair<string, string>(p.Key, p.TextAt(c.Unit[j]))).ToArray();

    /// <summary>Per target k and row i, the column of <see cref="Experiment.Outputs"/> that holds it.</summary>
    public static int[][] TargetColumns(Experiment e) =>
        e.Targets.Select(t => Enumerable.Range(0, t.Series.Keys.Count)
            .Select(i => e.Outputs.ToList().FindIndex(o => o.Text == OutputExpr.TryParse(t.Series.OutputFor(i), e.Weeks, e.StartDate, out _)!.Text)).ToArray()).ToArray();

    /// <summary>Runs (or resumes) the calibration into <paramref name="dir"/>/store. With <paramref name="simulate"/>
    /// null, every unit is a model run (<see cref="ModelRun.Execute"/>, weekly metrics only); tests may pass a cheaper
    /// model (parameters, seeds) -> outputs. Runs go through <see cref="ReplicateScheduler"/>: results are stored and
    /// used in index order whatever the thread count.</summary>
    public static Outcome Run(Experiment e, string dir, int threads, Action<int, int>? progress = null, CancellationToken cancel = default,
        Func<IReadOnlyList<KeyValuePair<string, string>>, Core.Seeds, double[]>? simulate = null)
    {
        string store = Path.Combine(dir, "store");
        Directory.CreateDirectory(store);
        var s = Settings(e);
        var cols = TargetColumns(e);
        var runs = new Dictionary<(int, int), (KeyValuePair<string, string>[], double[])>();
        int ran = 0, skipped = 0, done = 0;
        int plannedUnits = s.Evaluations * e.Replicates;
        simulate ??= (values, seeds) =>
        {
            ModelParameters p = e.LoadParameters(values);
            return ExperimentRunner.Evaluate(e, ModelRun.Execute(p, seeds, 0, RunRecording.WeeklyOnly, cancel).Weekly);
        };
        double[] Evaluate(IReadOnlyList<AbcCandidate> batch)
        {
            var outputs = new double[batch.Count * e.Replicates][];
            var values = batch.Select(c => Values(e, c)).ToArray();
            var todo = new List<int>();
            for (int u = 0; u < outputs.Length; u++)
            {
                var stored = ResultStore.TryRead(store, Key(e, values[u / e.Replicates], batch[u / e.Replicates], u % e.Replicates), e);
                if (stored is not null) { outputs[u] = stored.Outputs; skipped++; }
                else todo.Add(u);
            }
            try
            {
                ReplicateScheduler.Run(todo.Count, threads, k =>
                {
                    int u = todo[k], rep = u % e.Replicates;
                    var c = batch[u / e.Replicates];
                    var t0 = Stopwatch.GetTimestamp();
                    var o = simulate(values[u / e.Replicates], ReplicateSeeds(c, rep));
                    return (Outputs: o, Seconds: Stopwatch.GetElapsedTime(t0).TotalSeconds);
                }, (k, r) =>
                {
                    int u = todo[k], rep = u % e.Replicates;
                    var c = batch[u / e.Replicates];
                    var key = Key(e, values[u / e.Replicates], c, rep);
                    ResultStore.Write(store, key, e, values[u / e.Replicates], new UnitResult(c.Generation, rep, c.Seed, r.Outputs), r.Seconds);
                    // read back what was stored, so a fresh run and a resumed run see the very same numbers
                    outputs[u] = ResultStore.TryRead(store, key, e)?.Outputs ?? r.Outputs;
                    ran++;
                    progress?.Invoke(++done, plannedUnits);
                }, cancel);
            }
            catch (InvalidOperationException ix) when (ix.InnerException is IncompleteException inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
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
