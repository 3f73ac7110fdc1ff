using System.Runtime.CompilerServices;
using DecapSim.Core.Random;

namespace DecapSim.Core.Checkpoints;

/// <summary>
/// Deep-copies an object graph in memory under the same rules as the state image (<see cref="GraphShape"/>):
/// arrays of plain values are block copies, objects are created without their constructors and their fields copied,
/// shared references stay shared, strings and the externals (parameters, world, naming) are shared as they are
/// immutable. What a branch or a replicate starting from a shared set-up costs: about a memory copy of the state.
/// </summary>
internal sealed class StateCopier
{
    private readonly Dictionary<object, object> _copies = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _path = new();

    /// <param name="externals">Objects shared by the copy, each with what the copy refers to instead (usually itself).</param>
    public StateCopier(params (object Original, object Replacement)[] externals)
    {
        foreach (var (o, r) in externals) _copies[o] = r;
    }

    /// <summary>The copy of <paramref name="o"/> (named <paramref name="name"/> in errors).</summary>
    public T Copy<T>(T o, string name) where T : class
    {
        _path.Add(name);
        var c = (T)CopyReference(o)!;
        _path.RemoveAt(_path.Count - 1);
        return c;
    }

    private object? CopyReference(object? o)
    {
        if (o is null) return null;
        if (_copies.TryGetValue(o, out var done)) return done;
        var t = o.GetType();
        var shape = GraphShape.Of(t);
        switch (shape.Kind)
        {
            case ShapeKind.Primitive:
            case ShapeKind.Enum:
            case ShapeKind.String: return o; // immutable
            case ShapeKind.Rng: return Keep(o, new StreamRng(0) { State = ((StreamRng)o).State });
            case ShapeKind.Fresh: return Keep(o, Activator.CreateInstance(t)!);
            case ShapeKind.RawArray: return Keep(o, ((Array)o).Clone());
            case ShapeKind.ElementArray:
                var a = (Array)o;
                var et = t.GetElementType()!;
                if (et == typeof(string)) return Keep(o, a.Clone());
                var copy = Array.CreateInstance(et, a.Length);
                Keep(o, copy);
                _path.Add("[]");
                for (int i = 0; i < a.Length; i++) copy.SetValue(CopyValue(et, a.GetValue(i)), i);
                _path.RemoveAt(_path.Count - 1);
                return copy;
            case ShapeKind.Struct:
            case ShapeKind.Object:
                var c = RuntimeHelpers.GetUninitializedObject(t);
                Keep(o, c);
                CopyFields(shape, o, c);
                return c;
            default: throw new CheckpointException($"cannot copy {string.Join('.', _path)} ({t.FullName}): {shape.Why}");
        }
    }

    private object Keep(object original, object copy) { _copies[original] = copy; return copy; }

    private void CopyFields(GraphShape.Shape shape, object from, object to)
    {
        foreach (var f in shape.Fields)
        {
            _path.Add(f.Name);
            f.SetValue(to, CopyValue(f.FieldType, f.GetValue(from)));
            _path.RemoveAt(_path.Count - 1);
        }
    }

    /// <summary>A value of declared type <paramref name="declared"/> (a boxed struct is a copy already unless it
    /// holds references, which are copied in turn).</summary>
    private object? CopyValue(Type declared, object? v)
    {
        if (v is null) return null;
        if (!declared.IsValueType) return CopyReference(v);
        var t = v.GetType(); // the struct itself (a Nullable<T> arrives boxed as T)
        if (!GraphShape.ContainsReferencesCached(t)) return v;
        var shape = GraphShape.Of(t);
        if (shape.Kind != ShapeKind.Struct) throw new CheckpointException($"cannot copy {string.Join('.', _path)} ({t.FullName}): {shape.Why}");
        var c = RuntimeHelpers.GetUninitializedObject(t);
        CopyFields(shape, v, c);
        return c;
    }
}
