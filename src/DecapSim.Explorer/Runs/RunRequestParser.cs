using System.Globalization;
using System.Text.Json;
using DecapSim.Explorer.Catalog;
using DecapSim.Scenarios;

namespace DecapSim.Explorer.Runs;

/// <summary>
/// Turns a POST /api/runs body into a <see cref="RunSpec"/>, through the same loader and validators as
/// <c>decapsim run</c> (<see cref="ScenarioLoader"/>, <see cref="SetFrom"/>) plus the server's limits. The scenario
/// must be a bundled name: a path, or any other text, is refused before anything is read.
/// </summary>
public sealed class RunRequestParser(BundledScenarios scenarios, ExplorerOptions options, IModelCatalog catalog)
{
    /// <summary>Top-level fields of a request.</summary>
    public static readonly string[] Fields = { "scenario", "set", "from", "removal", "replicates", "weeks", "seed" };

    /// <summary>Default replicates when the request gives none.</summary>
    public const int DefaultReplicates = 8;

    /// <summary>The CLI's own limit on weeks (<c>decapsim run --weeks</c>).</summary>
    public const int CliMaxWeeks = 5200;

    private static readonly string[] RemovalFields = { "mode", "date", "faction" };
    private static readonly string[] Modes = { "kill", "capture", "none" };

