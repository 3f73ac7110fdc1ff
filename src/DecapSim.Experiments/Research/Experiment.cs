using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Research;

/// <summary>Kinds of experimental design.</summary>
public enum DesignType { Factorial, Lhs, Morris, Saltelli, Abc, AbcSmc }

/// <summary>Distance of a calibration (simulated vs target series).</summary>
public enum AbcDistance { Rmse, Mape }

/// <summary>A parameter the design varies: a numeric range [Min, Max] or an explicit list of values.</summary>
/// <param name="Key">Catalog key path, e.g. "Succession.SplitThreshold".</param>
/// <param name="Min">Lower end of the range (or of the numeric values).</param>
/// <param name="Max">Upper end of the range.</param>
/// <param name="Values">Explicit values (scenario-file text), or null for a range.</param>
/// <param name="IsInteger">The parameter is a whole number (range values are rounded).</param>
public sealed record VariedParameter(string Key, double Min, double Max, IReadOnlyList<string>? Values, bool IsInteger)
{
    /// <summary>The parameter value (as scenario text) at unit coordinate <paramref name="u"/> in [0, 1].</summary>
    public string TextAt(double u)
    {
        if (Values is { } vs) return vs[Math.Min(vs.Count - 1, (int)Math.Floor(u * vs.Count))];
        double x = Min + u * (Max - Min);
        if (IsInteger) x = Math.Round(x, MidpointRounding.AwayFromZero);
        if (x > Max) x = Max;
        if (x < Min) x = Min;
        return x.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A number for analyses: the value itself, or the index in <see cref="Values"/> for non-numeric values.</summary>
    public double NumberAt(double u)
    {
        var t = TextAt(u);
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
        return Values!.ToList().IndexOf(t);
    }
}

/// <summary>Settings of the design (only those of its <see cref="Type"/> matter).</summary>
public sealed record DesignSettings
{
    public DesignType Type { get; init; }
    /// <summary>Factorial: levels per range parameter (a values list uses its own count); Morris: grid levels p (even).</summary>
    public int Levels { get; init; } = 3;
    /// <summary>LHS: number of points.</summary>
    public int Samples { get; init; } = 20;
    /// <summary>Morris: number of trajectories r.</summary>
    public int Trajectories { get; init; } = 10;
    /// <summary>Saltelli: base sample size N (runs = N (d + 2)).</summary>
    public int N { get; init; } = 64;
    /// <summary>Saltelli: bootstrap resamples for the confidence intervals.</summary>
    public int Bootstrap { get; init; } = 200;
    /// <summary>Factorial/LHS: bins per parameter of partial_dependence.csv (factorial uses its levels).</summary>
    public int Bins { get; init; } = 4;
    /// <summary>ABC: prior draws.</summary>
    public int Draws { get; init; } = 100;
    /// <summary>ABC: accepted fraction of draws (the best by distance).</summary>
    public double Quantile { get; init; } = 0.1;
    /// <summary>ABC: distance between simulated and target series.</summary>
    public AbcDistance Distance { get; init; } = AbcDistance.Rmse;
    /// <summary>ABC-SMC: particles N of the first generation (the population keeps round(Quantile x N)).</summary>
    public int Particles { get; init; } = 100;
    /// <summary>ABC-SMC: most runs in all (candidates x replicates).</summary>
    public int Budget { get; init; } = AbcSmcFile.DefaultBudget;
    /// <summary>ABC-SMC: stop when fewer than this share of a generation's candidates enter the population.</summary>
    public double MinAcceptance { get; init; } = 0.02;
    /// <summary>ABC-SMC: most candidate evaluations (Budget / Replicates; set by the loader).</summary>
    public int Evaluations { get; init; }

    /// <summary>The design type as written in experiment files.</summary>
    public static string TypeName(DesignType t) => t == DesignType.AbcSmc ? "abc-smc" : t.ToString().ToLowerInvariant();
}

/// <summary>An ABC target series: years (or weeks) and values, compared with an output per key.</summary>
/// <param name="File">The CSV as written in the experiment file.</param>
/// <param name="Metric">The weekly metric compared (a flow is summed over each year).</param>
/// <param name="ByYear">True for year,value; false for week,value.</param>
public sealed record CalibrationTarget(string File, string Metric, bool ByYear, IReadOnlyList<int> Keys, IReadOnlyList<double> Values)
{
    /// <summary>The output expression compared with row i.</summary>
    public string OutputFor(int i) => ByYear ? $"{Metric}@year:{Keys[i]}" : $"{Metric}@{Keys[i]}..{Keys[i]}";
}

/// <summary>
/// A validated experiment: the base scenario with overrides, the parameters varied, the design, replicates, outputs and
/// seed. Its <see cref="Id"/> is the SHA-256 of its canonical JSON (which includes a fingerprint of the resolved base
/// parameters), so shards of the same experiment agree and shards of different ones are refused.
/// </summary>
public sealed class Experiment
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>The base scenario as written in the experiment file (relative to it).</summary>
    public required string Scenario { get; init; }
    /// <summary>Full path of the base scenario (null when rebuilt from a shard manifest).</summary>
    public string? ScenarioPath { get; init; }
    /// <summary>Fixed <c>--set</c>-like overrides applied to the base, in file order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Overrides { get; init; }
    public required IReadOnlyList<VariedParameter> Parameters { get; init; }
    public required DesignSettings Design { get; init; }
    public required int Replicates { get; init; }
    public required ulong Seed { get; init; }
    public required IReadOnlyList<OutputExpr> Outputs { get; init; }
    public CalibrationTarget? Target { get; init; }
    /// <summary>ABC-SMC: the target series with their fitted ranges and weights.</summary>
    public IReadOnlyList<FitTarget> Targets { get; init; } = Array.Empty<FitTarget>();
    /// <summary>SHA-256 of the resolved base parameters and timeline (after overrides).</summary>
    public required string BaseFingerprint { get; init; }
    public required DateOnly StartDate { get; init; }
    public required int Weeks { get; init; }
    public string CanonicalJson { get; private set; } = "";
    /// <summary>SHA-256 (hex) of <see cref="CanonicalJson"/>.</summary>
    public string Id { get; private set; } = "";

