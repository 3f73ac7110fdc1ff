using System.Globalization;
using System.Text;
using System.Text.Json;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Research;

/// <summary>
/// Reads and validates experiment files (JSON). Every problem is reported as a <see cref="ScenarioError"/> naming the
/// file, the key path, the value and what is allowed; all problems are collected and thrown together as a
/// <see cref="ScenarioException"/>.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "Name": "morris-el-mencho",                       // optional, default: file stem
///   "Description": "...",                             // optional
///   "Scenario": "../el-mencho-2026.json",             // relative to the experiment file
///   "Overrides": { "Weeks": 104, "Factions.InitialMembers": 30000 },   // fixed, like --set
///   "Parameters": [ { "Key": "Succession.SplitThreshold", "Range": [0.02, 0.2] },
///                   { "Key": "Targeting.PKill", "Values": [0.1, 0.5, 0.9] } ],
///   "Design": { "Type": "morris", "Trajectories": 4, "Levels": 4 },   // factorial|lhs|morris|saltelli|abc
///   "Replicates": 1,
///   "Outputs": [ "cumulative_homicides@104", "active_factions@104" ],
///   "Seed": 42
/// }
/// </code>
/// </remarks>
public static class ExperimentFile
{
    private static readonly string[] TopKeys = { "Name", "Description", "Scenario", "Overrides", "Parameters", "Design", "Replicates", "Outputs", "Seed", "Notes" };
    private static readonly Dictionary<DesignType, string[]> DesignKeys = new()
    {
        [DesignType.Factorial] = new[] { "Type", "Levels" },
        [DesignType.Lhs] = new[] { "Type", "Samples", "Bins" },
        [DesignType.Morris] = new[] { "Type", "Trajectories", "Levels" },
        [DesignType.Saltelli] = new[] { "Type", "N", "Bootstrap" },
        [DesignType.Abc] = new[] { "Type", "Draws", "Quantile", "Distance", "Target", "Metric" },
    };

    /// <summary>Most units (design points x replicates) an experiment may have.</summary>
    public const int MaxUnits = 1_000_000;

