using CsvHelper;
using DecapSim.Experiments.Output;
using DecapSim.Scenarios;

namespace DecapSim.Experiments.Tests.Output;

/// <summary>CSV written through CsvHelper must keep today's bytes: numbers as <see cref="Csv.Num"/>, text as
/// <see cref="Csv.Text"/>, "\n" line ends.</summary>
public sealed class CsvTableTests
{
    private static string Write(Action<CsvTable> rows)
    {
        var sw = new StringWriter();
        using (var t = new CsvTable(sw)) rows(t);
        return sw.ToString();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.0)]
    [InlineData(3.0)]
    [InlineData(-12.0)]
    [InlineData(0.1)]
    [InlineData(1.0 / 3)]
    [InlineData(-2.5e-7)]
    [InlineData(1e-6)]
    [InlineData(123456.7890123)]
    [InlineData(1e15)]
    [InlineData(-3e20)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Num_WritesWhatCsvNumWrites(double v) =>
        // (a record of one empty field is written as "" by CsvHelper, so that it is not a blank line: every table has
        // several columns)
        Assert.Equal("0," + Csv.Num(v) + "\n", Write(t => { t.Int(0).Num(v); t.End(); }));

    [Fact]
    public void Num_RandomValues_WriteWhatCsvNumWrites()
    {
        var rng = new System.Random(7);
        var values = Enumerable.Range(0, 2000).Select(i => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-9, 17)))
            .Concat(Enumerable.Range(0, 200).Select(i => (double)rng.Next(-100000, 100000))).ToArray();
        var expected = string.Concat(values.Select(v => Csv.Num(v) + "\n"));
        Assert.Equal(expected, Write(t => { foreach (var v in values) { t.Num(v); t.End(); } }));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("Cártel de Jalisco Nueva Generación / escisión 2")]
    [InlineData("Sinaloa, Los Chapitos")]
    [InlineData("say \"hi\"")]
    [InlineData("two\nlines")]
    [InlineData(" padded ")]
    [InlineData("")]
    public void Text_IsQuotedAsCsvTextQuotes(string s) =>
        Assert.Equal("1," + Csv.Text(s) + "\n", Write(t => { t.Int(1).Text(s); t.End(); }));

    [Fact]
    public void Record_HeaderDateAndEmptyInts_AsTheOldWriters()
    {
        var text = Write(t =>
        {
            t.Header(["replicate", "week", "date", "parent"]);
            t.Int(0).Int(3).Date(new DateOnly(2026, 2, 1), 3).IntOrEmpty(-1).End();
            t.Int(1).Int(4).Date(new DateOnly(2026, 2, 1), 4).IntOrEmpty(7).End();
        });
        Assert.Equal("replicate,week,date,parent\n0,3,2026-02-22,\n1,4,2026-03-01,7\n", text);
    }

    [Fact]
    public void Converter_ReadsBackWhatItWrites()
    {
        var values = new[] { 0, 2.5, -1e-6, 1234567, double.NaN };
        var text = Write(t => { foreach (var v in values) t.Num(v); t.End(); });
        using var r = CsvReader.FromText(text, CsvDialect.Reader);
        Assert.True(r.Read());
        var conv = new CsvNumber();
        var back = Enumerable.Range(0, values.Length).Select(i => conv.Read(r, i)).ToArray();
        Assert.Equal(values.Select(Csv.Num), back.Select(Csv.Num));
    }
}
