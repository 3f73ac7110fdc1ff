using DecapSim.Core.Checkpoints;
using DecapSim.Core.Parameters;
using DecapSim.Experiments.Output;
using DecapSim.Experiments.Runs;

namespace DecapSim.Cli.Commands;

/// <summary>
/// <c>decapsim run --checkpoint-at DATE --checkpoint FILE</c> and <c>--from-checkpoint FILE</c>: where each replicate
/// starts and where it leaves its branch, and the run checkpoint file (<see cref="RunCheckpointFile"/>). A checkpoint
/// is read, and checked against the run, before anything runs; it is written, as one file, after the run's files.
/// </summary>
public sealed class RunCheckpoints
{
    private ReplicateBranch[]? _from;
    private ReplicateBranch[]? _saved;
    private string? _path;

    /// <summary>The week the checkpoint is written at (-1: none).</summary>
    public int Week { get; private set; } = -1;

    /// <summary>How replicate k starts (null when no option was given).</summary>
    public Func<int, RunStart>? Start { get; private set; }

    /// <summary>Checks the options and reads <paramref name="fromFile"/>; prints the error and returns false on bad input.</summary>
    public static bool TryPrepare(CliConsole console, ModelParameters p, ulong seed, int replicates, string? at, string? file, string? fromFile,
        out RunCheckpoints result)
    {
        result = new RunCheckpoints();
        if ((at is null) != (file is null))
        {
            console.Error.WriteLine($"error: {(at is null ? "--checkpoint" : "--checkpoint-at")}: given without {(at is null ? "--checkpoint-at DATE" : "--checkpoint FILE")} (allowed: both or neither)");
            return false;
        }
        if (at is not null)
        {
            if (!DateOnly.TryParseExact(at.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                console.Error.WriteLine($"error: --checkpoint-at: '{at}' is not a date (allowed: yyyy-mm-dd)");
                return false;
            }
            int days = d.DayNumber - p.StartDate.DayNumber;
            var last = p.StartDate.AddDays(7 * (p.Weeks - 1));
            if (days < 7 || days / 7 >= p.Weeks)
            {
                console.Error.WriteLine($"error: --checkpoint-at: {at} is outside the run (allowed: a date from {p.StartDate.AddDays(7):yyyy-MM-dd} to {last:yyyy-MM-dd}, after week 0)");
                return false;
            }
            result.Week = days / 7;
            result._path = file!;
            result._saved = new ReplicateBranch[replicates];
        }
        if (fromFile is not null)
        {
            try
            {
                using var stream = File.OpenRead(fromFile);
                result._from = RunCheckpointFile.Read(stream, p, seed, replicates);
            }
            catch (Exception e) when (e is CheckpointException or IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: --from-checkpoint: {fromFile}: {e.Message}");
                return false;
            }
            if (result.Week >= 0 && result.Week <= result._from[0].Week)
            {
                console.Error.WriteLine($"error: --checkpoint-at: week {result.Week} is not after the checkpoint the run continues from (week {result._from[0].Week})");
                return false;
            }
        }
        if (result._from is null && result._saved is null) return true;
        var r = result;
        result.Start = k => new RunStart
        {
            From = r._from?[k],
            BranchWeeks = r.Week >= 0 ? new[] { r.Week } : Array.Empty<int>(),
            OnBranch = r._saved is null ? null : b => r._saved[k] = b,
        };
        return true;
    }

    /// <summary>Writes the checkpoint file when one was asked for; returns its path.</summary>
    public string? Save(ulong seed)
    {
        if (_saved is null || _path is null) return null;
        if (_saved.Any(b => b is null)) throw new InvalidOperationException("a replicate did not reach the checkpoint week");
        using (var f = new AtomicFile(_path))
        {
            f.Writer.Flush();
            RunCheckpointFile.Write(f.Writer.BaseStream, seed, _saved);
            f.Commit();
        }
        return _path;
    }
}
