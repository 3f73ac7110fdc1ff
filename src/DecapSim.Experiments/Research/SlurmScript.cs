using System.Text;
using System.Text.RegularExpressions;

namespace DecapSim.Experiments.Research;

/// <summary>Generates an <c>sbatch</c> job-array script that runs an experiment's shards on Slurm.</summary>
public static partial class SlurmScript
{
    /// <summary>Options of the script.</summary>
    /// <param name="ExperimentFile">The experiment file (made absolute in the script).</param>
    /// <param name="OutDir">Folder for shard-K subfolders, logs and the merged result.</param>
    /// <param name="Shards">Array size N (tasks 0..N-1).</param>
    /// <param name="Partition">Slurm partition, or null for the cluster's default.</param>
    /// <param name="Time">Time limit per task, HH:MM:SS.</param>
    /// <param name="Cpus">CPUs per task (also the run's --threads).</param>
    /// <param name="Command">How to invoke DecapSim on the nodes (e.g. "decapsim" or "dotnet /opt/decapsim/decapsim.dll").</param>
    public sealed record Options(string ExperimentFile, string OutDir, int Shards, string? Partition, string Time, int Cpus, string Command);

    [GeneratedRegex(@"^(\d+-)?\d{1,3}:\d{2}:\d{2}$")]
    private static partial Regex TimePattern();

    /// <summary>Checks a Slurm time limit ([D-]HH:MM:SS).</summary>
    public static bool IsTime(string s) => TimePattern().IsMatch(s);

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,64}(,[A-Za-z0-9_.-]{1,64}){0,15}$")]
    private static partial Regex PartitionPattern();

    [GeneratedRegex(@"^[A-Za-z0-9 /._+=:@-]{1,512}$")]
    private static partial Regex CommandPattern();

    /// <summary>Checks every value that goes into the script, each against the characters its option allows; returns
    /// one message per bad value (empty when all are fine). Nothing the user typed can become a shell line.</summary>
    public static IReadOnlyList<string> Validate(Options o)
    {
        var errors = new List<string>();
        if (o.Shards < 1 || o.Shards > 100_000) errors.Add($"--shards: {o.Shards} is out of range (allowed: 1..100000)");
        if (o.Cpus < 1 || o.Cpus > 1024) errors.Add($"--cpus: {o.Cpus} is out of range (allowed: 1..1024)");
        if (!IsTime(o.Time)) errors.Add($"--time: {Show(o.Time)} is not a time limit (allowed: HH:MM:SS or D-HH:MM:SS)");
        if (o.Partition is not null && !PartitionPattern().IsMatch(o.Partition))
            errors.Add($"--partition: {Show(o.Partition)} is not a partition name (allowed: letters, digits, '_', '.', '-', and ',' between names)");
        if (!CommandPattern().IsMatch(o.Command))
            errors.Add($"--command: {Show(o.Command)} is not a plain command (allowed: letters, digits, spaces and / . _ + = : @ -; no quotes, ';', '$', '|', '&' or newlines)");
        foreach (var (option, path) in new[] { ("file", o.ExperimentFile), ("--out", o.OutDir) })
            if (path.Length == 0 || path.Any(char.IsControl))
                errors.Add($"{option}: {Show(path)} is not a usable path in a script (allowed: a path without control characters such as newlines)");
        return errors;
    }

    /// <summary>A value for messages: quoted, control characters escaped.</summary>
    private static string Show(string s) =>
        "'" + string.Concat(s.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString())) + "'";

    /// <summary>The script text; throws <see cref="ArgumentException"/> when <see cref="Validate"/> finds a problem.</summary>
    public static string Text(Experiment e, Options o)
    {
        var problems = Validate(o);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems));
        string file = Path.GetFullPath(o.ExperimentFile), dir = Path.GetFullPath(o.OutDir);
        var sb = new StringBuilder();
        sb.Append("#!/bin/bash\n");
        sb.Append($"#SBATCH --job-name=decapsim-{Regex.Replace(e.Name, "[^A-Za-z0-9_.-]", "_")}\n");
        sb.Append($"#SBATCH --array=0-{o.Shards - 1}\n");
        sb.Append($"#SBATCH --cpus-per-task={o.Cpus}\n");
        sb.Append($"#SBATCH --time={o.Time}\n");
        if (!string.IsNullOrWhiteSpace(o.Partition)) sb.Append($"#SBATCH --partition={o.Partition}\n");
        sb.Append($"#SBATCH --output={Q(Path.Combine(dir, "logs", "shard-%a.out"))}\n");
        sb.Append($"# DecapSim experiment {e.Name} (id {e.Id}): {DesignPlan.PointCount(e.Design, e.Parameters)} points x {e.Replicates} replicate(s) in {o.Shards} shards.\n");
        sb.Append("# Each task runs the units with unit_index % N == task id; re-submitting skips finished units.\n");
        sb.Append("set -euo pipefail\n");
        sb.Append($"DECAPSIM=\"${{DECAPSIM:-{o.Command}}}\"\n");
        sb.Append($"$DECAPSIM experiment run {Q(file)} --shard \"$SLURM_ARRAY_TASK_ID/{o.Shards}\" --out {Q(dir)}/shard-\"$SLURM_ARRAY_TASK_ID\" --threads {o.Cpus} --quiet\n");
        sb.Append("# When every task has finished, merge and analyse:\n");
        sb.Append($"#   $DECAPSIM experiment merge {Q(dir)}/shard-* --out {Q(Path.Combine(dir, "merged"))}\n");
        sb.Append("# or chain it: sbatch --dependency=afterok:<array job id> --wrap \"<the merge command>\"\n");
        return sb.ToString();
    }

    /// <summary>Writes <c>OutDir/experiment.sbatch</c> (and <c>OutDir/logs</c>); returns the script path.</summary>
    public static string Write(Experiment e, Options o)
    {
        Directory.CreateDirectory(Path.Combine(o.OutDir, "logs"));
        string path = Path.Combine(o.OutDir, "experiment.sbatch");
        Output.AtomicFile.WriteAllText(path, Text(e, o));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return path;
    }

    /// <summary>A path or word quoted for a POSIX shell when it needs it (also used for the printed hints).</summary>
    public static string Quote(string s) => Q(s);

    private static string Q(string s) => s.All(c => char.IsAsciiLetterOrDigit(c) || "/._-%+:=@".Contains(c)) ? s : "'" + s.Replace("'", "'\\''") + "'";
}
