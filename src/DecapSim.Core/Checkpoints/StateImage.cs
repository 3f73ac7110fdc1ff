namespace DecapSim.Core.Checkpoints;

/// <summary>
/// The checkpoints' generic capture for other objects of a run that must be saved with it (what a replicate has
/// recorded so far): the same rules as the model state (<see cref="GraphShape"/>), no externals. Types from DecapSim
/// assemblies, plain structs, arrays and the generic collections; anything else fails naming its path.
/// </summary>
public static class StateImage
{
    /// <summary>Writes <paramref name="root"/> and what it reaches (length-prefixed, so readers can skip it).</summary>
    public static void Write(Stream output, object root)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(root);
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
            new StateImageWriter(w, []).WriteRoot(root, root.GetType().Name);
        using var o = new BinaryWriter(output, System.Text.Encoding.UTF8, leaveOpen: true);
        o.Write(ms.Length);
        o.Write(ms.GetBuffer(), 0, (int)ms.Length);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="CheckpointException"/> for damaged or
    /// truncated data or another type.</summary>
    public static T Read<T>(Stream input) where T : class
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var r = new BinaryReader(input, System.Text.Encoding.UTF8, leaveOpen: true);
            long n = r.ReadInt64();
            if (n < 0 || n > int.MaxValue) throw new CheckpointException("the checkpoint is damaged: a record size is impossible");
            var data = r.ReadBytes((int)n);
            if (data.Length != n) throw new EndOfStreamException();
            using var ms = new MemoryStream(data, writable: false);
            using var rr = new BinaryReader(ms);
            return new StateImageReader(rr, []).ReadRoot() as T ?? throw new CheckpointException($"the checkpoint is damaged: it holds no {typeof(T).Name}");
        }
        catch (EndOfStreamException e) { throw new CheckpointException("the checkpoint is truncated: it ends before its state does", e); }
        catch (Exception e) when (e is IOException or InvalidCastException or ArgumentException or FormatException or OverflowException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new CheckpointException("the checkpoint is damaged: " + e.Message, e);
        }
    }
}