    internal Experiment Seal()
    {
        CanonicalJson = Canonical();
        Id = Sha256(CanonicalJson);
        return this;
    }

    /// <summary>The seeds of replicate r: the same for every point (common random numbers), and the same as replicate
    /// r of <c>decapsim run --seed Seed</c>, so any unit can be reproduced from the command line.</summary>
    public Core.Seeds ReplicateSeeds(int replicate) => Core.Seeds.ForReplicate(Seed, replicate);

    /// <summary>Hex SHA-256 of UTF-8 text.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private string Canonical()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("Format", "decapsim-experiment/1");
            w.WriteString("Name", Name);
            w.WriteString("Description", Description);
            w.WriteString("Scenario", Scenario.Replace('\\', '/'));
            w.WriteString("BaseFingerprint", BaseFingerprint);
            w.WriteString("StartDate", StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("Weeks", Weeks);
            w.WriteStartObject("Overrides");
            foreach (var (k, v) in Overrides) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteStartArray("Parameters");
            foreach (var p in Parameters)
            {
                w.WriteStartObject();
                w.WriteString("Key", p.Key);
                if (p.Values is { } vs)
                {
                    w.WriteStartArray("Values");
                    foreach (var v in vs) w.WriteStringValue(v);
                    w.WriteEndArray();
                }
                else
                {
                    w.WriteStartArray("Range");
                    w.WriteNumberValue(p.Min); w.WriteNumberValue(p.Max);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var d = Design;
            w.WriteStartObject("Design");
            w.WriteString("Type", DesignSettings.TypeName(d.Type));
            switch (d.Type)
            {
                case DesignType.Factorial: w.WriteNumber("Levels", d.Levels); break;
                case DesignType.Lhs: w.WriteNumber("Samples", d.Samples); w.WriteNumber("Bins", d.Bins); break;
                case DesignType.Morris: w.WriteNumber("Trajectories", d.Trajectories); w.WriteNumber("Levels", d.Levels); break;
                case DesignType.Saltelli: w.WriteNumber("N", d.N); w.WriteNumber("Bootstrap", d.Bootstrap); break;
                case DesignType.Abc:
                    w.WriteNumber("Draws", d.Draws); w.WriteNumber("Quantile", d.Quantile);
                    w.WriteString("Distance", d.Distance.ToString().ToLowerInvariant());
                    var t = Target!;
                    w.WriteString("Target", t.File);
                    w.WriteString("Metric", t.Metric);
                    w.WriteStartObject("TargetValues");
                    w.WriteString("By", t.ByYear ? "year" : "week");
                    w.WriteStartArray("Keys"); foreach (var k in t.Keys) w.WriteNumberValue(k); w.WriteEndArray();
                    w.WriteStartArray("Values"); foreach (var v in t.Values) w.WriteNumberValue(v); w.WriteEndArray();
                    w.WriteEndObject();
                    break;
                case DesignType.AbcSmc: AbcSmcFile.WriteCanonical(w, d, Targets); break;
            }
            w.WriteEndObject();
            w.WriteNumber("Replicates", Replicates);
            w.WriteNumber("Seed", Seed);
            w.WriteStartArray("Outputs");
            foreach (var o in Outputs) w.WriteStringValue(o.Text);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Loads the scenario parameters of one design point: base scenario, overrides, then the point's values,
    /// all as <c>--set</c> overrides so the scenario validation applies.</summary>
    public Core.Parameters.ModelParameters LoadParameters(IReadOnlyList<KeyValuePair<string, string>> point)
    {
        if (ScenarioPath is null) throw new InvalidOperationException("this experiment was rebuilt from a manifest and cannot run (no scenario path)");
        var sets = Overrides.Concat(point).Select(kv => kv.Key + "=" + kv.Value).ToArray();
        return ScenarioLoader.Load(ScenarioPath, new Dictionary<string, string>(), sets, new CoreModelCatalog()).Parameters;
    }
}
