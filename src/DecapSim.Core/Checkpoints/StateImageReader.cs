using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DecapSim.Core.Random;

namespace DecapSim.Core.Checkpoints;

/// <summary>Reads what <see cref="StateImageWriter"/> wrote: objects are created without running their constructors
/// and their fields set from the image; externals are the reader's own instances.</summary>
internal sealed class StateImageReader
{
    private readonly BinaryReader _r;
    private readonly object[] _externals;
    private readonly List<object> _objects = new();
    private readonly List<Type> _types = new();

    public StateImageReader(BinaryReader r, object[] externals) { _r = r; _externals = externals; }

    public object? ReadRoot() => ReadReference();

    private object? ReadReference()
    {
        byte tag = _r.ReadByte();
        switch (tag)
        {
            case StateImageWriter.Null: return null;
            case StateImageWriter.External:
                int x = _r.Read7BitEncodedInt();
                if ((uint)x >= (uint)_externals.Length) throw Corrupt("an external reference out of range");
                return _externals[x];
            case StateImageWriter.Back:
                int id = _r.Read7BitEncodedInt();
                if ((uint)id >= (uint)_objects.Count) throw Corrupt("a back reference out of range");
                return _objects[id];
            case StateImageWriter.New:
                var t = ReadType();
                var shape = GraphShape.Of(t);
                return ReadContent(t, shape, register: true);
            default: throw Corrupt($"an unknown tag {tag}");
        }
    }

    private Type ReadType()
    {
        int id = _r.Read7BitEncodedInt();
        if (id < _types.Count) return _types[id];
        if (id != _types.Count) throw Corrupt("a type index out of order");
        string name = _r.ReadString();
        var t = Type.GetType(name, throwOnError: false) ?? throw Corrupt($"an unknown type {name}");
        if (GraphShape.Of(t).Kind == ShapeKind.Unsupported) throw Corrupt($"a type that cannot be in a checkpoint ({t.FullName})");
        _types.Add(t);
        return t;
    }

    private object ReadContent(Type t, GraphShape.Shape shape, bool register)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Primitive: return Register(ReadPrimitive(t), register);
            case ShapeKind.Enum: return Register(Enum.ToObject(t, ReadPrimitive(Enum.GetUnderlyingType(t))), register);
            case ShapeKind.String: return Register(_r.ReadString(), register);
            case ShapeKind.Rng:
                var rng = new StreamRng(0) { State = (_r.ReadUInt64(), _r.ReadUInt64(), _r.ReadUInt64(), _r.ReadUInt64()) };
                return Register(rng, register);
            case ShapeKind.Fresh: return Register(Activator.CreateInstance(t)!, register);
            case ShapeKind.RawArray: return ReadRawArray(t, shape.ElementSize, register);
            case ShapeKind.ElementArray:
                int n = _r.Read7BitEncodedInt();
                var et = t.GetElementType()!;
                var arr = Array.CreateInstance(et, n);
                Register(arr, register);
                for (int i = 0; i < n; i++) arr.SetValue(ReadValue(et), i);
                return arr;
            case ShapeKind.Struct:
            case ShapeKind.Object:
                var o = RuntimeHelpers.GetUninitializedObject(t);
                Register(o, register);
                foreach (var f in shape.Fields) f.SetValue(o, ReadValue(f.FieldType));
                return o;
            default: throw Corrupt($"a type that cannot be in a checkpoint ({t.FullName})");
        }
    }

    private object Register(object o, bool register)
    {
        if (register) _objects.Add(o);
        return o;
    }

    private object? ReadValue(Type declared)
    {
        if (!declared.IsValueType)
        {
            var o = ReadReference();
            if (o is not null && !declared.IsInstanceOfType(o)) throw Corrupt($"a {o.GetType().FullName} where a {declared.FullName} belongs");
            return o;
        }
        if (Nullable.GetUnderlyingType(declared) is { } inner) return _r.ReadBoolean() ? ReadValue(inner) : null;
        return ReadContent(declared, GraphShape.Of(declared), register: false);
    }

    private object ReadPrimitive(Type t) => Type.GetTypeCode(t) switch
    {
        TypeCode.Boolean => _r.ReadBoolean(),
        TypeCode.Byte => _r.ReadByte(),
        TypeCode.SByte => _r.ReadSByte(),
        TypeCode.Char => (char)_r.ReadUInt16(),
        TypeCode.Int16 => _r.ReadInt16(),
        TypeCode.UInt16 => _r.ReadUInt16(),
        TypeCode.Int32 => _r.ReadInt32(),
        TypeCode.UInt32 => _r.ReadUInt32(),
        TypeCode.Int64 => _r.ReadInt64(),
        TypeCode.UInt64 => _r.ReadUInt64(),
        TypeCode.Single => _r.ReadSingle(),
        TypeCode.Double => _r.ReadDouble(),
        TypeCode.Decimal => _r.ReadDecimal(),
        _ => throw Corrupt($"an unknown primitive {t.FullName}"),
    };

    private Array ReadRawArray(Type t, int elementSize, bool register)
    {
        int rank = _r.Read7BitEncodedInt();
        if (rank != t.GetArrayRank()) throw Corrupt("an array of the wrong rank");
        var lengths = new int[rank];
        long total = 1;
        for (int d = 0; d < rank; d++)
        {
            lengths[d] = _r.Read7BitEncodedInt();
            if (lengths[d] < 0) throw Corrupt("a negative array length");
            total *= lengths[d];
        }
        long bytes = total * elementSize;
        long left = _r.BaseStream.CanSeek ? _r.BaseStream.Length - _r.BaseStream.Position : long.MaxValue;
        if (bytes > left) throw Corrupt("an array longer than the data left (the file is truncated)");
        var a = t.IsSZArray ? Array.CreateInstance(t.GetElementType()!, lengths[0]) : Array.CreateInstance(t.GetElementType()!, lengths);
        Register(a, register);
        if (bytes == 0) return a;
        ref byte data = ref MemoryMarshal.GetArrayDataReference(a);
        const int Chunk = 1 << 30;
        for (long off = 0; off < bytes; off += Chunk)
            _r.BaseStream.ReadExactly(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref data, (nint)off), (int)Math.Min(Chunk, bytes - off)));
        return a;
    }

    private static CheckpointException Corrupt(string what) => new($"the checkpoint is damaged: it holds {what}");
}
