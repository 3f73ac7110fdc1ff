using System.Diagnostics;
using DecapSim.Core;
using DecapSim.Core.Checkpoints;
using DecapSim.Core.Parameters;

namespace DecapSim.Experiments.Runs;

/// <summary>
/// Set-ups (world, landscape, spin-up, warm-up) shared by every run whose set-up is the same: same structure seed
/// and same <see cref="ParameterFingerprint.SetUp"/>, i.e. on a warmed-up world any policy levers (a scenario and its
/// baseline, compare's scenarios, an experiment's lever points). Each is built once, by the first run that needs
/// it, and copied (<see cref="SimulationSetUp.Start(Seeds, ModelParameters, IReadOnlyList{Core.Processes.IProcess}?)"/>),
/// which gives the same run as building it again. Thread-safe; holds at most <c>capacity</c> set-ups (the least
/// recently used is dropped; a run that holds one keeps it alive).
/// </summary>
public sealed class SetUpShare(int capacity = 4)
{
    private readonly object _gate = new();
    private readonly LinkedList<(string Key, Lazy<SimulationSetUp> SetUp)> _lru = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Lazy<SimulationSetUp> SetUp)>> _index = new();
    private long _buildTicks;
    private int _built, _reused;

    /// <summary>Set-ups built.</summary>
    public int Built { get { lock (_gate) return _built; } }
    /// <summary>Ensembles (or runs) that copied a set-up another one had built.</summary>
    public int Reused { get { lock (_gate) return _reused; } }
    /// <summary>Seconds spent building set-ups.</summary>
    public double BuildSeconds { get { lock (_gate) return Stopwatch.GetElapsedTime(0, _buildTicks).TotalSeconds; } }
    /// <summary>Estimated seconds saved: each reuse saved one build of the mean build time.</summary>
    public double SecondsSaved { get { lock (_gate) return _built == 0 ? 0 : _reused * Stopwatch.GetElapsedTime(0, _buildTicks).TotalSeconds / _built; } }

    /// <summary>Whether a set-up for <paramref name="p"/> under <paramref name="structureSeed"/> is held (a run of it
    /// would copy it instead of building one).</summary>
    public bool Holds(ModelParameters p, ulong structureSeed)
    {
        string key = structureSeed + "|" + ParameterFingerprint.SetUp(p);
        lock (_gate) return _index.ContainsKey(key);
    }

    /// <summary>The set-up of <paramref name="p"/> under <paramref name="structureSeed"/>: a shared one when one with
    /// the same fingerprint is held, else a new one (built on first use of its value, by one thread).</summary>
    public Lazy<SimulationSetUp> For(ModelParameters p, ulong structureSeed)
    {
        string key = structureSeed + "|" + ParameterFingerprint.SetUp(p);
        lock (_gate)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _lru.Remove(node);
                _lru.AddFirst(node);
                _reused++;
                return node.Value.SetUp;
            }
            var lazy = new Lazy<SimulationSetUp>(() => Build(p, structureSeed), LazyThreadSafetyMode.ExecutionAndPublication);
            _index[key] = _lru.AddFirst((key, lazy));
            while (_lru.Count > Math.Max(1, capacity))
            {
                _index.Remove(_lru.Last!.Value.Key);
                _lru.RemoveLast();
            }
            return lazy;
        }
    }

    private SimulationSetUp Build(ModelParameters p, ulong structureSeed)
    {
        long t0 = Stopwatch.GetTimestamp();
        var setUp = SimulationSetUp.Build(p, structureSeed);
        lock (_gate) { _built++; _buildTicks += Stopwatch.GetTimestamp() - t0; }
        return setUp;
    }
}
