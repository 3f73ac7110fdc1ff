using System.Globalization;
using CsvHelper;

namespace DecapSim.Scenarios;

/// <summary>The CSV dialect of every file DecapSim reads or writes (CsvHelper): RFC 4180 with a comma, numbers in the
/// invariant culture, "\n" line ends on output; input may have '#' comment lines and blank lines, and fields are
/// trimmed.</summary>
public static class CsvDialect
{
    /// <summary>Options for reading data files (factions, relations, calibration targets). The first record is read
    /// as data: callers find the header themselves, to report a missing column in their own words.</summary>
    public static CsvReaderOptions Reader { get; } = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        CommentPrefix = '#',
        TrimWhitespace = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
        DetectSeparatorHint = false,
    };

    /// <summary>Options for writing outputs: quote only when needed, "\n" after each record.</summary>
    public static CsvWriterOptions Writer { get; } = CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeeded,
        FormatProvider = CultureInfo.InvariantCulture,
    };
}
