using DecapSim.Experiments.Output;
using DecapSim.Experiments.Output.Tables;
using Parquet;

namespace DecapSim.Experiments.Tests.Output.Tables;

/// <summary>The Parquet table writer: types, nulls, row groups, metadata, compression, atomic commit.</summary>
public sealed class ParquetTableFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("decapsim-pq-").FullName;
    public void Dispose() { try { Directory.Delete(dir, true); } catch (IOException) { } }

    private static readonly TableColumn[] Columns =
    {
        TableColumn.Int("replicate"), TableColumn.Date("date"), TableColumn.Num("value"), TableColumn.Text("name"),
        TableColumn.Int("parent", nullable: true), TableColumn.Text("note", nullable: true), TableColumn.Seed("seed"),
    };

    private string Write(int rows, OutputFormat format, int rowGroup, IReadOnlyDictionary<string, string>? meta = null)
    {
        using var t = new TableWriter(dir, "t", Columns, format, rowGroup);
        var start = new DateOnly(2026, 2, 22);
        for (int i = 0; i < rows; i++)
        {
            t.Int(i).Date(start.AddDays(7 * i)).Num(i % 5 == 0 ? double.NaN : i / 3.0).Text(i % 2 == 0 ? "CJNG" : "Sinaloa, \"Chapitos\"");
            if (i % 3 == 0) t.Null(); else t.Int(i - 1);
            t.Text(i % 4 == 0 ? "" : "n" + i).Seed(ulong.MaxValue - (ulong)i).EndRow();
        }
        t.Commit(meta);
        return Path.Combine(dir, "t.parquet");
    }

    [Fact]
    public void Write_SeveralRowGroups_ReadsBackEveryValueWithItsType()
    {
        var path = Write(1000, OutputFormat.Parquet, rowGroup: 300);
        var t = ParquetTable.Read(path);
        Assert.Equal(4, t.RowGroups); // 300 + 300 + 300 + 100
        Assert.Equal(1000, t.Rows);
        Assert.Equal(Columns.Select(c => c.Name), t.Columns.Select(c => c.Name));
        Assert.Equal(Columns.Select(c => c.Type), t.Columns.Select(c => c.Type));
        var dates = (DateOnly[])t.Values[1];
        Assert.Equal(new DateOnly(2026, 2, 22).AddDays(7 * 999), dates[999]);
        var values = (double?[])t.Values[2];
        Assert.Null(values[0]);
        Assert.Equal(7 / 3.0, values[7]); // full precision, not the CSV's 6 decimals
        Assert.Equal("Sinaloa, \"Chapitos\"", ((string?[])t.Values[3])[1]);
        Assert.Null(((int?[])t.Values[4])[3]);
        Assert.Equal(3, ((int?[])t.Values[4])[4]);
        Assert.Null(((string?[])t.Values[5])[0]); // an empty nullable text cell is null, as CSV readers see it
        Assert.Equal(ulong.MaxValue, ((ulong[])t.Values[6])[0]);
    }

    [Fact]
    public void Write_DatesAreDateLogicalType_ValuesZstdCompressed_MetadataKept()
    {
        var path = Write(50, OutputFormat.Parquet, 1000, new Dictionary<string, string> { ["decapsim.manifest"] = "{\"seed\": 42}" });
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            var schema = reader.Metadata!.Schema;
            var date = schema.Single(s => s.Name == "date");
            Assert.NotNull(date.LogicalType?.DATE); // DATE (INT32 days), not the legacy INT96 timestamp
            Assert.Equal(Parquet.Meta.Type.INT32, date.Type);
            var seed = schema.Single(s => s.Name == "seed");
            Assert.Equal(Parquet.Meta.Type.INT64, seed.Type);
            Assert.False(seed.LogicalType?.INTEGER?.IsSigned ?? true);
            Assert.All(reader.Metadata.RowGroups.SelectMany(g => g.Columns), c => Assert.Equal(Parquet.Meta.CompressionCodec.ZSTD, c.MetaData!.Codec));
            Assert.Equal("{\"seed\": 42}", reader.CustomMetadata["decapsim.manifest"]);
        }
        finally { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
        Assert.Equal("PAR1", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path)[..4]));
    }

    [Fact]
    public void Write_Both_CsvAndParquetHoldTheSameCells()
    {
        Write(120, OutputFormat.Both, 50);
        var csv = File.ReadAllLines(Path.Combine(dir, "t.csv"));
        var t = ParquetTable.Read(Path.Combine(dir, "t.parquet"));
        Assert.Equal(string.Join(",", Columns.Select(c => c.Name)), csv[0]);
        Assert.Equal(t.Rows, csv.Length - 1);
        for (int r = 0; r < t.Rows; r++)
        {
            var cells = DecapSim.Experiments.Research.CsvLine.Split(csv[r + 1]);
            for (int c = 0; c < t.Columns.Count; c++) Assert.Equal(cells[c], t.CsvCell(r, c));
        }
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesNoFile()
    {
        using (var t = new TableWriter(dir, "gone", Columns, OutputFormat.Both))
            t.Int(1).Date(new DateOnly(2020, 1, 1)).Num(1).Text("x").Null().Null().Seed(1).EndRow();
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void Write_WrongRowWidthOrType_Throws()
    {
        using var t = new TableWriter(dir, "bad", Columns, OutputFormat.Parquet);
        Assert.Throws<InvalidOperationException>(() => t.Int(1).EndRow());
        using var u = new TableWriter(dir, "bad2", Columns, OutputFormat.Parquet);
        Assert.Throws<InvalidOperationException>(() => u.Text("not a number"));
    }

    [Fact]
    public void Write_NoRows_IsAValidEmptyTable()
    {
        using (var t = new TableWriter(dir, "empty", Columns, OutputFormat.Parquet)) t.Commit();
        var back = ParquetTable.Read(Path.Combine(dir, "empty.parquet"));
        Assert.Equal(0, back.Rows);
        Assert.Equal(Columns.Length, back.Columns.Count);
    }
}
