using System.Globalization;
using System.Text;
using CsvHelper;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Research;

/// <summary>Reads a calibration target series with CsvHelper (<see cref="CsvDialect.Reader"/>): a header year,value or
/// week,value, then one row per year or week; '#' lines are comments.</summary>
internal static class TargetSeriesReader
{
    private const string Allowed = "a CSV with a header year,value or week,value and one row per year/week";

    public static CalibrationTarget? Read(string path, string asWritten, string metric, string file, List<ScenarioError> errors)
    {
        void Err(string value, string message) => errors.Add(new ScenarioError(file, "Design.Target", value, Allowed, message));
        if (!File.Exists(path)) { Err(asWritten, "target file not found (paths are relative to the experiment file)"); return null; }
        using var csv = CsvReader.FromFile(path, CsvDialect.Reader);
        string[]? head = null;
        string headLine = "";
        var keys = new List<int>();
        var vals = new List<double>();
        int row = 0;
        while (csv.Read())
        {
            string line = Encoding.UTF8.GetString(csv.RawRecord).Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue; // blank or indented comment lines
            if (head is null)
            {
                head = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).ToLowerInvariant()).ToArray();
                headLine = line;
                continue;
            }
            // (the header is judged once the file is known to have data rows)
            if (row == 0 && (head.Length < 2 || head[0] is not ("year" or "week") || head[1] != "value"))
            { Err(headLine, $"{asWritten}: header must be year,value or week,value"); return null; }
            row++;
            if (csv.FieldCount < 2 || !int.TryParse(csv.GetString(0), NumberStyles.Integer, CultureInfo.InvariantCulture, out int k)
                || !double.TryParse(csv.GetString(1), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            { Err(line, $"{asWritten}: row {row}: expected a whole number and a number"); return null; }
            if (keys.Contains(k)) { Err(line, $"{asWritten}: row {row}: {head[0]} {k} appears twice"); return null; }
            keys.Add(k); vals.Add(v);
        }
        if (head is null || row == 0) { Err(asWritten, "no data rows"); return null; }
        return new CalibrationTarget(asWritten, metric, head[0] == "year", keys, vals);
    }
}
