using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DecapSim.Core.Random;

namespace DecapSim.Core.Checkpoints;

/// <summary>
/// Writes an object graph (the model state and the processes' private state) as a compact binary image: arrays of
/// plain values as raw bytes, everything else field by field following <see cref="GraphShape"/>. Shared references
/// stay shared (an object is written once, later references point back to it); the <c>externals</c> (parameters,
/// world, naming: immutable inputs the reader supplies again) are written as their index only.
/// </summary>
internal sealed class StateImageWriter
{
    internal const byte Null = 0, Back = 1, New = 2, External = 3;

    private readonly BinaryWriter _w;
    private readonly object[] _externals;
    private readonly Dictionary<object, int> _ids = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, int> _types = new();
    private readonly List<string> _path = new();

    public StateImageWriter(BinaryWriter w, object[] externals) { _w = w; _externals = externals; }

    /// <summary>Writes <paramref name="root"/> and everything it reaches.</summary>
    public void WriteRoot(object root, string name)
    {
        _path.Add(name);
        WriteReference(root);
        _path.RemoveAt(_path.Count - 1);
    }

    private void WriteReference(object? o)
    {
        if (o is null) { _w.Write(Null); return; }
        for (int i = 0; i < _externals.Length; i++)
            if (ReferenceEquals(_externals[i], o)) { _w.Write(External); _w.Write7BitEncodedInt(i); return; }
        if (_ids.TryGetValue(o, out int id)) { _w.Write(Back); _w.Write7BitEncodedInt(id); return; }
        var t = o.GetType();
        var shape = GraphShape.Of(t);
        if (shape.Kind == ShapeKind.Unsupported) throw Fail(t, shape.Why);
        _ids.Add(o, _ids.Count);
        _w.Write(New);
        WriteType(t);
        WriteContent(t, shape, o);
    }

    private void WriteType(Type t)
    {
        if (_types.TryGetValue(t, out int id)) { _w.Write7BitEncodedInt(id); return; }
        _types.Add(t, _types.Count);
        _w.Write7BitEncodedInt(_types.Count - 1);
        _w.Write(t.AssemblyQualifiedName ?? throw Fail(t, "a type without a name"));
    }

    private void WriteContent(Type t, GraphShape.Shape shape, object o)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Primitive:
            case ShapeKind.Enum: WritePrimitive(o); break;
            case ShapeKind.String: _w.Write((string)o); break;
            case ShapeKind.Rng:
                var (a, b, c, d) = ((StreamRng)o).State;
                _w.Write(a); _w.Write(b); _w.Write(c); _w.Write(d);
                break;
            case ShapeKind.Fresh: break;
            case ShapeKind.RawArray: WriteRawArray((Array)o, shape.ElementSize, shape.Keep); break;
            case ShapeKind.ElementArray:
                var arr = (Array)o;
                var et = t.GetElementType()!;
                _w.Write7BitEncodedInt(arr.Length);
                for (int i = 0; i < arr.Length; i++)
                {
                    _path.Add("[]");
                    WriteValue(et, arr.GetValue(i));
                    _path.RemoveAt(_path.Count - 1);
                }
                break;
            case ShapeKind.Struct:
            case ShapeKind.Object: WriteFields(shape, o); break;
            default: throw Fail(t, shape.Why);
        }
    }

    private void WriteFields(GraphShape.Shape shape, object o)
    {
        foreach (var f in shape.Fields)
        {
            _path.Add(f.Name);
            WriteValue(f.FieldType, f.GetValue(o));
            _path.RemoveAt(_path.Count - 1);
        }
    }

    /// <summary>A value of declared type <paramref name="declared"/>: structs and primitives inline, references tagged.</summary>
    private void WriteValue(Type declared, object? v)
    {
        if (!declared.IsValueType) { WriteReference(v); return; }
        if (Nullable.GetUnderlyingType(declared) is { } inner)
        {
            _w.Write(v is not null);
            if (v is not null) WriteValue(inner, v);
            return;
        }
        var shape = GraphShape.Of(declared);
        if (shape.Kind == ShapeKind.Unsupported) throw Fail(declared, shape.Why);
        WriteContent(declared, shape, v!);
    }

    private void WritePrimitive(object o)
    {
        switch (o)
        {
            case bool x: _w.Write(x); break;
            case byte x: _w.Write(x); break;
            case sbyte x: _w.Write(x); break;
            case char x: _w.Write((ushort)x); break;
            case short x: _w.Write(x); break;
            case ushort x: _w.Write(x); break;
            case int x: _w.Write(x); break;
            case uint x: _w.Write(x); break;
            case long x: _w.Write(x); break;
            case ulong x: _w.Write(x); break;
            case float x: _w.Write(x); break;
            case double x: _w.Write(x); break;
            case decimal x: _w.Write(x); break;
            case Enum e: WritePrimitive(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture)); break;
            default: throw Fail(o.GetType(), "an unknown primitive");
        }
    }

    private void WriteRawArray(Array a, int elementSize, byte[]? keep)
    {
        _w.Write7BitEncodedInt(a.Rank);
        for (int d = 0; d < a.Rank; d++) _w.Write7BitEncodedInt(a.GetLength(d));
        long bytes = (long)a.Length * elementSize;
        if (bytes == 0) return;
        ref byte data = ref MemoryMarshal.GetArrayDataReference(a);
        if (keep is not null)
        {
            // structs with padding: a block of elements at a time, padding zeroed
            var buffer = new byte[elementSize * Math.Max(1, Math.Min(a.Length, 4096))];
            for (long off = 0; off < bytes; off += buffer.Length)
            {
                int n = (int)Math.Min(buffer.Length, bytes - off);
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref data, (nint)off), n).CopyTo(buffer);
                for (int i = 0; i < n; i++) buffer[i] &= keep[i % elementSize];
                _w.Write(buffer, 0, n);
            }
            return;
        }
        const int Chunk = 1 << 30;
        for (long off = 0; off < bytes; off += Chunk)
            _w.Write(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref data, (nint)off), (int)Math.Min(Chunk, bytes - off)));
    }

    private CheckpointException Fail(Type t, string why) =>
        new($"cannot checkpoint {string.Join('.', _path)} ({t.FullName}): {why}");
}
