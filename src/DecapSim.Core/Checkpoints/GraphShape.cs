using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DecapSim.Core.Random;

namespace DecapSim.Core.Checkpoints;

/// <summary>How a type is written into a state image (see <see cref="StateImageWriter"/>).</summary>
internal enum ShapeKind
{
    /// <summary>A primitive (bool, char, integers, floats) or decimal.</summary>
    Primitive,
    /// <summary>An enum (written as its underlying integer).</summary>
    Enum,
    /// <summary>A string.</summary>
    String,
    /// <summary>An array whose elements hold no references: lengths, then the raw bytes.</summary>
    RawArray,
    /// <summary>A one-dimensional array of references or of structs holding references: element by element.</summary>
    ElementArray,
    /// <summary>A struct written field by field.</summary>
    Struct,
    /// <summary>A class written field by field (every instance field up its hierarchy).</summary>
    Object,
    /// <summary>A <see cref="StreamRng"/>: its four state words.</summary>
    Rng,
    /// <summary>Not part of the results: written as nothing, read back as a fresh default instance
    /// (<see cref="ParallelOptions"/>: the caller sets the thread count again).</summary>
    Fresh,
    /// <summary>Cannot be captured (delegates, pointers, system types with hidden state): writing fails with its path.</summary>
    Unsupported,
}

/// <summary>
/// The rules of a state image: which types can be captured and how, and each type's fields in a fixed order.
/// The rules are generic (every instance field of every model type, private ones included), so a field a process
/// or the state gains later is captured without anyone listing it; a type the rules cannot capture faithfully makes
/// the writer fail, naming the field path, instead of silently losing state.
/// </summary>
internal static class GraphShape
{
    private static readonly ConcurrentDictionary<Type, Shape> Cache = new();

    /// <summary>A type's kind and, for structs and objects, its fields in image order.</summary>
    /// <param name="Keep">For an array of structs with padding: per byte of an element, 0xFF for data and 0 for
    /// padding (the writer zeroes padding, whose contents are arbitrary, so equal states give equal images).</param>
    internal sealed record Shape(ShapeKind Kind, FieldInfo[] Fields, int ElementSize, string Why, byte[]? Keep = null);

    public static Shape Of(Type t) => Cache.GetOrAdd(t, Classify);

    private static Shape Classify(Type t)
    {
        if (t.IsPrimitive)
            return t == typeof(IntPtr) || t == typeof(UIntPtr) ? Unsupported("a native pointer") : new Shape(ShapeKind.Primitive, [], 0, "");
        if (t == typeof(decimal)) return new Shape(ShapeKind.Primitive, [], 0, "");
        if (t.IsEnum) return new Shape(ShapeKind.Enum, [], 0, "");
        if (t == typeof(string)) return new Shape(ShapeKind.String, [], 0, "");
        if (t == typeof(StreamRng)) return new Shape(ShapeKind.Rng, [], 0, "");
        if (t == typeof(ParallelOptions)) return new Shape(ShapeKind.Fresh, [], 0, "");
        if (t == typeof(object)) return new Shape(ShapeKind.Object, [], 0, "");
        if (t.IsPointer || t.IsByRef || t.IsByRefLike) return Unsupported("a pointer or by-ref type");
        if (typeof(Delegate).IsAssignableFrom(t)) return Unsupported("a delegate (code, not data)");
        if (t.IsArray)
        {
            var e = t.GetElementType()!;
            if (!ContainsReferences(e) && (e.IsPrimitive || e.IsEnum || Of(e).Kind is ShapeKind.Struct or ShapeKind.Primitive))
                return new Shape(ShapeKind.RawArray, [], SizeOf(e), "", e.IsPrimitive || e.IsEnum ? null : KeepMask(e));
            if (t.GetArrayRank() != 1 || !t.IsSZArray) return Unsupported("a multi-dimensional array of references");
            return new Shape(ShapeKind.ElementArray, [], 0, "");
        }
        if (!Allowed(t)) return Unsupported("a type whose hidden state the checkpoint rules do not know (allowed: DecapSim and MathNet types, System.Collections.Generic collections, plain structs)");
        if (typeof(System.Random).IsAssignableFrom(t)) return Unsupported("a System.Random other than StreamRng (its state is hidden)");
        var fields = FieldsOf(t);
        return new Shape(t.IsValueType ? ShapeKind.Struct : ShapeKind.Object, fields, 0, "");
    }

