using System.Globalization;
using System.Text;
using System.Text.Json;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Research;

/// <summary>One <c>--vary</c> of a sweep: a parameter and the values it takes, as scenario text.</summary>
/// <param name="Text">The argument as given (for error messages).</param>
public sealed record SweepAxis(string Key, IReadOnlyList<string> Values, bool Numeric, string Text);

/// <summary>What `decapsim sweep` was asked for.</summary>
/// <param name="ScenarioPath">The scenario file (resolved).</param>
/// <param name="OutDir">The sweep's folder (the generated experiment's paths are relative to it).</param>
/// <param name="Weeks">Run length (the scenario's own when not overridden).</param>
/// <param name="WeeksOverride">True when <c>--weeks</c> was given (it becomes an override of the experiment).</param>
/// <param name="Outputs">Output expressions; empty for <see cref="Sweep.DefaultOutputs"/>.</param>
/// <param name="Sets">Fixed <c>--set Key=value</c> overrides.</param>
public sealed record SweepRequest(string ScenarioPath, string ScenarioName, string OutDir, IReadOnlyList<SweepAxis> Axes, int Replicates,
    int Weeks, bool WeeksOverride, ulong Seed, IReadOnlyList<string> Outputs, IReadOnlyList<string> Sets);

/// <summary>
/// `decapsim sweep`: a full-factorial sweep from the command line, turned into an ordinary experiment (factorial
/// design, one values list per varied key) so it runs through the experiment machinery: stored units, resume,
/// shards and merge, common random numbers, and the experiment's tables and charts.
/// </summary>
public static class Sweep
{
    /// <summary>The generated experiment file in the sweep's folder (`decapsim experiment run DIR/sweep.json` resumes it).</summary>
    public const string FileName = "sweep.json";

    /// <summary>Most values one <c>lo:hi:n</c> may make.</summary>
    public const int MaxLevels = 1000;

    /// <summary>What <c>--vary</c> accepts (for error messages).</summary>
    public const string VaryAllowed = "Key=lo:hi:n (n evenly spaced values, n >= 2) or Key=v1,v2,... (a list), Key a parameter key path";

    /// <summary>The default outputs at the last week <paramref name="weeks"/>.</summary>
    public static string[] DefaultOutputs(int weeks) =>
        new[] { "cumulative_homicides", "active_factions", "members", "cumulative_revenue_usd" }.Select(m => $"{m}@{weeks}").ToArray();

