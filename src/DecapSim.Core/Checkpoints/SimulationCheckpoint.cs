using System.Reflection;
using System.Security.Cryptography;
using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;

namespace DecapSim.Core.Checkpoints;

/// <summary>What a checkpoint's header says.</summary>
/// <param name="Program">Program version (and Core build) that wrote it.</param>
/// <param name="Seeds">Seeds of the run.</param>
/// <param name="Week">Weeks already run (the continued run starts with this week).</param>
/// <param name="Fingerprint">The <see cref="ParameterFingerprint"/> of the parameters before <paramref name="Week"/>.</param>
/// <param name="Bytes">Size of the state image.</param>
public sealed record CheckpointInfo(string Program, Seeds Seeds, int Week, string Fingerprint, long Bytes);

/// <summary>
/// Saves a <see cref="Simulation"/> at the end of a week and restores it, so that continuing gives byte-identical
/// results to never stopping. The image holds the whole mutable state (members, factions and their relation matrices,
/// units, cells, policy, presence index, counters, events, ledger, prison list, ...) and every process's private state
/// (random streams at their position, campaigns, retaliation waves, scratch), captured generically by
/// <see cref="GraphShape"/>'s rules. The parameters, the world and the faction naming are not in it: the reader supplies
/// the parameters, the world is rebuilt from them and the structure seed. A versioned header refuses an image from
/// another program build, or one whose parameters before the checkpoint week differ (events and policy values from
/// that week on may differ: that is branching); a checksum catches damaged or truncated data.
/// </summary>
/// <remarks>Streams only: Core does no file I/O (the CLI and the explorer own the files).</remarks>
public static class SimulationCheckpoint
{
    private static readonly byte[] Magic = "DECAPCKP"u8.ToArray();
    /// <summary>Version of the image layout.</summary>
    public const int FormatVersion = 1;

    /// <summary>The program build a checkpoint must come from: the version and Core's module id (a rebuild that
    /// changes the model's types changes it).</summary>
    public static string Program { get; } =
        (typeof(Simulation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0")
        + " core " + typeof(Simulation).Module.ModuleVersionId.ToString("N")[..12];

    /// <summary>Writes <paramref name="sim"/> (at the end of its last week) to <paramref name="output"/>.</summary>
    public static void Write(Simulation sim, Stream output)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(output);
        var payload = Image(sim);
        using var w = new BinaryWriter(output, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Program);
        w.Write(sim.Seeds.Structure); w.Write(sim.Seeds.Dynamics);
        w.Write(sim.Week);
        w.Write(ParameterFingerprint.Before(sim.State.P, sim.Week));
        w.Write((long)payload.Length);
        w.Write(payload);
        w.Write(SHA256.HashData(payload));
    }

    /// <summary>Reads a checkpoint's header (checks it is one, from this program).</summary>
    public static CheckpointInfo ReadInfo(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var r = new BinaryReader(input, System.Text.Encoding.UTF8, leaveOpen: true);
        return Guard(() => ReadHeader(r));
    }

    /// <summary>Restores a simulation from <paramref name="input"/> for the parameters <paramref name="p"/>, which
    /// must equal the written run's before its checkpoint week (later timeline events may differ and apply when
    /// the run continues). Throws <see cref="CheckpointException"/> saying what is wrong.</summary>
    public static Simulation Read(Stream input, ModelParameters p, IFactionNaming? naming = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(p);
        using var r = new BinaryReader(input, System.Text.Encoding.UTF8, leaveOpen: true);
        return Guard(() =>
        {
            var info = ReadHeader(r);
            string mine = ParameterFingerprint.Before(p, info.Week);
            if (mine != info.Fingerprint)
                throw new CheckpointException($"the checkpoint was written for other parameters: the structural parameters or the timeline before week {info.Week} differ from this run's (events from week {info.Week} on may differ, nothing earlier)");
            if (info.Bytes < 0 || info.Bytes > int.MaxValue) throw new CheckpointException("the checkpoint is damaged: its state size is impossible");
            var payload = r.ReadBytes((int)info.Bytes);
            if (payload.Length != info.Bytes) throw new EndOfStreamException();
            var sum = r.ReadBytes(32);
            if (sum.Length != 32) throw new EndOfStreamException();
            if (!SHA256.HashData(payload).AsSpan().SequenceEqual(sum)) throw new CheckpointException("the checkpoint is damaged: its checksum does not match its contents");
            var world = Simulation.BuildWorld(p.World, info.Seeds.Structure);
            return FromImage(payload, p, world, naming ?? FactionNaming.Default, info.Seeds);
        });
    }

    /// <summary>A deep copy of <paramref name="sim"/> in memory that continues under <paramref name="p"/> (world and
    /// naming are shared: they are immutable).</summary>
    internal static Simulation Copy(Simulation sim, ModelParameters p)
    {
        var s = sim.State;
        var copier = new StateCopier((s.P, p), (s.World, s.World), (s.Naming, s.Naming));
        var state = copier.Copy(s, "State");
        var processes = copier.Copy(sim.Processes.ToArray(), "Processes");
        var observer = copier.Copy(sim.Observer, "Observer");
        return new Simulation(state, processes, observer, sim.Seeds) { InnerThreads = sim.InnerThreads };
    }

    /// <summary>A deep copy of a state that has not been stepped (the shared set-up).</summary>
    internal static ModelState CopyState(ModelState s, ModelParameters p) =>
        new StateCopier((s.P, p), (s.World, s.World), (s.Naming, s.Naming)).Copy(s, "State");

    private static object[] Externals(ModelParameters p, World.World world, IFactionNaming naming) => [p, world, naming];

    /// <summary>The state image of a run (tests compare two runs' whole state with it).</summary>
    internal static byte[] Image(Simulation sim)
    {
        var s = sim.State;
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var writer = new StateImageWriter(w, Externals(s.P, s.World, s.Naming));
            writer.WriteRoot(s, "State");
            writer.WriteRoot(sim.Processes.ToArray(), "Processes");
            writer.WriteRoot(sim.Observer, "Observer");
        }
        return ms.ToArray();
    }

