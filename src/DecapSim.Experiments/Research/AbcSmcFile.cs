using System.Globalization;
using System.Text.Json;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Research;

/// <summary>
/// One target series of an ABC-SMC calibration: the series, the keys (years or weeks) it is fitted on (the others are
/// held out and only reported), and its weight in the combined distance.
/// </summary>
/// <param name="Series">The target series (year,value or week,value).</param>
/// <param name="FitFrom">First key fitted (inclusive), or null for the first row.</param>
/// <param name="FitTo">Last key fitted (inclusive), or null for the last row.</param>
/// <param name="Weight">Weight in the combined distance (> 0).</param>
public sealed record FitTarget(CalibrationTarget Series, int? FitFrom, int? FitTo, double Weight)
{
    /// <summary>True when the row with this key is fitted (false: held out, reported out of sample).</summary>
    public bool InFit(int key) => (FitFrom is null || key >= FitFrom) && (FitTo is null || key <= FitTo);
}

/// <summary>
/// The <c>abc-smc</c> part of experiment files: its design settings (<c>Particles</c>, <c>Budget</c>, <c>Quantile</c>,
/// <c>MinAcceptance</c>, <c>Distance</c>) and its <c>Targets</c>:
/// <code>
/// "Design": { "Type": "abc-smc", "Particles": 100, "Budget": 2000, "Quantile": 0.5, "MinAcceptance": 0.02, "Distance": "mape",
///             "Targets": [ { "File": "inegi.csv", "Metric": "homicides", "Fit": [2007, 2018], "Weight": 1 },
///                          { "File": "groups.csv", "Metric": "active_factions", "Weight": 0.5 } ] }
/// </code>
/// The combined distance is the weighted mean of the per-target distances over the fitted rows.
/// </summary>
public static class AbcSmcFile
{
    /// <summary>Design keys of an abc-smc design.</summary>
    public static readonly string[] DesignKeys = { "Type", "Particles", "Budget", "Quantile", "MinAcceptance", "Distance", "Targets" };

    private static readonly string[] TargetKeys = { "File", "Metric", "Fit", "Weight", "Note" };

    /// <summary>Default run budget.</summary>
    public const int DefaultBudget = 2000;

