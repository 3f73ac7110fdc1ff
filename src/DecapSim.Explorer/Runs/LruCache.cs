namespace DecapSim.Explorer.Runs;

/// <summary>A small thread-safe least-recently-used map; <paramref name="evicted"/> is told what falls out.</summary>
public sealed class LruCache<TValue>(int capacity, Action<string, TValue>? evicted = null)
{
    private readonly LinkedList<(string Key, TValue Value)> _order = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, TValue Value)>> _map = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public int Count { get { lock (_gate) return _map.Count; } }

    public bool TryGet(string key, out TValue value)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public void Set(string key, TValue value)
    {
        var dropped = new List<(string, TValue)>();
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var old)) { _order.Remove(old); _map.Remove(key); }
            _map[key] = _order.AddFirst((key, value));
            while (_map.Count > Math.Max(1, capacity))
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
                dropped.Add(last.Value);
            }
        }
        foreach (var (k, v) in dropped) evicted?.Invoke(k, v);
    }

    public bool Remove(string key)
    {
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node)) return false;
            _order.Remove(node);
            _map.Remove(key);
            return true;
        }
    }
}
