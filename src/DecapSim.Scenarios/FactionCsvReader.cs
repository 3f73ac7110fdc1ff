using System.Globalization;
using System.Text;
using DecapSim.Core.Factions;

namespace DecapSim.Scenarios;

/// <summary>Reads the factions file (<c>name,region,members</c>) and relation files (<c>a,b,weight</c>).
/// UTF-8 with or without BOM; names are compared after Unicode NFC normalization, case-insensitively.</summary>
public static class FactionCsvReader
{
    /// <summary>Reads factions; problems go to <paramref name="errors"/> with file and line.</summary>
    public static List<FactionSpec> ReadFactions(string fullPath, string display, List<ScenarioError> errors)
    {
        var result = new List<FactionSpec>();
        var rows = ReadTable(fullPath, display, "Factions.File", new[] { "name", "region", "members" }, errors);
        if (rows is null) return result;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, f) in rows)
        {
            var name = f[0].Trim().Normalize(NormalizationForm.FormC);
            var region = f[1].Trim().Normalize(NormalizationForm.FormC);
            if (name.Length == 0)
            {
                errors.Add(new(display, "Factions.File", "", "a non-empty name", "empty faction name") { Line = line });
                continue;
            }
            if (!seen.Add(name))
            {
                errors.Add(new(display, "Factions.File", name, "each faction once", $"duplicate faction '{name}'") { Line = line });
                continue;
            }
            var problem = ValueParser.TryParse(typeof(int), f[2], 0, int.MaxValue, out var members);
            if (problem is not null)
            {
                errors.Add(new(display, "Factions.File", f[2], "whole number >= 0", $"members of '{name}': {problem}") { Line = line });
                continue;
            }
            result.Add(new FactionSpec(name, region, (int)members!));
        }
        if (result.Count == 0 && errors.Count == 0)
            errors.Add(new(display, "Factions.File", "", "at least one faction", "the factions file has no rows"));
        return result;
    }

    /// <summary>Reads an undirected relation file; an edge listed twice (either direction) keeps the larger weight.</summary>
    public static List<RelationSpec> ReadRelations(string fullPath, string display, string keyPath,
                                                   IReadOnlyList<FactionSpec> factions, List<ScenarioError> errors)
    {
        var rows = ReadTable(fullPath, display, keyPath, new[] { "a", "b", "weight" }, errors);
        var result = new List<RelationSpec>();
        if (rows is null) return result;
        var names = factions.ToDictionary(f => f.Name, f => f.Name, StringComparer.OrdinalIgnoreCase);
        var index = new Dictionary<(string, string), int>();
        foreach (var (line, f) in rows)
        {
            var a = f[0].Trim().Normalize(NormalizationForm.FormC);
            var b = f[1].Trim().Normalize(NormalizationForm.FormC);
            bool ok = true;
            foreach (var n in new[] { a, b })
                if (!names.ContainsKey(n))
                {
                    errors.Add(new(display, keyPath, n, "a name in the factions file",
                        $"unknown faction '{n}'." + Suggest.DidYouMean(n, names.Values)) { Line = line });
                    ok = false;
                }
            if (!ok) continue;
            a = names[a];
            b = names[b];
            if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new(display, keyPath, a, "two different factions", $"self-relation of '{a}'") { Line = line });
                continue;
            }
            var problem = ValueParser.TryParse(typeof(double), f[2], 0, 1e9, out var w);
            if (problem is not null)
            {
                errors.Add(new(display, keyPath, f[2], "number in [0, 1e9]", $"weight of {a}-{b}: {problem}") { Line = line });
                continue;
            }
            var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (index.TryGetValue(key, out var at))
            {
                if ((double)w! > result[at].Weight) result[at] = result[at] with { Weight = (double)w };
            }
            else
            {
                index[key] = result.Count;
                result.Add(new RelationSpec(key.Item1, key.Item2, (double)w!));
            }
        }
        return result;
    }

    /// <summary>Reads a CSV file with a header containing <paramref name="columns"/> (any order, case-insensitive).
    /// Returns (1-based line, fields in column order) per data row, or null after an error.</summary>
    private static List<(int Line, string[] Fields)>? ReadTable(string fullPath, string display, string keyPath,
                                                                 string[] columns, List<ScenarioError> errors)
    {
        var text = InputFile.TryReadAllText(fullPath, InputFile.Limit.Table, out var problem);
        if (text is null)
        {
            errors.Add(new(display, keyPath, "", $"a UTF-8 CSV file (a regular file of at most {InputFile.Describe(InputFile.Limit.Table)})", problem));
            return null;
        }
        var records = ParseCsv(text);
        int headerAt = records.FindIndex(r => !(r.Fields.Count == 1 && r.Fields[0].Trim().Length == 0));
        if (headerAt < 0)
        {
            errors.Add(new(display, keyPath, "", "a header " + string.Join(",", columns), "the file is empty"));
            return null;
        }
        var header = records[headerAt].Fields.Select(h => h.Trim()).ToList();
        var map = new int[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            map[i] = header.FindIndex(h => string.Equals(h, columns[i], StringComparison.OrdinalIgnoreCase));
            if (map[i] < 0)
            {
                // echo the header only when it is recognisably one of ours (it names one of the columns): a file that
                // is not a table of ours (say /etc/shadow) must not have its content printed
                bool ours = header.Any(h => columns.Contains(h, StringComparer.OrdinalIgnoreCase));
                errors.Add(new(display, keyPath, ours ? string.Join(",", header) : "", "a header with columns " + string.Join(",", columns),
                    ours ? $"missing column '{columns[i]}'" : "not a table of this kind (its first line is not a header with these columns)")
                    { Line = records[headerAt].Line });
                return null;
            }
        }
        var rows = new List<(int, string[])>();
        foreach (var (line, fields) in records.Skip(headerAt + 1))
        {
            if (fields.Count == 1 && fields[0].Trim().Length == 0) continue; // blank line
            if (fields.Count < header.Count)
            {
                errors.Add(new(display, keyPath, string.Join(",", fields), $"{header.Count} fields",
                    $"row has {fields.Count} fields") { Line = line });
                continue;
            }
            rows.Add((line, map.Select(m => fields[m]).ToArray()));
        }
        return rows;
    }

    /// <summary>RFC 4180 records: quoted fields may contain commas, quotes ("") and newlines.</summary>
    private static List<(int Line, List<string> Fields)> ParseCsv(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var sb = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    sb.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(sb.ToString()); sb.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(sb.ToString()); sb.Clear();
                    records.Add((recordLine, fields));
                    fields = new List<string>();
                    line++;
                    recordLine = line;
                    break;
                default: sb.Append(c); break;
            }
        }
        if (sb.Length > 0 || fields.Count > 0)
        {
            fields.Add(sb.ToString());
            records.Add((recordLine, fields));
        }
        return records;
    }
}