    /// <summary>Parses and validates; throws <see cref="InputException"/> with every problem found.</summary>
    public RunSpec Parse(JsonElement body)
    {
        var problems = new List<InputProblem>();
        if (body.ValueKind != JsonValueKind.Object) throw new InputException(new[] { new InputProblem("body", Kind(body), "a JSON object", "the request body must be a JSON object") });
        foreach (var f in body.EnumerateObject())
            if (!Fields.Contains(f.Name, StringComparer.Ordinal))
                problems.Add(new InputProblem(f.Name, Short(f.Value), string.Join(", ", Fields), $"unknown field '{f.Name}'." + Suggest.DidYouMean(f.Name, Fields)));

        ScenarioInfo? sc = null;
        if (!body.TryGetProperty("scenario", out var sv) || sv.ValueKind != JsonValueKind.String)
            problems.Add(new InputProblem("scenario", sv.ValueKind == JsonValueKind.Undefined ? "" : Short(sv), "one of " + string.Join(", ", scenarios.Names), "a bundled scenario's name is required"));
        else if ((sc = scenarios.Find(sv.GetString()!)) is null)
            problems.Add(new InputProblem("scenario", sv.GetString()!, "one of " + string.Join(", ", scenarios.Names),
                "not a bundled scenario (names only, never a path)." + Suggest.DidYouMean(sv.GetString()!, scenarios.Names)));

        int reps = Int(body, "replicates", 1, options.MaxReplicates, DefaultReplicates, problems);
        int maxWeeks = Math.Min(options.MaxWeeks, CliMaxWeeks);
        int? weeks = body.TryGetProperty("weeks", out _) ? Int(body, "weeks", 1, maxWeeks, 0, problems) : null;
        ulong? seed = null;
        if (body.TryGetProperty("seed", out var seedV))
        {
            if (seedV.ValueKind == JsonValueKind.Number && seedV.TryGetUInt64(out var s)) seed = s;
            else problems.Add(new InputProblem("seed", Short(seedV), "a whole number from 0 to 18446744073709551615", "not a valid seed"));
        }
        DateOnly? from = null;
        if (body.TryGetProperty("from", out var fromV) && fromV.ValueKind != JsonValueKind.Null)
        {
            if (fromV.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(fromV.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) from = d;
            else problems.Add(new InputProblem("from", Short(fromV), "a date yyyy-mm-dd", "not a date"));
        }

        var sets = new List<string>();
        if (body.TryGetProperty("set", out var setV) && setV.ValueKind != JsonValueKind.Null)
        {
            if (setV.ValueKind != JsonValueKind.Object) problems.Add(new InputProblem("set", Short(setV), "an object { \"Section.Key\": value }", "set must be an object"));
            else foreach (var kv in setV.EnumerateObject())
            {
                if (kv.Name.StartsWith("Timeline", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new InputProblem(kv.Name, Short(kv.Value), "a model parameter (use \"removal\" for the leader removal)", "the timeline is not set here"));
                    continue;
                }
                string? text = kv.Value.ValueKind switch
                {
                    JsonValueKind.Number => kv.Value.GetRawText(),
                    JsonValueKind.String => kv.Value.GetString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (text is null) problems.Add(new InputProblem(kv.Name, Short(kv.Value), "a number or a string", "a parameter value must be a single value"));
                else sets.Add(kv.Name + "=" + text);
            }
        }
        if (sc is not null && body.TryGetProperty("removal", out var rv) && rv.ValueKind != JsonValueKind.Null)
            sets.AddRange(RemovalSets(sc, rv, problems));
        if (problems.Count > 0) throw new InputException(problems);
        return Resolve(sc!, sets, from, reps, weeks, seed);
    }

    /// <summary>Loads the scenario with the overrides through the CLI's loader and turns its errors into problems.</summary>
    private RunSpec Resolve(ScenarioInfo sc, List<string> sets, DateOnly? from, int reps, int? weeks, ulong? seed)
    {
        var env = new Dictionary<string, string>(); // DECAPSIM__ variables are ignored: a permalink means the same everywhere
        try
        {
            var full = ScenarioLoader.Load(sc.Path, env, sets, catalog);
            var p = full.Parameters;
            if (weeks is int w) p = p with { Weeks = w };
            if (p.Weeks > Math.Min(options.MaxWeeks, CliMaxWeeks))
                throw new InputException(new[] { new InputProblem("weeks", p.Weeks.ToString(CultureInfo.InvariantCulture), $"1..{Math.Min(options.MaxWeeks, CliMaxWeeks)} (this server's limit)", "the scenario runs longer than this server allows: ask for fewer weeks") });
            if (from is { } d)
            {
                var start = ScenarioLoader.Load(sc.Path, env, SetFrom.FromStart(sets), catalog).Parameters with { Weeks = p.Weeks };
                p = SetFrom.Apply(start, p, sets, d);
            }
            ulong s = seed ?? full.Seed;
            string head = $"{sc.Name}|{reps}|{p.Weeks}|{s}";
            return new RunSpec(sc, full, p, sets, from, reps, p.Weeks, s,
                head + "|" + (from is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "") + "|" + string.Join("\n", sets), head + "||");
        }
        catch (ScenarioException e)
        {
            throw new InputException(e.Errors.Select(ToProblem).ToArray());
        }
    }

    private static InputProblem ToProblem(ScenarioError e)
    {
        string field = e.File switch
        {
            SetFrom.Option => e.KeyPath.Length > 0 ? e.KeyPath : "from",
            ScenarioLoader.SetLayer => e.KeyPath.Length == 0 ? "set"
                : e.KeyPath.StartsWith("Timeline.", StringComparison.OrdinalIgnoreCase) ? "removal." + e.KeyPath.Split('.').Last().ToLowerInvariant()
                : e.KeyPath,
            _ => e.KeyPath.StartsWith("Timeline.", StringComparison.OrdinalIgnoreCase) ? "removal." + e.KeyPath.Split('.').Last().ToLowerInvariant()
                : e.KeyPath.Length > 0 ? e.KeyPath : "scenario",
        };
        return new InputProblem(field, e.Value, e.Allowed, e.Message);
    }

    /// <summary>The <c>Timeline.N.*</c> overrides of a removal request: change the scenario's first leader removal,
    /// or append one when it has none.</summary>
    private static IEnumerable<string> RemovalSets(ScenarioInfo sc, JsonElement rv, List<InputProblem> problems)
    {
        if (rv.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputProblem("removal", Short(rv), "{ \"mode\": \"kill|capture|none\", \"date\": \"yyyy-mm-dd\", \"faction\": name }", "removal must be an object"));
            yield break;
        }
        foreach (var f in rv.EnumerateObject())
            if (!RemovalFields.Contains(f.Name, StringComparer.Ordinal))
                problems.Add(new InputProblem("removal." + f.Name, Short(f.Value), string.Join(", ", RemovalFields), $"unknown field '{f.Name}'"));
        string? Text(string name) => rv.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var mode = Text("mode")?.Trim().ToLowerInvariant();
        if (mode is null || !Modes.Contains(mode))
        {
            problems.Add(new InputProblem("removal.mode", mode ?? "", string.Join(", ", Modes), "the removal needs a mode"));
            yield break;
        }
        var date = Text("date");
        var faction = Text("faction");
        if (sc.Removal is { } r)
        {
            string at = $"Timeline.{r.Index}.";
            if (mode != r.Mode) yield return at + "Mode=" + mode;
            if (date is not null && date != r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) yield return at + "Date=" + date;
            if (faction is not null && faction != r.Faction) yield return at + "Faction=" + faction;
        }
        else if (mode != "none")
        {
            string at = $"Timeline.{sc.TimelineCount}.";
            yield return at + "Type=remove-leader";
            yield return at + "Faction=" + (faction ?? "CJNG");
            yield return at + "Mode=" + mode;
            yield return at + "Date=" + (date ?? sc.PolicyDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static int Int(JsonElement body, string name, int min, int max, int fallback, List<InputProblem> problems)
    {
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return fallback;
        string allowed = $"a whole number from {min} to {max}" + (name is "replicates" or "weeks" ? " (this server's limit)" : "");
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long n)) { problems.Add(new InputProblem(name, Short(v), allowed, "not a whole number")); return fallback; }
        if (n < min || n > max) { problems.Add(new InputProblem(name, n.ToString(CultureInfo.InvariantCulture), allowed, "out of range")); return fallback; }
        return (int)n;
    }

    private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

    private static string Short(JsonElement e)
    {
        var t = e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText();
        return t.Length > 80 ? t[..80] + "..." : t;
    }
}
