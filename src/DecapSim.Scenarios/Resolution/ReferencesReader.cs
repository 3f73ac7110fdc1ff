using System.Globalization;
using DecapSim.Core.Metrics;
using static DecapSim.Scenarios.ScenarioLoader;

namespace DecapSim.Scenarios;

/// <summary>Reads the scenario's <c>References</c> (observed series the run report compares with).</summary>
internal sealed class ReferencesReader(ResolutionContext ctx)
{
    private static readonly string[] ReferenceKeys = { "Metric", "File", "Fit", "Source" };

    /// <summary>Reads <c>References</c>: [ { "Metric": "homicides", "File": "x.csv", "Fit": [2007, 2018], "Source": "..." } ].</summary>
    public IReadOnlyList<ReferenceSeries> Read()
    {
        var list = new List<ReferenceSeries>();
        var children = ctx.Config.GetSection("References").GetChildren().ToList();
        foreach (var c in children.Where(c => !int.TryParse(c.Key, out _)))
            ctx.Error(ctx.Origin(c.Path)?.Src, "References." + c.Key, "", "an array of { Metric, File, Fit, Source }", "References must be an array");
        foreach (var c in children.Where(c => int.TryParse(c.Key, out _)).OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)))
        {
            string at = "References." + c.Key;
            Src? Src(string field) => ctx.Origin(c.Path + ":" + field)?.Src;
            void Fail(string field, string value, string allowed, string message) =>
                ctx.Error(Src(field) ?? ctx.Origin(c.Path)?.Src, $"{at}.{field}", value, allowed, message);
            if (c.Value is not null) { ctx.Error(ctx.Origin(c.Path)?.Src, at, c.Value, "an object with Metric and File", "a reference must be an object"); continue; }
            bool ok = true;
            foreach (var f in c.GetChildren())
                if (!ReferenceKeys.Contains(f.Key, StringComparer.OrdinalIgnoreCase))
                { Fail(f.Key, f.Value ?? "", string.Join(", ", ReferenceKeys), $"unknown key '{f.Key}' in a reference." + Suggest.DidYouMean(f.Key, ReferenceKeys)); ok = false; }
            var metric = c["Metric"];
            if (metric is null) { Fail("Metric", "", "a weekly.csv column", "Metric is required"); ok = false; }
            else if (!WeeklyMetrics.Columns.Contains(metric))
            { Fail("Metric", metric, "a weekly.csv column", $"unknown metric '{metric}'." + Suggest.DidYouMean(metric, WeeklyMetrics.Columns)); ok = false; }
            int? from = null, to = null;
            var fit = c.GetSection("Fit").GetChildren().ToList();
            if (c.GetSection("Fit").Value is not null || fit.Count is not (0 or 2))
            { Fail("Fit", c["Fit"] ?? "", "[first year, last year] of the fitted period", "bad range"); ok = false; }
            else if (fit.Count == 2)
            {
                if (int.TryParse(fit[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int a) && int.TryParse(fit[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int b) && a <= b)
                { from = a; to = b; }
                else { Fail("Fit", $"[{fit[0].Value}, {fit[1].Value}]", "[first year, last year] of the fitted period, first <= last", "bad range"); ok = false; }
            }
            var fileSrc = Src("File");
            var file = c["File"];
            if (file is null || fileSrc is null) { Fail("File", "", "a CSV with columns year,value, relative to the scenario file", "File is required"); continue; }
            var layer = ctx.Origin(c.Path + ":File")!.Value.Layer;
            var full = Path.GetFullPath(Path.Combine(layer.BaseDir ?? Environment.CurrentDirectory, file));
            if (!File.Exists(full)) { Fail("File", file, "an existing CSV file, relative to the scenario file", "file not found: " + Display(full)); continue; }
            var (years, values, problem) = ReadYearValues(full);
            if (problem is not null) { Fail("File", file, "a CSV with a header year,value and one row per year", Display(full) + ": " + problem); continue; }
            if (ok) list.Add(new ReferenceSeries(metric!, file, years, values, from, to, c["Source"] ?? ""));
        }
        return list;
    }

    /// <summary>Reads year,value rows (# comments, blank lines skipped), sorted by year.</summary>
    internal static (int[] Years, double[] Values, string? Problem) ReadYearValues(string full)
    {
        var lines = File.ReadAllLines(full).Select((l, i) => (Text: l.Trim(), Line: i + 1)).Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#')).ToList();
        if (lines.Count < 2) return (Array.Empty<int>(), Array.Empty<double>(), "no data rows");
        var head = lines[0].Text.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (head.Length < 2 || head[0] != "year" || head[1] != "value") return (Array.Empty<int>(), Array.Empty<double>(), $"line {lines[0].Line}: the header must be year,value");
        var rows = new SortedDictionary<int, double>();
        foreach (var (text, line) in lines.Skip(1))
        {
            var f = text.Split(',');
            if (f.Length < 2 || !int.TryParse(f[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int y)
                || !double.TryParse(f[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                return (Array.Empty<int>(), Array.Empty<double>(), $"line {line}: expected a year and a number");
            if (!rows.TryAdd(y, v)) return (Array.Empty<int>(), Array.Empty<double>(), $"line {line}: year {y} appears twice");
        }
        return (rows.Keys.ToArray(), rows.Values.ToArray(), null);
    }
}
