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
    private static readonly string[] ParameterKeys = { "Key", "Range", "Values", "Note" };
    private static readonly Dictionary<DesignType, string[]> DesignKeys = new()
    {
        [DesignType.Factorial] = new[] { "Type", "Levels" },
        [DesignType.Lhs] = new[] { "Type", "Samples", "Bins" },
        [DesignType.Morris] = new[] { "Type", "Trajectories", "Levels" },
        [DesignType.Saltelli] = new[] { "Type", "N", "Bootstrap" },
        [DesignType.Abc] = new[] { "Type", "Draws", "Quantile", "Distance", "Target", "Metric" },
        [DesignType.AbcSmc] = AbcSmcFile.DesignKeys,
    };

    /// <summary>Most units (design points x replicates) an experiment may have.</summary>
    public const int MaxUnits = 1_000_000;

    /// <summary>Loads and validates an experiment file (loads its base scenario with the overrides). The file follows
    /// the JSON policy of scenario files (<see cref="JsonInputPolicy"/>).</summary>
    public static Experiment Load(string path)
    {
        var errors = new List<ScenarioError>();
        string display = path;
        if (!File.Exists(path)) throw new ScenarioException(new ScenarioError(display, "", "", "an existing experiment file", "file not found"));
        var input = JsonInputPolicy.Read(Path.GetFullPath(path), display, errors);
        if (input is null) throw new ScenarioException(errors);
        ExperimentDocument doc;
        try { doc = input.Deserialize<ExperimentDocument>(); }
        catch (JsonException x) { throw new ScenarioException(new ScenarioError(display, "", "", "an experiment object", "cannot read the experiment: " + x.Message)); }
        var e = new Validation(doc, display, Path.GetDirectoryName(Path.GetFullPath(path))!, null, errors).Run(Path.GetFileNameWithoutExtension(path));
        if (errors.Count > 0 || e is null) throw new ScenarioException(WithPositions(errors, input));
        return e;
    }

    /// <summary>Validates an experiment given as JSON text (e.g. built by `decapsim sweep`) whose paths are relative to
    /// <paramref name="baseDir"/>; errors name <paramref name="display"/> as the file.</summary>
    public static Experiment Parse(string json, string display, string baseDir, string stem)
    {
        var errors = new List<ScenarioError>();
        var doc = JsonSerializer.Deserialize<ExperimentDocument>(json, JsonInputPolicy.SerializerOptions)!;
        var e = new Validation(doc, display, Path.GetFullPath(baseDir), null, errors).Run(stem);
        if (errors.Count > 0 || e is null) throw new ScenarioException(errors);
        return e;
    }

    /// <summary>Rebuilds an experiment from its canonical JSON (a shard manifest); it can be analysed but not run.</summary>
    public static Experiment FromCanonical(string json, string display)
    {
        var errors = new List<ScenarioError>();
        var doc = JsonSerializer.Deserialize<CanonicalExperimentDocument>(json, JsonInputPolicy.SerializerOptions)!;
        var e = new Validation(doc, display, null, doc, errors).Run("experiment");
        if (errors.Count > 0 || e is null) throw new ScenarioException(errors);
        return e;
    }

    /// <summary>Adds the line and column of the key each error of the file names.</summary>
    private static List<ScenarioError> WithPositions(List<ScenarioError> errors, JsonInput input) =>
        errors.Select(x => x.File == input.File && x.Line is null && x.KeyPath.Length > 0 && input.Position(x.KeyPath) is { } p
            ? x with { Line = p.Line, Column = p.Column } : x).ToList();

    /// <summary>Checks a deserialized experiment file and builds the <see cref="Experiment"/>; every problem becomes an
    /// error naming the file, key path, value and what is allowed.</summary>
    private sealed class Validation(ExperimentDocument doc, string file, string? baseDir, CanonicalExperimentDocument? canonical, List<ScenarioError> errors)
    {
        private void Err(string key, string value, string allowed, string message) => errors.Add(new ScenarioError(file, key, value, allowed, message));

        private static bool Is(string a, string b) => string.Equals(a, b, JsonInputPolicy.KeyComparison);

        private string? Str(JsonField<string> f, string key)
        {
            if (!f.Present) return null;
            if (!f.Valid) { Err(key, f.Raw, "a string", "must be a string"); return null; }
            return f.Value;
        }

        public Experiment? Run(string stem)
        {
            if (canonical is null)
                foreach (var k in doc.Unknown?.Keys ?? Enumerable.Empty<string>())
                    Err(k, "", string.Join(", ", TopKeys), "unknown key" + Suggest.DidYouMean(k, TopKeys));

            string name = Str(doc.Name, "Name") ?? stem;
            string description = Str(doc.Description, "Description") ?? "";
            string? scenario = Str(doc.Scenario, "Scenario");
            if (scenario is null) Err("Scenario", "", "a path to a scenario file, relative to the experiment file", "missing");

            var overrides = Overrides();
            var parameters = Parameters();
            var (design, target, fitTargets) = Design();
            int replicates = Replicates();
            ulong seed = Seed();

            // base scenario: resolve with the overrides (validates them) and fingerprint it
            string fingerprint = "";
            DateOnly start = default;
            int weeks = 0;
            string? scenarioPath = null;
            if (canonical is { } c)
            {
                fingerprint = c.BaseFingerprint;
                start = DateOnly.Parse(c.StartDate, CultureInfo.InvariantCulture);
                weeks = c.Weeks;
            }
            else if (scenario is not null && baseDir is not null)
                (scenarioPath, fingerprint, start, weeks) = LoadScenario(scenario, overrides, parameters);
            if (parameters.Any(p => p.Key is "Weeks")) Err("Parameters", "Weeks", "any parameter but Weeks (set it in Overrides)", "outputs are defined on a fixed run length");

            var outputs = weeks > 0 ? Outputs(weeks, start, target, fitTargets) : new List<OutputExpr>();
            if (design is { Type: DesignType.AbcSmc }) design = AbcSmcFile.WithReplicates(design, replicates, file, errors);
            if (errors.Count > 0 || design is null || scenario is null) return null;

            long points = DesignPlan.PointCount(design, parameters);
            if (points * replicates > MaxUnits) { Err("Design", points.ToString(CultureInfo.InvariantCulture) + " points x " + replicates + " replicates", $"at most {MaxUnits} runs", "design too large"); return null; }

            return new Experiment
            {
                Name = name, Description = description, Scenario = scenario, ScenarioPath = scenarioPath, Overrides = overrides,
                Parameters = parameters, Design = design, Replicates = replicates, Seed = seed, Outputs = outputs, Target = target, Targets = fitTargets,
                BaseFingerprint = fingerprint, StartDate = start, Weeks = weeks,
            }.Seal();
        }

        private List<KeyValuePair<string, string>> Overrides()
        {
            var overrides = new List<KeyValuePair<string, string>>();
            if (!doc.Overrides.Present) return overrides;
            if (!doc.Overrides.Valid) { Err("Overrides", doc.Overrides.Raw, "an object of \"Section.Key\": value", "must be an object"); return overrides; }
            foreach (var (key, value) in doc.Overrides.Value!)
            {
                string kp = "Overrides." + key;
                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
                { Err(kp, value.GetRawText(), "a number or a string", "must be a single value"); continue; }
                if (ParameterCatalog.Find(key) is not { } d)
                { Err(kp, key, "a parameter key path (see `decapsim show`)", "unknown parameter" + Suggest.DidYouMean(key, ParameterCatalog.All.Select(x => x.KeyPath))); continue; }
                overrides.Add(new(d.KeyPath, ScalarText(value)));
            }
            return overrides;
        }

        private List<VariedParameter> Parameters()
        {
            var parameters = new List<VariedParameter>();
            var ps = doc.Parameters;
            if (!ps.Valid || ps.Value!.Count == 0)
            {
                Err("Parameters", ps.Raw, "a non-empty array of { \"Key\": ..., \"Range\": [min, max] } or { \"Key\": ..., \"Values\": [...] }", "missing or empty");
                return parameters;
            }
            for (int i = 0; i < ps.Value.Count; i++)
            {
                var vp = Parameter(ps.Value[i], $"Parameters[{i}]");
                if (vp is null) continue;
                if (parameters.Any(q => q.Key == vp.Key)) Err($"Parameters[{i}].Key", vp.Key, "each parameter once", "duplicate parameter");
                else parameters.Add(vp);
            }
            return parameters;
        }

        private VariedParameter? Parameter(JsonField<ParameterDocument> field, string kp)
        {
            if (!field.Valid) { Err(kp, field.Raw, "{ \"Key\": ..., \"Range\": [min, max] } or { \"Key\": ..., \"Values\": [...] }", "must be an object"); return null; }
            var item = field.Value!;
            foreach (var k in item.Unknown?.Keys ?? Enumerable.Empty<string>())
                Err($"{kp}.{k}", "", string.Join(", ", ParameterKeys), "unknown key");
            string? key = item.Key.Valid ? item.Key.Value : null;
            if (key is null) { Err(kp + ".Key", "", "a parameter key path such as Succession.SplitThreshold", "missing"); return null; }
            var d = ParameterCatalog.Find(key);
            if (d is null) { Err(kp + ".Key", key, "a parameter key path (see `decapsim show`)", "unknown parameter" + Suggest.DidYouMean(key, ParameterCatalog.All.Select(x => x.KeyPath))); return null; }
            bool numeric = d.Type == typeof(double) || d.Type == typeof(int);
            if (item.Range.Present == item.Values.Present) { Err(kp, d.KeyPath, "exactly one of Range or Values", "give a Range or a list of Values"); return null; }
            string bounds = $"[{ValueText.Format(d.Min)}, {ValueText.Format(d.Max)}]";
            if (item.Range.Present)
            {
                var range = item.Range;
                if (!numeric) { Err(kp + ".Range", range.Raw, "Values (a list) for a non-numeric parameter", $"{d.KeyPath} is {d.TypeName}"); return null; }
                if (!range.Valid || range.Value!.Count != 2 || range.Value.Any(x => x.ValueKind != JsonValueKind.Number))
                { Err(kp + ".Range", range.Raw, "[min, max] (two numbers)", "bad range"); return null; }
                double lo = range.Value[0].GetDouble(), hi = range.Value[1].GetDouble();
                if (!(lo < hi)) { Err(kp + ".Range", range.Raw, "min < max", "empty range"); return null; }
                if (lo < d.Min || hi > d.Max) { Err(kp + ".Range", range.Raw, $"inside {bounds} ({d.KeyPath}: {d.AllowedText})", "range outside the parameter's allowed values"); return null; }
                if (d.Type == typeof(int) && (lo != Math.Floor(lo) || hi != Math.Floor(hi))) { Err(kp + ".Range", range.Raw, "whole numbers", $"{d.KeyPath} is a whole number"); return null; }
                return new VariedParameter(d.KeyPath, lo, hi, null, d.Type == typeof(int));
            }
            var values = item.Values;
            if (!values.Valid || values.Value!.Count < 1) { Err(kp + ".Values", values.Raw, "a non-empty list", "bad values"); return null; }
            var texts = new List<string>();
            double mn = double.PositiveInfinity, mx = double.NegativeInfinity;
            for (int i = 0; i < values.Value.Count; i++)
            {
                string vk = $"{kp}.Values[{i}]";
                string t = ScalarText(values.Value[i]);
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

        private (DesignSettings? Design, CalibrationTarget? Target, IReadOnlyList<FitTarget> FitTargets) Design()
        {
            IReadOnlyList<FitTarget> fitTargets = Array.Empty<FitTarget>();
            if (!doc.Design.Valid) { Err("Design", "", "an object with Type factorial, lhs, morris, saltelli or abc", "missing"); return (null, null, fitTargets); }
            var de = doc.Design.Value!;
            string? type = Str(de.Type, "Design.Type");
            if (type is null || !Enum.TryParse(type.Replace("-", ""), true, out DesignType dt) || int.TryParse(type, out _))
            {
                Err("Design.Type", type ?? "", "factorial, lhs, morris, saltelli, abc or abc-smc", "unknown design type");
                return (null, null, fitTargets);
            }
            var allowed = DesignKeys[dt];
            foreach (var k in de.GivenKeys())
                if (!allowed.Contains(k, JsonInputPolicy.KeyComparer) && !(canonical is not null && k == "TargetValues"))
                    Err("Design." + k, "", string.Join(", ", allowed), $"not a setting of a {type} design" + Suggest.DidYouMean(k, allowed));
            int Int(JsonField<int> f, string key, int def, int min, int max)
            {
                if (!f.Present) return def;
                if (!f.Valid || f.Value < min || f.Value > max) { Err("Design." + key, f.Raw, $"a whole number in [{min}, {max}]", "out of range"); return def; }
                return f.Value;
            }
            var s = new DesignSettings
            {
                Type = dt,
                Levels = Int(de.Levels, "Levels", dt == DesignType.Morris ? 4 : 3, 2, 100),
                Samples = Int(de.Samples, "Samples", 20, 2, MaxUnits),
                Trajectories = Int(de.Trajectories, "Trajectories", 10, 2, MaxUnits),
                N = Int(de.N, "N", 64, 2, MaxUnits),
                Bootstrap = Int(de.Bootstrap, "Bootstrap", 200, 10, 100_000),
                Bins = Int(de.Bins, "Bins", 4, 1, 1000),
                Draws = Int(de.Draws, "Draws", 100, 1, MaxUnits),
            };
            if (dt == DesignType.Morris && s.Levels % 2 != 0) Err("Design.Levels", s.Levels.ToString(CultureInfo.InvariantCulture), "an even number of levels (p = 4, 6, 8, ...)", "Morris needs an even p so that Delta = p / (2 (p - 1)) keeps every step on the grid");
            if (de.Quantile.Present)
            {
                if (!de.Quantile.Valid || de.Quantile.Value <= 0 || de.Quantile.Value > 1) Err("Design.Quantile", de.Quantile.Raw, "a number in (0, 1]", "out of range");
                else s = s with { Quantile = de.Quantile.Value };
            }
            if (de.Distance is { } dist)
            {
                var t = dist.ValueKind == JsonValueKind.String ? dist.GetString()! : dist.GetRawText();
                if (!Enum.TryParse<AbcDistance>(t, true, out var ad) || int.TryParse(t, out _)) Err("Design.Distance", t, "rmse or mape", "unknown distance");
                else s = s with { Distance = ad };
            }
            CalibrationTarget? target = null;
            if (dt == DesignType.Abc)
            {
                var targetFile = Str(de.Target, "Design.Target");
                var targetMetric = Str(de.Metric, "Design.Metric") ?? "homicides";
                if (targetFile is null) Err("Design.Target", "", "a CSV with columns year,value or week,value (relative to the experiment file)", "missing");
                if (Core.Metrics.MetricCatalog.IndexOf(targetMetric) < 0)
                    Err("Design.Metric", targetMetric, "a weekly.csv column", "unknown metric" + Suggest.DidYouMean(targetMetric, Core.Metrics.WeeklyMetrics.Columns));
                if (canonical is not null && de.TargetValues is { } tv)
                    target = new CalibrationTarget(targetFile!, targetMetric, tv.By == "year", tv.Keys, tv.Values);
                else if (targetFile is not null && baseDir is not null)
                    target = ReadTarget(Path.Combine(baseDir, targetFile), targetFile, targetMetric, file, errors);
            }
            if (dt == DesignType.AbcSmc)
            {
                // the abc-smc settings and targets are read by AbcSmcFile from the design object itself
                using var design = JsonDocument.Parse(doc.Design.Raw, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                fitTargets = AbcSmcFile.Read(design.RootElement, file, baseDir, canonical is not null, ref s, errors) ?? fitTargets;
            }
            return (s, target, fitTargets);
        }

        private int Replicates()
        {
            var r = doc.Replicates;
            if (!r.Present) return 1;
            if (!r.Valid || r.Value < 1 || r.Value > 100_000) { Err("Replicates", r.Raw, "a whole number in [1, 100000]", "out of range"); return 1; }
            return r.Value;
        }

        private ulong Seed()
        {
            var s = doc.Seed;
            if (!s.Present) return 1;
            if (!s.Valid) { Err("Seed", s.Raw, "a whole number in [0, 18446744073709551615]", "not a seed"); return 1; }
            return s.Value;
        }

        /// <summary>Loads the base scenario with the overrides, and with the design's lowest and highest values.</summary>
        private (string? Path, string Fingerprint, DateOnly Start, int Weeks) LoadScenario(string scenario, List<KeyValuePair<string, string>> overrides, List<VariedParameter> parameters)
        {
            var scenarioPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDir!, scenario));
            if (!File.Exists(scenarioPath)) { Err("Scenario", scenario, "a scenario file relative to the experiment file", "scenario file not found"); return (null, "", default, 0); }
            try
            {
                var sets = overrides.Select(kv => kv.Key + "=" + kv.Value).ToArray();
                var loaded = ScenarioLoader.Load(scenarioPath, new Dictionary<string, string>(), sets, new CoreModelCatalog());
                // every point must load: check the corners of the design (all lows, all highs)
                if (errors.Count == 0 && parameters.Count > 0)
                    foreach (var u in new[] { 0.0, 1.0 })
                        try { ScenarioLoader.Load(scenarioPath, new Dictionary<string, string>(), sets.Concat(parameters.Select(p => p.Key + "=" + p.TextAt(u))).ToArray(), new CoreModelCatalog()); }
                        catch (ScenarioException se)
                        {
                            foreach (var x in se.Errors) Err("Parameters", x.Value, x.Allowed, $"the scenario refuses the design's {(u == 0 ? "lowest" : "highest")} values: {x.KeyPath}: {x.Message}");
                        }
                return (scenarioPath, Fingerprint(loaded), loaded.Parameters.StartDate, loaded.Parameters.Weeks);
            }
            catch (ScenarioException se)
            {
                foreach (var x in se.Errors)
                    errors.Add(x.File == ScenarioLoader.SetLayer ? x with { File = file, KeyPath = "Overrides." + x.KeyPath } : x);
                return (scenarioPath, "", default, 0);
            }
        }

        private List<OutputExpr> Outputs(int weeks, DateOnly start, CalibrationTarget? target, IReadOnlyList<FitTarget> fitTargets)
        {
            var outputs = new List<OutputExpr>();
            if (doc.Outputs.Valid)
            {
                var os = doc.Outputs.Value!;
                for (int i = 0; i < os.Count; i++)
                {
                    string text = os[i].ValueKind == JsonValueKind.String ? os[i].GetString()! : os[i].GetRawText();
                    var ex = OutputExpr.TryParse(text, weeks, start, out var why);
                    if (ex is null) Err($"Outputs[{i}]", text, OutputExpr.Allowed, why!);
                    else if (outputs.Any(x => x.Text == ex.Text)) Err($"Outputs[{i}]", text, "each output once", "duplicate output");
                    else outputs.Add(ex);
                }
            }
            else if (doc.Outputs.Present) Err("Outputs", doc.Outputs.Raw, "an array of output expressions", "must be an array");
            if (target is not null)
                for (int k = 0; k < target.Keys.Count; k++)
                {
                    var ex = OutputExpr.TryParse(target.OutputFor(k), weeks, start, out var why);
                    if (ex is null) Err("Design.Target", target.File, "years (or weeks) inside the run", $"row {k + 1}: {why}");
                    else if (!outputs.Any(x => x.Text == ex.Text)) outputs.Add(ex);
                }
            foreach (var ft in fitTargets)
                for (int k = 0; k < ft.Series.Keys.Count; k++)
                {
                    var ex = OutputExpr.TryParse(ft.Series.OutputFor(k), weeks, start, out var why);
                    if (ex is null) Err("Design.Targets", ft.Series.File, "years (or weeks) inside the run", $"row {k + 1}: {why}");
                    else if (!outputs.Any(x => x.Text == ex.Text)) outputs.Add(ex);
                }
            if (outputs.Count == 0 && errors.Count == 0) Err("Outputs", "", OutputExpr.Allowed, "at least one output is needed");
            return outputs;
        }
    }

    /// <summary>Reads a target series: a CSV with a header year,value or week,value; lines starting with # are comments
    /// (<see cref="TargetSeriesReader"/>).</summary>
    public static CalibrationTarget? ReadTarget(string path, string asWritten, string metric, string file, List<ScenarioError> errors) =>
        TargetSeriesReader.Read(path, asWritten, metric, file, errors);

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

    private static string ScalarText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Number => v.TryGetInt64(out long l) ? l.ToString(CultureInfo.InvariantCulture) : v.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => v.GetRawText(),
    };
}
