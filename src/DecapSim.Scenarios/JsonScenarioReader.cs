using System.Text;
using System.Text.Json;

namespace DecapSim.Scenarios;

/// <summary>The JSON kind of a flattened entry.</summary>
internal enum JsonKind { String, Number, Bool, Null, Object, Array }

/// <summary>One leaf (or empty container) of a scenario file, flattened to a configuration key ("Arms:Interdiction").</summary>
internal sealed record JsonEntry(string Key, string Value, JsonKind Kind, int Line, int Column);

/// <summary>Pre-parses a scenario file with System.Text.Json: good messages (line, column) for malformed JSON,
/// empty or binary files and duplicate keys (<see cref="JsonInputPolicy"/>); and flattens it to configuration keys with positions.</summary>
internal static class JsonScenarioReader
{
    /// <summary>Reads and flattens <paramref name="fullPath"/>; problems are added to <paramref name="errors"/>.</summary>
    public static List<JsonEntry>? Read(string fullPath, string display, List<ScenarioError> errors)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(fullPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new(display, "", "", "", "cannot read the file: " + e.Message));
            return null;
        }
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) span = span[3..];
        if (span.IndexOf((byte)0) >= 0 || !System.Text.Unicode.Utf8.IsValid(span))
        {
            errors.Add(new(display, "", "", "a UTF-8 JSON text file", "not a text file (binary or not UTF-8)"));
            return null;
        }
        if (span.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(new(display, "", "", "a JSON object { ... }", "the file is empty"));
            return null;
        }
        var data = span.ToArray();
        var lines = new LineMap(data);
        var entries = new List<JsonEntry>();
        var reader = new Utf8JsonReader(data, JsonInputPolicy.ReaderOptions);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var (l, c) = lines.Position((int)reader.TokenStartIndex);
                errors.Add(new(display, "", "", "a JSON object { ... }", "the top level must be a JSON object") { Line = l, Column = c });
                return null;
            }
            int before = errors.Count;
            ReadValue(ref reader, "", entries, lines, display, errors);
            if (reader.Read())
            {
                var (l, c) = lines.Position((int)reader.TokenStartIndex);
                errors.Add(new(display, "", "", "", "malformed JSON: text after the end of the top-level object") { Line = l, Column = c });
            }
            return errors.Count == before ? entries : null;
        }
        catch (JsonException e)
        {
            var msg = e.Message;
            int cut = msg.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) msg = msg[..cut];
            errors.Add(new(display, "", "", "", "malformed JSON: " + msg.TrimEnd('.', ' '))
            {
                Line = (int)(e.LineNumber ?? 0) + 1,
                Column = (int)(e.BytePositionInLine ?? 0) + 1,
            });
            return null;
        }
    }

    private static void ReadValue(ref Utf8JsonReader r, string path, List<JsonEntry> entries, LineMap lines,
                                  string display, List<ScenarioError> errors)
    {
        var (line, col) = lines.Position((int)r.TokenStartIndex);
        switch (r.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var seen = new HashSet<string>(JsonInputPolicy.KeyComparer);
                while (r.Read() && r.TokenType != JsonTokenType.EndObject)
                {
                    var name = r.GetString()!;
                    var (pl, pc) = lines.Position((int)r.TokenStartIndex);
                    var key = path.Length == 0 ? name : path + ":" + name;
                    if (name.Contains(':') || name.Length == 0)
                        errors.Add(new(display, key.Replace(':', '.'), name, "a name without ':'", "invalid key name") { Line = pl, Column = pc });
                    else if (!seen.Add(name))
                        errors.Add(new(display, key.Replace(':', '.'), "", "each key once per object", "duplicate key") { Line = pl, Column = pc });
                    r.Read();
                    ReadValue(ref r, key, entries, lines, display, errors);
                }
                if (path.Length > 0) entries.Add(new(path, "", JsonKind.Object, line, col));
                break;
            }
            case JsonTokenType.StartArray:
            {
                int i = 0;
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    ReadValue(ref r, path + ":" + i, entries, lines, display, errors);
                    i++;
                }
                entries.Add(new(path, "", JsonKind.Array, line, col));
                break;
            }
            case JsonTokenType.String:
                entries.Add(new(path, r.GetString()!, JsonKind.String, line, col));
                break;
            case JsonTokenType.Number:
                entries.Add(new(path, Encoding.UTF8.GetString(r.ValueSpan), JsonKind.Number, line, col));
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                entries.Add(new(path, r.TokenType == JsonTokenType.True ? "true" : "false", JsonKind.Bool, line, col));
                break;
            case JsonTokenType.Null:
                entries.Add(new(path, "", JsonKind.Null, line, col));
                break;
        }
    }

    /// <summary>Byte offset -> 1-based line and column (in characters).</summary>
    private sealed class LineMap
    {
        private readonly byte[] data;
        private readonly List<int> starts = new() { 0 };

        public LineMap(byte[] data)
        {
            this.data = data;
            for (int i = 0; i < data.Length; i++)
                if (data[i] == (byte)'\n') starts.Add(i + 1);
        }

        public (int Line, int Column) Position(int offset)
        {
            int idx = starts.BinarySearch(offset);
            if (idx < 0) idx = ~idx - 1;
            int start = starts[idx];
            int chars = Encoding.UTF8.GetCharCount(data, start, Math.Max(0, offset - start));
            return (idx + 1, chars + 1);
        }
    }
}