    /// <summary>Reads the abc-smc settings into <paramref name="s"/> and returns the targets (null when they cannot be read).</summary>
    public static IReadOnlyList<FitTarget>? Read(JsonElement de, string file, string? baseDir, bool canonical, ref DesignSettings s, List<ScenarioError> errors)
    {
        void Err(string key, string value, string allowed, string message) => errors.Add(new ScenarioError(file, key, value, allowed, message));
        int Int(string key, int def, int min, int max)
        {
            if (!Prop(de, key, out var v)) return def;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int x) || x < min || x > max)
            { Err("Design." + key, v.GetRawText(), $"a whole number in [{min}, {max}]", "out of range"); return def; }
            return x;
        }
        s = s with
        {
            Particles = Int("Particles", 100, 4, ExperimentFile.MaxUnits),
            Budget = Int("Budget", DefaultBudget, 4, ExperimentFile.MaxUnits),
            Quantile = Prop(de, "Quantile", out _) ? s.Quantile : 0.5,
            Distance = Prop(de, "Distance", out _) ? s.Distance : AbcDistance.Mape,
        };
        if (s.Quantile >= 1) Err("Design.Quantile", s.Quantile.ToString("R", CultureInfo.InvariantCulture), "a number in (0, 1)", "abc-smc keeps a share alpha < 1 of each generation");
        if (Prop(de, "MinAcceptance", out var ma))
        {
            if (ma.ValueKind != JsonValueKind.Number || ma.GetDouble() < 0 || ma.GetDouble() > 1) Err("Design.MinAcceptance", ma.GetRawText(), "a number in [0, 1]", "out of range");
            else s = s with { MinAcceptance = ma.GetDouble() };
        }
        if (!Prop(de, "Targets", out var ts) || ts.ValueKind != JsonValueKind.Array || ts.GetArrayLength() == 0)
        {
            Err("Design.Targets", ts.ValueKind == JsonValueKind.Undefined ? "" : ts.GetRawText(),
                "a non-empty array of { \"File\": \"x.csv\", \"Metric\": \"homicides\", \"Fit\": [from, to], \"Weight\": 1 }", "missing or empty");
            return null;
        }
        var targets = new List<FitTarget>();
        int i = 0;
        foreach (var t in ts.EnumerateArray())
        {
            string kp = $"Design.Targets[{i++}]";
            if (t.ValueKind != JsonValueKind.Object) { Err(kp, t.GetRawText(), "an object with File, Metric, Fit, Weight", "must be an object"); continue; }
            foreach (var prop in t.EnumerateObject())
                if (!TargetKeys.Contains(prop.Name, JsonInputPolicy.KeyComparer) && !(canonical && prop.Name == "TargetValues"))
                    Err($"{kp}.{prop.Name}", "", string.Join(", ", TargetKeys), "unknown key" + Suggest.DidYouMean(prop.Name, TargetKeys));
            string? f = Prop(t, "File", out var fe) && fe.ValueKind == JsonValueKind.String ? fe.GetString() : null;
            if (f is null) { Err(kp + ".File", "", "a CSV with columns year,value or week,value (relative to the experiment file)", "missing"); continue; }
            string metric = Prop(t, "Metric", out var me) && me.ValueKind == JsonValueKind.String ? me.GetString()! : "homicides";
            if (!Core.Metrics.WeeklyMetrics.Columns.Contains(metric))
            { Err(kp + ".Metric", metric, "a weekly.csv column", "unknown metric" + Suggest.DidYouMean(metric, Core.Metrics.WeeklyMetrics.Columns)); continue; }
            double weight = 1;
            if (Prop(t, "Weight", out var we))
            {
                if (we.ValueKind != JsonValueKind.Number || !(we.GetDouble() > 0) || !double.IsFinite(we.GetDouble()))
                { Err(kp + ".Weight", we.GetRawText(), "a number > 0", "out of range"); continue; }
                weight = we.GetDouble();
            }
            int? from = null, to = null;
            if (Prop(t, "Fit", out var fit))
            {
                if (fit.ValueKind != JsonValueKind.Array || fit.GetArrayLength() != 2 || fit.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number || !x.TryGetInt32(out _)))
                { Err(kp + ".Fit", fit.GetRawText(), "[from, to]: the first and last year (or week) fitted; the other rows are reported out of sample", "bad range"); continue; }
                from = fit[0].GetInt32(); to = fit[1].GetInt32();
                if (from > to) { Err(kp + ".Fit", fit.GetRawText(), "from <= to", "empty range"); continue; }
            }
            CalibrationTarget? series = null;
            var local = new List<ScenarioError>();
            if (canonical && Prop(t, "TargetValues", out var tv))
                series = new CalibrationTarget(f, metric, Get(tv, "By").GetString() == "year",
                    Get(tv, "Keys").EnumerateArray().Select(x => x.GetInt32()).ToArray(),
                    Get(tv, "Values").EnumerateArray().Select(x => x.GetDouble()).ToArray());
            else if (baseDir is not null)
                series = ExperimentFile.ReadTarget(Path.Combine(baseDir, f), f, metric, file, local);
            foreach (var x in local) errors.Add(x with { KeyPath = kp + ".File" });
            if (series is null) continue;
            var ft = new FitTarget(series, from, to, weight);
            if (!series.Keys.Any(ft.InFit)) { Err(kp + ".Fit", $"[{from}, {to}]", $"a range holding some of the file's rows ({series.Keys[0]}..{series.Keys[^1]})", "no row is fitted"); continue; }
            targets.Add(ft);
        }
        return targets;
    }

    /// <summary>The property <paramref name="key"/> of an object, its name matched as <see cref="JsonInputPolicy"/> says
    /// (without case).</summary>
    private static bool Prop(JsonElement o, string key, out JsonElement value)
    {
        foreach (var p in o.EnumerateObject())
            if (string.Equals(p.Name, key, JsonInputPolicy.KeyComparison)) { value = p.Value; return true; }
        value = default;
        return false;
    }

    private static JsonElement Get(JsonElement o, string key) =>
        Prop(o, key, out var v) ? v : throw new KeyNotFoundException(key);

    /// <summary>Checks the budget against the particles and replicates and sets the evaluation count.</summary>
    public static DesignSettings WithReplicates(DesignSettings s, int replicates, string file, List<ScenarioError> errors)
    {
        if ((long)s.Particles * replicates > s.Budget)
            errors.Add(new ScenarioError(file, "Design.Budget", s.Budget.ToString(CultureInfo.InvariantCulture),
                $"at least Particles x Replicates = {(long)s.Particles * replicates} runs", "the budget cannot pay for the first generation"));
        return s with { Evaluations = s.Budget / replicates };
    }

    /// <summary>Writes the abc-smc settings and targets into the canonical experiment JSON.</summary>
    public static void WriteCanonical(Utf8JsonWriter w, DesignSettings d, IReadOnlyList<FitTarget> targets)
    {
        w.WriteNumber("Particles", d.Particles);
        w.WriteNumber("Budget", d.Budget);
        w.WriteNumber("Quantile", d.Quantile);
        w.WriteNumber("MinAcceptance", d.MinAcceptance);
        w.WriteString("Distance", d.Distance.ToString().ToLowerInvariant());
        w.WriteStartArray("Targets");
        foreach (var t in targets)
        {
            w.WriteStartObject();
            w.WriteString("File", t.Series.File);
            w.WriteString("Metric", t.Series.Metric);
            if (t.FitFrom is not null || t.FitTo is not null)
            {
                w.WriteStartArray("Fit");
                w.WriteNumberValue(t.FitFrom ?? t.Series.Keys.Min()); w.WriteNumberValue(t.FitTo ?? t.Series.Keys.Max());
                w.WriteEndArray();
            }
            w.WriteNumber("Weight", t.Weight);
            w.WriteStartObject("TargetValues");
            w.WriteString("By", t.Series.ByYear ? "year" : "week");
            w.WriteStartArray("Keys"); foreach (var k in t.Series.Keys) w.WriteNumberValue(k); w.WriteEndArray();
            w.WriteStartArray("Values"); foreach (var v in t.Series.Values) w.WriteNumberValue(v); w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The combined distance of one candidate: the weighted mean over targets of the distance on the fitted rows.
    /// <paramref name="sim"/>[k][i] is the simulated value of row i of target k.</summary>
    public static double Distance(IReadOnlyList<FitTarget> targets, IReadOnlyList<double[]> sim, AbcDistance kind)
    {
        double s = 0, ws = 0;
        for (int k = 0; k < targets.Count; k++)
        {
            var t = targets[k];
            var rows = Enumerable.Range(0, t.Series.Keys.Count).Where(i => t.InFit(t.Series.Keys[i])).ToArray();
            double dk = Analyses.Distance(rows.Select(i => sim[k][i]).ToArray(), rows.Select(i => t.Series.Values[i]).ToArray(), kind);
            if (!double.IsFinite(dk)) return double.PositiveInfinity;
            s += t.Weight * dk; ws += t.Weight;
        }
        return ws > 0 ? s / ws : double.PositiveInfinity;
    }
}
