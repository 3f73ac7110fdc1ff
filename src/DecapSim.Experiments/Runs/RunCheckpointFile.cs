using DecapSim.Core;
using DecapSim.Core.Checkpoints;
using DecapSim.Core.Parameters;

namespace DecapSim.Experiments.Runs;

/// <summary>
/// One file holding every replicate of a run stopped at a week (<c>decapsim run --checkpoint-at DATE --checkpoint
/// FILE</c>): per replicate its <see cref="SimulationCheckpoint"/> and what it recorded so far, so a run continued
/// from it (<c>--from-checkpoint FILE</c>) writes the same files, byte for byte, as the uninterrupted run. The
/// header names the program build, master seed, replicates and week; each replicate's checkpoint checks the
/// parameters before the week (later timeline events may differ and apply when the run continues).
/// </summary>
public static class RunCheckpointFile
{
    private static readonly byte[] Magic = "DECAPRUN"u8.ToArray();
    private const int Version = 1;

    /// <summary>Writes the branches (replicate order, all at one week) of a run of master seed <paramref name="seed"/>.</summary>
    public static void Write(Stream output, ulong seed, IReadOnlyList<ReplicateBranch> branches)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (branches.Count == 0) throw new ArgumentException("no replicates to write", nameof(branches));
        using var w = new BinaryWriter(output, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(SimulationCheckpoint.Program);
        w.Write(seed);
        w.Write(branches.Count);
        w.Write(branches[0].Week);
        w.Flush();
        foreach (var b in branches)
        {
            var (sim, recorded) = b.Resume(b.Parameters);
            SimulationCheckpoint.Write(sim, output);
            StateImage.Write(output, recorded);
        }
    }

    /// <summary>Reads a run checkpoint for a run of <paramref name="p"/> with master seed <paramref name="seed"/> and
    /// <paramref name="replicates"/> replicates; throws <see cref="CheckpointException"/> saying what does not match.</summary>
    public static ReplicateBranch[] Read(Stream input, ModelParameters p, ulong seed, int replicates)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var r = new BinaryReader(input, System.Text.Encoding.UTF8, leaveOpen: true);
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new CheckpointException("not a DecapSim run checkpoint (it does not start with the run checkpoint signature)");
            int version = r.ReadInt32();
            if (version != Version) throw new CheckpointException($"the checkpoint has layout version {version}; this program reads version {Version}");
            string program = r.ReadString();
            if (program != SimulationCheckpoint.Program) throw new CheckpointException($"the checkpoint was written by another program build ({program}); this is {SimulationCheckpoint.Program}: run it again from the start with this build");
            ulong s = r.ReadUInt64();
            int n = r.ReadInt32(), week = r.ReadInt32();
            if (s != seed) throw new CheckpointException($"the checkpoint is of seed {s}, this run's is {seed} (give --seed {s})");
            if (n != replicates) throw new CheckpointException($"the checkpoint holds {n} replicates, this run asks for {replicates} (give --replicates {n})");
            if (week >= p.Weeks) throw new CheckpointException($"the checkpoint is at week {week}, at or after the run's end (week {p.Weeks - 1})");
            var branches = new ReplicateBranch[n];
            for (int k = 0; k < n; k++)
            {
                var sim = SimulationCheckpoint.Read(input, p);
                if (sim.Seeds != Seeds.ForReplicate(seed, k) || sim.Week != week) throw new CheckpointException($"the checkpoint is damaged: replicate {k} is not the run's");
                var recorded = StateImage.Read<RunRecorder>(input);
                if (recorded.Weeks != week) throw new CheckpointException($"the checkpoint is damaged: replicate {k} recorded {recorded.Weeks} weeks, not {week}");
                branches[k] = ReplicateBranch.Own(sim, recorded);
            }
            return branches;
        }
        catch (EndOfStreamException e) { throw new CheckpointException("the checkpoint is truncated: it ends before its last replicate", e); }
    }
}