    /// <summary>Loads and validates an experiment file (loads its base scenario with the overrides).</summary>
    public static Experiment Load(string path)
    {
        var errors = new List<ScenarioError>();
        string display = path;
        if (!File.Exists(path)) throw new ScenarioException(new ScenarioError(display, "", "", "an existing experiment file", "file not found"));
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new ScenarioException(new ScenarioError(display, "", "", "valid JSON", "invalid JSON: " + e.Message) { Line = (int?)(e.LineNumber + 1) }); }
        using (doc)
        {
            var e = Parse(doc.RootElement, display, Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path), null, errors);
            if (errors.Count > 0 || e is null) throw new ScenarioException(errors);
            return e;
        }
    }

    /// <summary>Rebuilds an experiment from its canonical JSON (a shard manifest); it can be analysed but not run.</summary>
    public static Experiment FromCanonical(string json, string display)
    {
        var errors = new List<ScenarioError>();
        using var doc = JsonDocument.Parse(json);
        var e = Parse(doc.RootElement, display, null, "experiment", doc.RootElement, errors);
        if (errors.Count > 0 || e is null) throw new ScenarioException(errors);
        return e;
    }

    private static Experiment? Parse(JsonElement root, string file, string? baseDir, string stem, JsonElement? canonical, List<ScenarioError> errors)
    {
        void Err(string key, string value, string allowed, string message) => errors.Add(new ScenarioError(file, key, value, allowed, message));
        if (root.ValueKind != JsonValueKind.Object) { Err("", root.ValueKind.ToString(), "a JSON object", "the experiment must be an object"); return null; }
        foreach (var prop in root.EnumerateObject())
            if (!TopKeys.Contains(prop.Name, StringComparer.Ordinal) && canonical is null)
                Err(prop.Name, "", string.Join(", ", TopKeys), "unknown key" + Suggest.DidYouMean(prop.Name, TopKeys));

        string name = Str(root, "Name", file, errors) ?? stem;
        string description = Str(root, "Description", file, errors) ?? "";
        string? scenario = Str(root, "Scenario", file, errors);
        if (scenario is null) Err("Scenario", "", "a path to a scenario file, relative to the experiment file", "missing");

        // overrides
        var overrides = new List<KeyValuePair<string, string>>();
        if (root.TryGetProperty("Overrides", out var ov))
        {
            if (ov.ValueKind != JsonValueKind.Object) Err("Overrides", ov.GetRawText(), "an object of \"Section.Key\": value", "must be an object");
            else
                foreach (var p in ov.EnumerateObject())
                {
                    string kp = "Overrides." + p.Name;
                    if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
                    { Err(kp, p.Value.GetRawText(), "a number or a string", "must be a single value"); continue; }
                    if (ParameterCatalog.Find(p.Name) is null)
                    { Err(kp, p.Name, "a parameter key path (see `decapsim show`)", "unknown parameter" + Suggest.DidYouMean(p.Name, ParameterCatalog.All.Select(d => d.KeyPath))); continue; }
                    overrides.Add(new(ParameterCatalog.Find(p.Name)!.KeyPath, ScalarText(p.Value)));
                }
        }

        // parameters
        var parameters = new List<VariedParameter>();
        if (!root.TryGetProperty("Parameters", out var ps) || ps.ValueKind != JsonValueKind.Array || ps.GetArrayLength() == 0)
            Err("Parameters", ps.ValueKind == JsonValueKind.Undefined ? "" : ps.GetRawText(), "a non-empty array of { \"Key\": ..., \"Range\": [min, max] } or { \"Key\": ..., \"Values\": [...] }", "missing or empty");
        else
        {
            int i = 0;
            foreach (var item in ps.EnumerateArray())
            {
                var vp = ParseParameter(item, $"Parameters[{i}]", file, errors);
                if (vp is not null)
                {
                    if (parameters.Any(q => q.Key == vp.Key)) Err($"Parameters[{i}].Key", vp.Key, "each parameter once", "duplicate parameter");
                    else parameters.Add(vp);
                }
                i++;
            }
        }

        // design
        DesignSettings? design = null;
        CalibrationTarget? target = null;
        string? targetFile = null, targetMetric = null;
        if (!root.TryGetProperty("Design", out var de) || de.ValueKind != JsonValueKind.Object)
            Err("Design", "", "an object with Type factorial, lhs, morris, saltelli or abc", "missing");
        else
        {
            string? type = Str(de, "Type", file, errors, "Design.");
            DesignType dt = default;
            if (type is null || !Enum.TryParse(type, true, out dt) || int.TryParse(type, out _))
                Err("Design.Type", type ?? "", "factorial, lhs, morris, saltelli or abc", "unknown design type");
            else
            {
                foreach (var prop in de.EnumerateObject())
                    if (!DesignKeys[dt].Contains(prop.Name, StringComparer.Ordinal) && !(canonical is not null && prop.Name == "TargetValues"))
                        Err("Design." + prop.Name, "", string.Join(", ", DesignKeys[dt]), $"not a setting of a {type} design" + Suggest.DidYouMean(prop.Name, DesignKeys[dt]));
                var s = new DesignSettings { Type = dt };
                int Int(string key, int def, int min, int max)
                {
                    if (!de.TryGetProperty(key, out var v)) return def;
                    if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int x) || x < min || x > max)
                    { Err("Design." + key, v.GetRawText(), $"a whole number in [{min}, {max}]", "out of range"); return def; }
                    return x;
                }
                s = s with
                {
                    Levels = Int("Levels", dt == DesignType.Morris ? 4 : 3, 2, 100),
                    Samples = Int("Samples", 20, 2, MaxUnits),
                    Trajectories = Int("Trajectories", 10, 2, MaxUnits),
                    N = Int("N", 64, 2, MaxUnits),
                    Bootstrap = Int("Bootstrap", 200, 10, 100_000),
                    Bins = Int("Bins", 4, 1, 1000),
                    Draws = Int("Draws", 100, 1, MaxUnits),
                };
                if (dt == DesignType.Morris && s.Levels % 2 != 0) Err("Design.Levels", s.Levels.ToString(CultureInfo.InvariantCulture), "an even number of levels (p = 4, 6, 8, ...)", "Morris needs an even p so that Delta = p / (2 (p - 1)) keeps every step on the grid");
                if (de.TryGetProperty("Quantile", out var q))
                {
                    if (q.ValueKind != JsonValueKind.Number || q.GetDouble() <= 0 || q.GetDouble() > 1) Err("Design.Quantile", q.GetRawText(), "a number in (0, 1]", "out of range");
                    else s = s with { Quantile = q.GetDouble() };
                }
                if (de.TryGetProperty("Distance", out var dist))
                {
                    var t = dist.ValueKind == JsonValueKind.String ? dist.GetString()! : dist.GetRawText();
                    if (!Enum.TryParse<AbcDistance>(t, true, out var ad) || int.TryParse(t, out _)) Err("Design.Distance", t, "rmse or mape", "unknown distance");
                    else s = s with { Distance = ad };
                }
                if (dt == DesignType.Abc)
                {
                    targetFile = Str(de, "Target", file, errors, "Design.");
                    targetMetric = Str(de, "Metric", file, errors, "Design.") ?? "homicides";
                    if (targetFile is null) Err("Design.Target", "", "a CSV with columns year,value or week,value (relative to the experiment file)", "missing");
                    if (Core.Metrics.MetricCatalog.IndexOf(targetMetric) < 0)
                        Err("Design.Metric", targetMetric, "a weekly.csv column", "unknown metric" + Suggest.DidYouMean(targetMetric, Core.Metrics.WeeklyMetrics.Columns));
                    if (canonical is not null && de.TryGetProperty("TargetValues", out var tv))
                        target = new CalibrationTarget(targetFile!, targetMetric, tv.GetProperty("By").GetString() == "year",
                            tv.GetProperty("Keys").EnumerateArray().Select(x => x.GetInt32()).ToArray(),
                            tv.GetProperty("Values").EnumerateArray().Select(x => x.GetDouble()).ToArray());
                    else if (targetFile is not null && baseDir is not null)
                        target = ReadTarget(Path.Combine(baseDir, targetFile), targetFile, targetMetric, file, errors);
                }
                design = s;
            }
        }

        int replicates = 1;
        if (root.TryGetProperty("Replicates", out var rep))
        {
            if (rep.ValueKind != JsonValueKind.Number || !rep.TryGetInt32(out replicates) || replicates < 1 || replicates > 100_000)
            { Err("Replicates", rep.GetRawText(), "a whole number in [1, 100000]", "out of range"); replicates = 1; }
        }
        ulong seed = 1;
        if (root.TryGetProperty("Seed", out var sd))
        {
            if (sd.ValueKind != JsonValueKind.Number || !sd.TryGetUInt64(out seed)) { Err("Seed", sd.GetRawText(), "a whole number in [0, 18446744073709551615]", "not a seed"); seed = 1; }
        }

        // base scenario: resolve with the overrides (validates them) and fingerprint it
        string fingerprint = "";
        DateOnly start = default;
        int weeks = 0;
        string? scenarioPath = null;
        if (canonical is { } c)
        {
            fingerprint = c.GetProperty("BaseFingerprint").GetString()!;
            start = DateOnly.Parse(c.GetProperty("StartDate").GetString()!, CultureInfo.InvariantCulture);
            weeks = c.GetProperty("Weeks").GetInt32();
        }
        else if (scenario is not null && baseDir is not null)
        {
            scenarioPath = Path.GetFullPath(Path.Combine(baseDir, scenario));
            if (!File.Exists(scenarioPath)) { Err("Scenario", scenario, "a scenario file relative to the experiment file", "scenario file not found"); scenarioPath = null; }
            else
                try
                {
                    var sets = overrides.Select(kv => kv.Key + "=" + kv.Value).ToArray();
                    var loaded = ScenarioLoader.Load(scenarioPath, new Dictionary<string, string>(), sets, new CoreModelCatalog());
                    fingerprint = Fingerprint(loaded);
                    start = loaded.Parameters.StartDate;
                    weeks = loaded.Parameters.Weeks;
                    // every point must load: check the corners of the design (all lows, all highs)
                    if (errors.Count == 0 && parameters.Count > 0)
                        foreach (var u in new[] { 0.0, 1.0 })
                            try { ScenarioLoader.Load(scenarioPath, new Dictionary<string, string>(), sets.Concat(parameters.Select(p => p.Key + "=" + p.TextAt(u))).ToArray(), new CoreModelCatalog()); }
                            catch (ScenarioException se)
                            {
                                foreach (var x in se.Errors) Err("Parameters", x.Value, x.Allowed, $"the scenario refuses the design's {(u == 0 ? "lowest" : "highest")} values: {x.KeyPath}: {x.Message}");
                            }
                }
                catch (ScenarioException se)
                {
                    foreach (var x in se.Errors)
                        errors.Add(x.File == ScenarioLoader.SetLayer ? x with { File = file, KeyPath = "Overrides." + x.KeyPath } : x);
                }
        }
        if (parameters.Any(p => p.Key is "Weeks")) Err("Parameters", "Weeks", "any parameter but Weeks (set it in Overrides)", "outputs are defined on a fixed run length");

        // outputs
        var outputs = new List<OutputExpr>();
        if (weeks > 0)
        {
            if (root.TryGetProperty("Outputs", out var os) && os.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var o in os.EnumerateArray())
                {
                    string text = o.ValueKind == JsonValueKind.String ? o.GetString()! : o.GetRawText();
                    var ex = OutputExpr.TryParse(text, weeks, start, out var why);
                    if (ex is null) Err($"Outputs[{i}]", text, OutputExpr.Allowed, why!);
                    else if (outputs.Any(x => x.Text == ex.Text)) Err($"Outputs[{i}]", text, "each output once", "duplicate output");
                    else outputs.Add(ex);
                    i++;
                }
            }
            else if (root.TryGetProperty("Outputs", out var bad)) Err("Outputs", bad.GetRawText(), "an array of output expressions", "must be an array");
            if (target is not null)
                for (int k = 0; k < target.Keys.Count; k++)
                {
                    var ex = OutputExpr.TryParse(target.OutputFor(k), weeks, start, out var why);
                    if (ex is null) Err("Design.Target", target.File, "years (or weeks) inside the run", $"row {k + 1}: {why}");
                    else if (!outputs.Any(x => x.Text == ex.Text)) outputs.Add(ex);
                }
            if (outputs.Count == 0 && errors.Count == 0) Err("Outputs", "", OutputExpr.Allowed, "at least one output is needed");
        }
        if (errors.Count > 0 || design is null || scenario is null) return null;

        long points = DesignPlan.PointCount(design, parameters);
        if (points * replicates > MaxUnits) { Err("Design", points.ToString(CultureInfo.InvariantCulture) + " points x " + replicates + " replicates", $"at most {MaxUnits} runs", "design too large"); return null; }

        return new Experiment
        {
            Name = name, Description = description, Scenario = scenario, ScenarioPath = scenarioPath, Overrides = overrides,
            Parameters = parameters, Design = design, Replicates = replicates, Seed = seed, Outputs = outputs, Target = target,
            BaseFingerprint = fingerprint, StartDate = start, Weeks = weeks,
        }.Seal();
    }

    private static VariedParameter? ParseParameter(JsonElement item, string kp, string file, List<ScenarioError> errors)
    {
        void Err(string key, string value, string allowed, string message) => errors.Add(new ScenarioError(file, key, value, allowed, message));
        if (item.ValueKind != JsonValueKind.Object) { Err(kp, item.GetRawText(), "{ \"Key\": ..., \"Range\": [min, max] } or { \"Key\": ..., \"Values\": [...] }", "must be an object"); return null; }
        foreach (var prop in item.EnumerateObject())
            if (prop.Name is not ("Key" or "Range" or "Values" or "Note"))
                Err($"{kp}.{prop.Name}", "", "Key, Range, Values, Note", "unknown key");
        string? key = item.TryGetProperty("Key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        if (key is null) { Err(kp + ".Key", "", "a parameter key path such as Succession.SplitThreshold", "missing"); return null; }
        var d = ParameterCatalog.Find(key);
        if (d is null) { Err(kp + ".Key", key, "a parameter key path (see `decapsim show`)", "unknown parameter" + Suggest.DidYouMean(key, ParameterCatalog.All.Select(x => x.KeyPath))); return null; }
        bool numeric = d.Type == typeof(double) || d.Type == typeof(int);
        bool hasRange = item.TryGetProperty("Range", out var range), hasValues = item.TryGetProperty("Values", out var values);
        if (hasRange == hasValues) { Err(kp, d.KeyPath, "exactly one of Range or Values", "give a Range or a list of Values"); return null; }
        string bounds = $"[{ValueText.Format(d.Min)}, {ValueText.Format(d.Max)}]";
        if (hasRange)
        {
            if (!numeric) { Err(kp + ".Range", range.GetRawText(), "Values (a list) for a non-numeric parameter", $"{d.KeyPath} is {d.TypeName}"); return null; }
            if (range.ValueKind != JsonValueKind.Array || range.GetArrayLength() != 2 || range.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number))
            { Err(kp + ".Range", range.GetRawText(), "[min, max] (two numbers)", "bad range"); return null; }
            double lo = range[0].GetDouble(), hi = range[1].GetDouble();
            if (!(lo < hi)) { Err(kp + ".Range", range.GetRawText(), "min < max", "empty range"); return null; }
            if (lo < d.Min || hi > d.Max) { Err(kp + ".Range", range.GetRawText(), $"inside {bounds} ({d.KeyPath}: {d.AllowedText})", "range outside the parameter's allowed values"); return null; }
            if (d.Type == typeof(int) && (lo != Math.Floor(lo) || hi != Math.Floor(hi))) { Err(kp + ".Range", range.GetRawText(), "whole numbers", $"{d.KeyPath} is a whole number"); return null; }
            return new VariedParameter(d.KeyPath, lo, hi, null, d.Type == typeof(int));
        }
        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() < 1) { Err(kp + ".Values", values.GetRawText(), "a non-empty list", "bad values"); return null; }
        var texts = new List<string>();
        double mn = double.PositiveInfinity, mx = double.NegativeInfinity;
        int i = 0;
        foreach (var v in values.EnumerateArray())
        {
            string vk = $"{kp}.Values[{i++}]";
            string t = ScalarText(v);
            if (numeric)
            {
                if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)) { Err(vk, t, d.AllowedText, "not a number"); continue; }
                if (x < d.Min || x > d.Max) { Err(vk, t, $"inside {bounds} ({d.AllowedText})", "outside the parameter's allowed values"); continue; }
                if (d.Type == typeof(int) && x != Math.Floor(x)) { Err(vk, t, "a whole number", "not a whole number"); continue; }
                mn = Math.Min(mn, x); mx = Math.Max(mx, x);
                t = x.ToString("R", CultureInfo.InvariantCulture);
            }
            else if (d.Type.IsEnum)
            {
                if (!EnumText.TryParse(d.Type, t, out var ev)) { Err(vk, t, d.AllowedText, "unknown value"); continue; }
                t = EnumText.Kebab(ev!.ToString()!);
            }
            else { Err(vk, t, "numbers or enum values", $"{d.KeyPath} ({d.TypeName}) cannot be varied"); continue; }
            if (texts.Contains(t)) { Err(vk, t, "distinct values", "duplicate value"); continue; }
            texts.Add(t);
        }
        if (texts.Count == 0) return null;
        return new VariedParameter(d.KeyPath, numeric ? mn : 0, numeric ? mx : texts.Count - 1, texts, d.Type == typeof(int));
    }

    /// <summary>Reads a target series: a CSV with a header year,value or week,value; lines starting with # are comments.</summary>
    public static CalibrationTarget? ReadTarget(string path, string asWritten, string metric, string file, List<ScenarioError> errors)
    {
        void Err(string value, string message) => errors.Add(new ScenarioError(file, "Design.Target", value, "a CSV with a header year,value or week,value and one row per year/week", message));
        if (!File.Exists(path)) { Err(asWritten, "target file not found (paths are relative to the experiment file)"); return null; }
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count < 2) { Err(asWritten, "no data rows"); return null; }
        var head = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (head.Length < 2 || head[0] is not ("year" or "week") || head[1] != "value") { Err(lines[0], $"{asWritten}: header must be year,value or week,value"); return null; }
        var keys = new List<int>(); var vals = new List<double>();
        for (int i = 1; i < lines.Count; i++)
        {
            var f = lines[i].Split(',');
            if (f.Length < 2 || !int.TryParse(f[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int k)
                || !double.TryParse(f[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            { Err(lines[i], $"{asWritten}: row {i}: expected a whole number and a number"); return null; }
            if (keys.Contains(k)) { Err(lines[i], $"{asWritten}: row {i}: {head[0]} {k} appears twice"); return null; }
            keys.Add(k); vals.Add(v);
        }
        return new CalibrationTarget(asWritten, metric, head[0] == "year", keys, vals);
    }

    /// <summary>SHA-256 of the resolved parameters (key=value, catalog order) and the timeline.</summary>
    public static string Fingerprint(LoadedScenario s)
    {
        var sb = new StringBuilder();
        foreach (var d in ParameterCatalog.All) sb.Append(d.KeyPath).Append('=').Append(ValueText.Format(ParameterCatalog.GetValue(d, s.Parameters))).Append('\n');
        sb.Append("StartDate=").Append(s.Parameters.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var e in s.Parameters.Timeline) sb.Append("timeline ").Append(e.Week).Append(' ').Append(e).Append('\n');
        foreach (var kv in s.Provenance.Where(kv => ScenarioLoader.DataFileKeys.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            sb.Append(kv.Key).Append('=').Append(kv.Value.Value).Append('\n');
        return Experiment.Sha256(sb.ToString());
    }

    private static string? Str(JsonElement o, string key, string file, List<ScenarioError> errors, string prefix = "")
    {
        if (!o.TryGetProperty(key, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String) { errors.Add(new ScenarioError(file, prefix + key, v.GetRawText(), "a string", "must be a string")); return null; }
        return v.GetString();
    }

    private static string ScalarText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Number => v.TryGetInt64(out long l) ? l.ToString(CultureInfo.InvariantCulture) : v.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => v.GetRawText(),
    };
}
