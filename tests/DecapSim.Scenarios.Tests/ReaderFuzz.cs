using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace DecapSim.Scenarios.Tests;

/// <summary>One edit of a file: what, where (a fraction of the length), which token, how long.</summary>
public sealed record Mutation(int Kind, int Where, int Token, int Length);

/// <summary>
/// Random and mutated files for the readers' fuzz-style property tests (FsCheck): whatever the bytes, a reader either
/// loads the file or refuses it with errors that name the file and a key or a line; never another exception, never a
/// hang (each case under a time limit). Shared by the scenario, CSV and experiment readers' tests (linked into
/// DecapSim.Experiments.Tests).
/// </summary>
public static class ReaderFuzz
{
    /// <summary>Fragments that tend to reach the readers' corners.</summary>
    public static readonly string[] Tokens =
    {
        "{", "}", "[", "]", "\"", ":", ",", "\\", "\\ud800", "\\udc00x", "\\u0000", "null", "true", "-1", "0", "1e309", "-1e-400", "NaN",
        "99999999999999999999999", "9999-12-31", "0001-01-01", "2026-02-30", "\"extends\": \"baseline\"", "\"extends\": \"self.json\"",
        "\"Timeline\": [{\"Type\": \"remove-leader\", \"Week\": 3}]", "\"Seed\": 7, \"Seed\": 8", "\"seed\": 1", "\"Weeks\": 0", "\"Weeks\": 5200",
        "\"Factions\": { \"File\": \"f.csv\" }", "\"Factions\": { \"File\": \"/dev/zero\" }", "\"Factions\": { \"File\": \".\" }",
        "/*", "*/", "//", "\n", "\r\n", "\t", "\u00e9", "\uFEFF", "\u202E", "\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{}}}}}",
        "=HYPERLINK(\"x\")", "name,region,members", "\"q,\"\"x\"", "\0",
    };

    /// <summary>Mutations as FsCheck generates (and shrinks) them.</summary>
    public static Arbitrary<Mutation[]> Mutations(int max = 6) =>
        (from kind in Gen.Choose(0, 7)
         from position in Gen.Choose(0, 10_000)
         from token in Gen.Choose(0, Tokens.Length - 1)
         from length in Gen.Choose(1, 40)
         select new Mutation(kind, position, token, length))
        .ArrayOf().Select(a => a.Take(max).ToArray()).ToArbitrary();

    /// <summary>Applies the mutations to <paramref name="text"/> (as UTF-8 bytes, so invalid UTF-8 can appear).</summary>
    public static byte[] Apply(string text, IEnumerable<Mutation> mutations)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
        foreach (var m in mutations)
        {
            int at = bytes.Count == 0 ? 0 : (int)((long)m.Where * bytes.Count / 10_001);
            var token = Encoding.UTF8.GetBytes(Tokens[m.Token]);
            switch (m.Kind)
            {
                case 0: bytes.RemoveRange(at, Math.Min(m.Length, bytes.Count - at)); break;               // delete a span
                case 1: bytes.InsertRange(at, token); break;                                               // insert a token
                case 2: if (at < bytes.Count) bytes[at] = (byte)(bytes[at] ^ (1 << (m.Length % 8))); break; // flip a bit
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;                                    // truncate
                case 4: bytes.InsertRange(at, bytes.Skip(at).Take(m.Length).ToList()); break;             // duplicate a span
                case 5:                                                                                     // change a letter's case
                    for (int i = at; i < Math.Min(bytes.Count, at + m.Length); i++)
                        if (bytes[i] is >= (byte)'a' and <= (byte)'z') bytes[i] -= 32; else if (bytes[i] is >= (byte)'A' and <= (byte)'Z') bytes[i] += 32;
                    break;
                case 6: bytes.InsertRange(at, Enumerable.Range(0, m.Length).Select(i => (byte)((m.Where * 31 + i * 97) & 0xFF))); break; // noise
                default: bytes.InsertRange(at, token); bytes.InsertRange(at, token); break;
            }
        }
        return bytes.ToArray();
    }

    /// <summary>Runs <paramref name="load"/> under a time limit; returns null when it loaded, or the errors.</summary>
    public static IReadOnlyList<ScenarioError>? Outcome(Action load, TimeSpan limit)
    {
        IReadOnlyList<ScenarioError>? errors = null;
        Exception? other = null;
        var task = Task.Run(() =>
        {
            try { load(); }
            catch (ScenarioException e) { errors = e.Errors; }
            catch (Exception e) { other = e; }
        });
        if (!task.Wait(limit)) throw new TimeoutException($"a reader did not finish within {limit.TotalSeconds} s (hang)");
        if (other is not null) throw new Xunit.Sdk.XunitException("a reader threw " + other);
        return errors;
    }

    /// <summary>The property every reader keeps: loaded, or every error names a file and (a key or a line, or is
    /// about the whole file).</summary>
    public static bool NamedErrors(IReadOnlyList<ScenarioError>? errors)
    {
        if (errors is null) return true;
        if (errors.Count == 0) return false;
        foreach (var e in errors)
        {
            if (e.File.Length == 0 || e.Message.Length == 0) return false;
            bool wholeFile = e.KeyPath.Length == 0 && e.Line is null;
            if (wholeFile && !(e.Message.Contains("file", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("JSON", StringComparison.Ordinal)))
                return false;
        }
        return true;
    }

    /// <summary>Checks <paramref name="property"/> on <paramref name="cases"/> generated mutation lists.</summary>
    public static void Fuzz(Func<Mutation[], bool> property, int cases = 250) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), Prop.ForAll(Mutations(), property));

}
