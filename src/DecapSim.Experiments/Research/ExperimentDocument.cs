using System.Text.Json;
using System.Text.Json.Serialization;

namespace DecapSim.Experiments.Research;

/// <summary>An experiment file as written, deserialized without judging it: <see cref="ExperimentFile"/> validates it
/// into an <see cref="Experiment"/>. Keys are matched without case (<see cref="Scenarios.JsonInputPolicy"/>); keys
/// that are not settings land in <see cref="Unknown"/>.</summary>
internal record ExperimentDocument
{
    public JsonField<string> Name { get; init; }
    public JsonField<string> Description { get; init; }
    public JsonField<string> Scenario { get; init; }
    public JsonField<Dictionary<string, JsonElement>> Overrides { get; init; }
    public JsonField<List<JsonField<ParameterDocument>>> Parameters { get; init; }
    public JsonField<DesignDocument> Design { get; init; }
    public JsonField<int> Replicates { get; init; }
    public JsonField<ulong> Seed { get; init; }
    public JsonField<List<JsonElement>> Outputs { get; init; }
    public JsonElement? Notes { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>The canonical form of an experiment (<see cref="Experiment.CanonicalJson"/>, in shard manifests): the file's
/// settings plus what loading its scenario gave.</summary>
internal sealed record CanonicalExperimentDocument : ExperimentDocument
{
    public string Format { get; init; } = "";
    public string BaseFingerprint { get; init; } = "";
    public string StartDate { get; init; } = "";
    public int Weeks { get; init; }
}

/// <summary>One entry of <c>Parameters</c>.</summary>
internal sealed record ParameterDocument
{
    public JsonField<string> Key { get; init; }
    public JsonField<List<JsonElement>> Range { get; init; }
    public JsonField<List<JsonElement>> Values { get; init; }
    public JsonElement? Note { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary><c>Design</c>: every setting of every design type; which apply depends on <see cref="Type"/>.</summary>
internal sealed record DesignDocument
{
    public JsonField<string> Type { get; init; }
    public JsonField<int> Levels { get; init; }
    public JsonField<int> Samples { get; init; }
    public JsonField<int> Trajectories { get; init; }
    public JsonField<int> N { get; init; }
    public JsonField<int> Bootstrap { get; init; }
    public JsonField<int> Bins { get; init; }
    public JsonField<int> Draws { get; init; }
    public JsonField<double> Quantile { get; init; }
    public JsonElement? Distance { get; init; }
    public JsonField<string> Target { get; init; }
    public JsonField<string> Metric { get; init; }
    /// <summary>The target series itself (canonical form only).</summary>
    public TargetValuesDocument? TargetValues { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }

    /// <summary>The keys given, settings first (in declaration order), then unknown keys.</summary>
    public IEnumerable<string> GivenKeys()
    {
        if (Type.Present) yield return "Type";
        foreach (var (name, present) in new[]
                 {
                     ("Levels", Levels.Present), ("Samples", Samples.Present), ("Trajectories", Trajectories.Present),
                     ("N", N.Present), ("Bootstrap", Bootstrap.Present), ("Bins", Bins.Present), ("Draws", Draws.Present),
                     ("Quantile", Quantile.Present), ("Distance", Distance is not null), ("Target", Target.Present),
                     ("Metric", Metric.Present), ("TargetValues", TargetValues is not null),
                 })
            if (present) yield return name;
        foreach (var k in Unknown?.Keys ?? Enumerable.Empty<string>()) yield return k;
    }
}

/// <summary>A calibration target's series in the canonical form.</summary>
internal sealed record TargetValuesDocument(string By, int[] Keys, double[] Values);

/// <summary>A JSON value that is read as <typeparamref name="T"/> when it has that shape, and otherwise kept as its
/// raw text, so that validation can report every wrong value (with the value) instead of stopping at the first.</summary>
[JsonConverter(typeof(JsonFieldConverterFactory))]
internal readonly struct JsonField<T>
{
    internal JsonField(T? value, bool valid, string raw)
    {
        Present = true;
        Value = value;
        Valid = valid;
        Raw = raw;
    }

    /// <summary>The key was given (possibly with null).</summary>
    public bool Present { get; }
    /// <summary>Given, not null, and of the expected shape.</summary>
    public bool Valid { get; }
    /// <summary>The value when <see cref="Valid"/>.</summary>
    public T? Value { get; }
    /// <summary>The JSON text as written ("" when not given).</summary>
    public string Raw { get; } = "";
}

internal sealed class JsonFieldConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(JsonField<>);

    public override JsonConverter CreateConverter(Type t, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(JsonFieldConverter<>).MakeGenericType(t.GetGenericArguments()[0]))!;

    private sealed class JsonFieldConverter<T> : JsonConverter<JsonField<T>>
    {
        public override bool HandleNull => true;

        public override JsonField<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var element = JsonElement.ParseValue(ref reader);
            string raw = element.GetRawText();
            if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return new(default, false, raw);
            try
            {
                var value = element.Deserialize<T>(options);
                return new(value, value is not null, raw);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException)
            {
                return new(default, false, raw);
            }
        }

        public override void Write(Utf8JsonWriter writer, JsonField<T> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("experiment documents are read, not written");
    }
}
