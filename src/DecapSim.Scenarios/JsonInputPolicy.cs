using System.Text.Json;

namespace DecapSim.Scenarios;

/// <summary>The one JSON policy of the files users write (scenario files and experiment files): comments and trailing
/// commas are allowed, nesting is limited, key names are matched without regard to case, and a key may appear only
/// once per object (two keys that differ only in case are the same key). Malformed JSON, binary or empty files and
/// duplicate keys are reported with their line and column.</summary>
public static class JsonInputPolicy
{
    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>How key names are compared: without case (as configuration keys are).</summary>
    public static StringComparer KeyComparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>How key names are compared, as a <see cref="StringComparison"/>.</summary>
    public const StringComparison KeyComparison = StringComparison.OrdinalIgnoreCase;

    /// <summary>Options of the token reader that checks a file.</summary>
    public static JsonReaderOptions ReaderOptions => new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
    };

    /// <summary>Options for deserializing a checked file into records: the same comments, commas, depth and case
    /// rules; duplicate keys refused.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
    };

    /// <summary>Checks a JSON file against the policy; returns its bytes (without a byte order mark) and the position of
    /// every key, or null after adding the problems to <paramref name="errors"/>.</summary>
    public static JsonInput? Read(string fullPath, string display, List<ScenarioError> errors)
    {
        var entries = JsonScenarioReader.Read(fullPath, display, errors);
        if (entries is null) return null;
        var bytes = File.ReadAllBytes(fullPath);
        int skip = bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
        return new JsonInput(display, bytes.AsMemory(skip), entries);
    }
}

/// <summary>A JSON file that passed <see cref="JsonInputPolicy"/>: deserialize it into records, and find where a key
/// is for error messages.</summary>
public sealed class JsonInput
{
    private readonly ReadOnlyMemory<byte> utf8;
    private readonly Dictionary<string, (int Line, int Column)> positions = new(JsonInputPolicy.KeyComparer);

    internal JsonInput(string display, ReadOnlyMemory<byte> utf8, IEnumerable<JsonEntry> entries)
    {
        File = display;
        this.utf8 = utf8;
        foreach (var e in entries) positions.TryAdd(e.Key, (e.Line, e.Column));
    }

    /// <summary>The file as named in messages.</summary>
    public string File { get; }

    /// <summary>The file as a <typeparamref name="T"/> (with <see cref="JsonInputPolicy.SerializerOptions"/>).</summary>
    public T Deserialize<T>() => JsonSerializer.Deserialize<T>(utf8.Span, JsonInputPolicy.SerializerOptions)!;

    /// <summary>Line and column of the value at <paramref name="keyPath"/> ("Design.Levels", "Parameters[0].Range",
    /// "Overrides.Arms.Interdiction"), or of the nearest enclosing value that has one; null when none is known.</summary>
    public (int Line, int Column)? Position(string keyPath)
    {
        var key = keyPath.Replace("[", ".").Replace("]", "");
        while (key.Length > 0)
        {
            if (positions.TryGetValue(key.Replace('.', ':'), out var p)) return p;
            // a key name may itself contain dots ("Overrides": { "Arms.Interdiction": ... })
            int dot = key.IndexOf('.');
            if (dot > 0 && positions.TryGetValue(key[..dot] + ":" + key[(dot + 1)..], out p)) return p;
            int last = key.LastIndexOf('.');
            key = last < 0 ? "" : key[..last];
        }
        return null;
    }
}
