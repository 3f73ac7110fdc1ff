using System.Reflection;
using DecapSim.Core.Parameters;

namespace DecapSim.Scenarios.Tests;

public sealed class ParameterCatalogTests
{
    [Fact]
    public void All_EverySectionProperty_HasParamAttribute()
    {
        var missing = ParameterCatalog.Sections
            .Select(s => typeof(ModelParameters).GetProperty(s)!)
            .SelectMany(s => s.PropertyType.GetProperties().Where(p => p.GetCustomAttribute<ParamAttribute>() is null).Select(p => $"{s.Name}.{p.Name}"))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void All_Defaults_AreWithinTheirRanges()
    {
        var bad = ParameterCatalog.All
            .Where(d => d.Default is double or int)
            .Where(d => Convert.ToDouble(d.Default) < d.Min || Convert.ToDouble(d.Default) > d.Max)
            .Select(d => d.KeyPath).ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void Find_CaseInsensitivePath_ReturnsParameter()
    {
        var d = ParameterCatalog.Find("recruitment.rho")!;
        Assert.Equal("Recruitment.Rho", d.KeyPath);
        Assert.Equal(typeof(double), d.Type);
        Assert.Equal(0, d.Min);
        Assert.Contains("Prieto-Curiel", d.Source);
    }

    [Fact]
    public void All_IncludesTopLevelAndEverySection()
    {
        Assert.Contains(ParameterCatalog.All, d => d.KeyPath == "Weeks");
        Assert.Contains(ParameterCatalog.All, d => d.KeyPath == "StartDate");
        Assert.Equal(13, ParameterCatalog.Sections.Count);
        Assert.All(ParameterCatalog.Sections, s => Assert.Contains(ParameterCatalog.All, d => d.Section == s));
    }

    [Theory]
    [InlineData("WellMixed", "well-mixed")]
    [InlineData("Year2007", "year2007")]
    [InlineData("FixedCount", "fixed-count")]
    public void Kebab_PascalName_ReturnsKebab(string pascal, string kebab) => Assert.Equal(kebab, EnumText.Kebab(pascal));

    [Fact]
    public void TryParse_NumericEnumText_IsRefused() => Assert.False(EnumText.TryParse(typeof(WorldKind), "1", out _));

    [Theory]
    [InlineData("Interdicton", "Interdiction")]
    [InlineData("rho", "Rho")]
    public void Nearest_Typo_ReturnsCandidate(string typo, string expected) =>
        Assert.Equal(expected, Suggest.Nearest(typo, new[] { "Interdiction", "Rho", "Theta" }));

    [Fact]
    public void Nearest_UnrelatedName_ReturnsNull() => Assert.Null(Suggest.Nearest("Banana", new[] { "Rho", "Theta" }));
}

public sealed class DocsGeneratorTests
{
    /// <summary>docs/parameters.md is generated; set DECAPSIM_UPDATE_DOCS=1 to rewrite it.</summary>
    [Fact]
    public void Generate_CommittedDocs_AreCurrent()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DecapSim.sln"))) root = Path.GetDirectoryName(root)!;
        var path = Path.Combine(root, "docs", "parameters.md");
        var generated = DocsGenerator.Generate();
        if (Environment.GetEnvironmentVariable("DECAPSIM_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }
        Assert.True(File.Exists(path), "docs/parameters.md is missing; run with DECAPSIM_UPDATE_DOCS=1");
        Assert.Equal(generated, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    [Fact]
    public void Generate_EveryParameter_AppearsWithUnitAndSource()
    {
        var md = DocsGenerator.Generate();
        Assert.All(ParameterCatalog.All, d => Assert.Contains($"| `{d.KeyPath}` |", md));
        Assert.Contains("Prieto-Curiel et al. 2023: 1.549e-8", md);
        Assert.Contains("| `intel-sharing` | `Targeting.IntelSharing` |", md);
    }
}