    /// <summary>Parses one <c>--vary</c>; returns null and adds to <paramref name="errors"/> when it is wrong.</summary>
    public static SweepAxis? ParseVary(string text, List<ScenarioError> errors)
    {
        void Err(string value, string allowed, string message) => errors.Add(new ScenarioError("decapsim sweep", "--vary " + text, value, allowed, message));
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1) { Err(text, VaryAllowed, "expected Key=lo:hi:n or Key=v1,v2,..."); return null; }
        string key = text[..eq].Trim(), spec = text[(eq + 1)..].Trim();
        var d = ParameterCatalog.Find(key);
        if (d is null) { Err(key, "a parameter key path (see `decapsim show`)", "unknown parameter" + Suggest.DidYouMean(key, ParameterCatalog.All.Select(x => x.KeyPath))); return null; }
        bool numeric = d.Type == typeof(double) || d.Type == typeof(int);
        bool isInt = d.Type == typeof(int);
        var values = new List<string>();
        var parts = spec.Split(':');
        if (parts.Length == 3)
        {
            if (!numeric) { Err(spec, "a list v1,v2,... for a non-numeric parameter", $"{d.KeyPath} is {d.TypeName}"); return null; }
            if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double lo) ||
                !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double hi) ||
                !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            { Err(spec, "lo:hi:n with numbers lo < hi and a whole number n", "not lo:hi:n"); return null; }
            if (!(lo < hi)) { Err(spec, "lo < hi", "empty range"); return null; }
            if (n < 2 || n > MaxLevels) { Err(parts[2], $"n in 2..{MaxLevels}", "number of values out of range"); return null; }
            if (lo < d.Min || hi > d.Max) { Err(spec, $"inside [{ValueText.Format(d.Min)}, {ValueText.Format(d.Max)}] ({d.AllowedText})", "range outside the parameter's allowed values"); return null; }
            for (int k = 0; k < n; k++)
            {
                double x = k == n - 1 ? hi : lo + k * (hi - lo) / (n - 1);
                x = isInt ? Math.Round(x, MidpointRounding.AwayFromZero) : Clean(x);
                string t = x.ToString("R", CultureInfo.InvariantCulture);
                if (values.Contains(t)) { Err(spec, $"at most {hi - lo + 1} values for the whole number {d.KeyPath}", "values repeat after rounding to whole numbers"); return null; }
                values.Add(t);
            }
        }
        else
        {
            foreach (var raw in spec.Split(','))
            {
                string v = raw.Trim();
                if (v.Length == 0) { Err(spec, VaryAllowed, "empty value in the list"); return null; }
                if (numeric)
                {
                    if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)) { Err(v, d.AllowedText, "not a number"); return null; }
                    if (x < d.Min || x > d.Max) { Err(v, d.AllowedText, "outside the parameter's allowed values"); return null; }
                    if (isInt && x != Math.Floor(x)) { Err(v, "a whole number", $"{d.KeyPath} is a whole number"); return null; }
                    v = x.ToString("R", CultureInfo.InvariantCulture);
                }
                if (values.Contains(v)) { Err(v, "distinct values", "duplicate value"); return null; }
                values.Add(v);
            }
        }
        return new SweepAxis(d.KeyPath, values, numeric, text);
    }

    /// <summary>Rounds away binary noise from lo + k (hi - lo) / (n - 1) (12 significant digits): 0.1:0.3:3 gives 0.2, not 0.20000000000000001.</summary>
    private static double Clean(double x) => x == 0 ? 0 : double.Parse(x.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The experiment file (JSON) of a sweep.</summary>
    public static string ExperimentJson(SweepRequest r)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("Name", "sweep-" + r.ScenarioName);
            w.WriteString("Description", $"decapsim sweep {r.ScenarioName}: " + string.Join(" x ", r.Axes.Select(a => $"{a.Key} ({a.Values.Count})")));
            w.WriteString("Scenario", Path.GetRelativePath(Path.GetFullPath(r.OutDir), Path.GetFullPath(r.ScenarioPath)).Replace('\\', '/'));
            w.WriteStartObject("Overrides");
            if (r.WeeksOverride) w.WriteNumber("Weeks", r.Weeks);
            foreach (var s in r.Sets)
            {
                int eq = s.IndexOf('=');
                if (eq > 0) w.WriteString(s[..eq].Trim(), s[(eq + 1)..].Trim());
            }
            w.WriteEndObject();
            w.WriteStartArray("Parameters");
            foreach (var a in r.Axes)
            {
                w.WriteStartObject();
                w.WriteString("Key", a.Key);
                w.WriteStartArray("Values");
                foreach (var v in a.Values)
                    if (a.Numeric) w.WriteRawValue(v); else w.WriteStringValue(v);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("Design");
            w.WriteString("Type", "factorial");
            w.WriteEndObject();
            w.WriteNumber("Replicates", r.Replicates);
            w.WriteStartArray("Outputs");
            foreach (var o in r.Outputs.Count > 0 ? r.Outputs : DefaultOutputs(r.Weeks)) w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteNumber("Seed", r.Seed);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Builds and validates the sweep's experiment; problems are reported against the command-line options
    /// (<c>--vary</c>, <c>--output</c>, <c>--set</c>, <c>--weeks</c>) as a <see cref="ScenarioException"/>.</summary>
    public static Experiment Build(SweepRequest r, out string json)
    {
        json = ExperimentJson(r);
        try { return ExperimentFile.Parse(json, "decapsim sweep", r.OutDir, "sweep-" + r.ScenarioName); }
        catch (ScenarioException e)
        {
            var outputs = r.Outputs.Count > 0 ? r.Outputs : DefaultOutputs(r.Weeks);
            throw new ScenarioException(e.Errors.Select(x => Relabel(x, r, outputs)).ToList());
        }
    }

    private static ScenarioError Relabel(ScenarioError x, SweepRequest r, IReadOnlyList<string> outputs)
    {
        var m = System.Text.RegularExpressions.Regex.Match(x.KeyPath, @"^(Parameters|Outputs)\[(\d+)\]");
        if (m.Success)
        {
            int i = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            string label = m.Groups[1].Value == "Parameters" && i < r.Axes.Count ? "--vary " + r.Axes[i].Text
                : i < outputs.Count ? "--output " + outputs[i] : x.KeyPath;
            return x with { KeyPath = label };
        }
        if (x.KeyPath == "Overrides.Weeks") return x with { KeyPath = "--weeks" };
        if (x.KeyPath.StartsWith("Overrides.", StringComparison.Ordinal)) return x with { KeyPath = "--set " + x.KeyPath["Overrides.".Length..] };
        return x;
    }
}