    private static Simulation FromImage(byte[] payload, ModelParameters p, World.World world, IFactionNaming naming, Seeds seeds)
    {
        using var ms = new MemoryStream(payload, writable: false);
        using var r = new BinaryReader(ms);
        var reader = new StateImageReader(r, Externals(p, world, naming));
        var state = reader.ReadRoot() as ModelState ?? throw new CheckpointException("the checkpoint is damaged: it holds no model state");
        var processes = reader.ReadRoot() as Processes.IProcess[] ?? throw new CheckpointException("the checkpoint is damaged: it holds no processes");
        var observer = reader.ReadRoot() as Metrics.Observer ?? throw new CheckpointException("the checkpoint is damaged: it holds no observer");
        if (ms.Position != ms.Length) throw new CheckpointException("the checkpoint is damaged: data is left after the state");
        return new Simulation(state, processes, observer, seeds);
    }

    private static CheckpointInfo ReadHeader(BinaryReader r)
    {
        var magic = r.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new CheckpointException("not a DecapSim checkpoint (it does not start with the checkpoint signature)");
        int format = r.ReadInt32();
        if (format != FormatVersion) throw new CheckpointException($"the checkpoint has layout version {format}; this program reads version {FormatVersion}");
        string program = r.ReadString();
        if (program != Program) throw new CheckpointException($"the checkpoint was written by another program build ({program}); this is {Program}: run it again from the start with this build");
        var seeds = new Seeds(r.ReadUInt64(), r.ReadUInt64());
        int week = r.ReadInt32();
        string fingerprint = r.ReadString();
        long bytes = r.ReadInt64();
        return new CheckpointInfo(program, seeds, week, fingerprint, bytes);
    }

    private static T Guard<T>(Func<T> read)
    {
        try { return read(); }
        catch (EndOfStreamException e) { throw new CheckpointException("the checkpoint is truncated: it ends before its state does", e); }
        catch (CheckpointException) { throw; }
        catch (Exception e) when (e is IOException or InvalidCastException or ArgumentException or FormatException or OverflowException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new CheckpointException("the checkpoint is damaged: " + e.Message, e);
        }
    }
}