    private static Shape Unsupported(string why) => new(ShapeKind.Unsupported, [], 0, why);

    /// <summary>Model types, MathNet distributions, the generic collections and any struct (plain data).</summary>
    private static bool Allowed(Type t)
    {
        if (t.IsValueType) return true;
        var asm = t.Assembly.GetName().Name ?? "";
        if (asm.StartsWith("DecapSim", StringComparison.Ordinal) || asm.StartsWith("MathNet", StringComparison.Ordinal)) return true;
        return t.IsGenericType && t.Namespace == "System.Collections.Generic"
            && t.GetGenericTypeDefinition() is var g
            && (g == typeof(List<>) || g == typeof(Dictionary<,>) || g == typeof(HashSet<>) || g == typeof(Queue<>) || g == typeof(Stack<>));
    }

    /// <summary>Every instance field, from the base type down, each level ordered by name (stable between runs of
    /// one build, whatever order reflection returns them in).</summary>
    private static FieldInfo[] FieldsOf(Type t)
    {
        var levels = new List<Type>();
        for (var x = t; x != null && x != typeof(object) && x != typeof(ValueType); x = x.BaseType) levels.Add(x);
        levels.Reverse();
        var list = new List<FieldInfo>();
        foreach (var level in levels)
            list.AddRange(level.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .OrderBy(f => f.Name, StringComparer.Ordinal));
        return list.ToArray();
    }

    private static readonly MethodInfo RefsMethod = typeof(GraphShape).GetMethod(nameof(Refs), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo SizeMethod = typeof(GraphShape).GetMethod(nameof(Size), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo MaskMethod = typeof(GraphShape).GetMethod(nameof(Mask), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Which bytes of a plain struct hold its fields: all bytes set, then every field set to its default;
    /// the bytes still set are padding. Null when there is none.</summary>
    private static byte[]? KeepMask(Type t) => (byte[]?)MaskMethod.MakeGenericMethod(t).Invoke(null, null);

    private static byte[]? Mask<T>() where T : struct
    {
        var one = new T[1];
        var bytes = MemoryMarshal.AsBytes(one.AsSpan());
        bytes.Fill(0xFF);
        object boxed = one[0];
        foreach (var f in FieldsOf(typeof(T))) f.SetValue(boxed, Activator.CreateInstance(f.FieldType));
        one[0] = (T)boxed;
        var keep = new byte[bytes.Length];
        bool padded = false;
        for (int i = 0; i < keep.Length; i++)
        {
            keep[i] = bytes[i] == 0 ? (byte)0xFF : (byte)0;
            padded |= keep[i] == 0;
        }
        return padded ? keep : null;
    }

    private static bool Refs<T>() => RuntimeHelpers.IsReferenceOrContainsReferences<T>();
    private static int Size<T>() => Unsafe.SizeOf<T>();

    private static readonly ConcurrentDictionary<Type, bool> RefsCache = new();

    /// <summary><see cref="ContainsReferences"/>, cached per type.</summary>
    public static bool ContainsReferencesCached(Type t) => RefsCache.GetOrAdd(t, ContainsReferences);

    public static bool ContainsReferences(Type t) => (bool)RefsMethod.MakeGenericMethod(t).Invoke(null, null)!;
    private static int SizeOf(Type t) => (int)SizeMethod.MakeGenericMethod(t).Invoke(null, null)!;
}
