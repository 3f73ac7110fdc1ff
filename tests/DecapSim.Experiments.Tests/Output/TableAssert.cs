using DecapSim.Experiments.Output;
using DecapSim.Experiments.Output.Tables;
using DecapSim.Experiments.Research;

namespace DecapSim.Experiments.Tests.Output;

/// <summary>Compares a Parquet table with its CSV.</summary>
public static class TableAssert
{
    /// <summary>Asserts that a Parquet file and its CSV have the same header and cells (numbers as the CSV writes them).</summary>
    public static void AssertSameAsCsv(string parquet, string csv)
    {
        var t = ParquetTable.Read(parquet);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(lines[0], string.Join(",", t.Columns.Select(c => Csv.Text(c.Name))));
        Assert.Equal(lines.Length - 1, t.Rows);
        for (int r = 0; r < t.Rows; r++)
        {
            var cells = CsvLine.Split(lines[r + 1]);
            Assert.Equal(t.Columns.Count, cells.Count);
            for (int c = 0; c < cells.Count; c++)
            {
                string got = t.CsvCell(r, c);
                // a parameter value keeps the text the design wrote; the Parquet double is that number exactly
                if (got != cells[c] && double.TryParse(cells[c], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v))
                    Assert.Equal(v, t.Number(r, c));
                else Assert.True(got == cells[c], $"{Path.GetFileName(parquet)} row {r} column {t.Columns[c].Name}: parquet '{got}', csv '{cells[c]}'");
            }
        }
    }

}
