namespace DecapSim.Experiments.Output;

/// <summary>Which files a table is written as: CSV, Parquet or both.</summary>
public enum OutputFormat { Csv, Parquet, Both }

/// <summary>Parsing and querying of <see cref="OutputFormat"/>.</summary>
public static class OutputFormats
{
    /// <summary>The allowed values, for error messages.</summary>
    public const string Allowed = "csv, parquet or both";

    /// <summary>Parses "csv", "parquet" or "both" (case-insensitive).</summary>
    public static bool TryParse(string? text, out OutputFormat format)
    {
        format = OutputFormat.Csv;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "csv": format = OutputFormat.Csv; return true;
            case "parquet": format = OutputFormat.Parquet; return true;
            case "both": format = OutputFormat.Both; return true;
            default: return false;
        }
    }

    public static bool HasCsv(this OutputFormat f) => f != OutputFormat.Parquet;

    public static bool HasParquet(this OutputFormat f) => f != OutputFormat.Csv;

    /// <summary>The file names of table <paramref name="name"/> (without extension) in this format.</summary>
    public static IEnumerable<string> FileNames(this OutputFormat f, string name)
    {
        if (f.HasCsv()) yield return name + ".csv";
        if (f.HasParquet()) yield return name + ".parquet";
    }
}
