using System.Globalization;
using System.Reflection;
using System.Text;
using DecapSim.Core.Parameters;

namespace DecapSim.Scenarios;

/// <summary>One model parameter, described from its <see cref="ParamAttribute"/>.</summary>
/// <param name="KeyPath">Dotted key path, e.g. "Arms.Interdiction" or "Weeks".</param>
/// <param name="Section">Section name ("Arms"), or "" for a top-level parameter.</param>
/// <param name="Name">Property name ("Interdiction").</param>
/// <param name="Type">CLR type (double, int, DateOnly or an enum).</param>
/// <param name="Default">Default value (from <c>new ModelParameters()</c>).</param>
/// <param name="Attribute">Documentation: summary, unit, range, source.</param>
/// <param name="Property">The property in its section record.</param>
/// <param name="SectionProperty">The section property of <see cref="ModelParameters"/>, null for top-level.</param>
public sealed record ParameterDescriptor(
    string KeyPath, string Section, string Name, Type Type, object Default,
    ParamAttribute Attribute, PropertyInfo Property, PropertyInfo? SectionProperty)
{
    public string Summary => Attribute.Summary;
    public string Unit => Attribute.Unit;
    public double Min => Attribute.Min;
    public double Max => Attribute.Max;
    public string Source => Attribute.Source;

    /// <summary>Default as scenario-file text.</summary>
    public string DefaultText => ValueText.Format(Default);

    /// <summary>A short type name for docs: "number", "integer", "date", or the enum values.</summary>
    public string TypeName =>
        Type == typeof(double) ? "number" :
        Type == typeof(int) ? "integer" :
        Type == typeof(DateOnly) ? "date" :
        Type.IsEnum ? string.Join(" \\| ", EnumText.Names(Type)) : Type.Name;

    /// <summary>What values are allowed, e.g. "number in [0, 1] (share)".</summary>
    public string AllowedText
    {
        get
        {
            string range(string kind) =>
                double.IsNegativeInfinity(Min) && double.IsPositiveInfinity(Max) ? kind
                : $"{kind} in [{ValueText.Format(Min)}, {ValueText.Format(Max)}]";
            var text = Type == typeof(double) ? range("number")
                : Type == typeof(int) ? range("whole number")
                : Type == typeof(DateOnly) ? "date yyyy-mm-dd"
                : Type.IsEnum ? "one of " + string.Join(", ", EnumText.Names(Type))
                : Type.Name;
            return Unit.Length > 0 && !Type.IsEnum && Type != typeof(DateOnly) ? $"{text} ({Unit})" : text;
        }
    }
}

/// <summary>Every parameter of <see cref="ModelParameters"/>, found by reflection over <see cref="ParamAttribute"/>.
/// The one documented place used by validation, <c>decapsim show</c> and docs/parameters.md.</summary>
public static class ParameterCatalog
{
    private static readonly Lazy<IReadOnlyList<ParameterDescriptor>> all = new(Build);

    /// <summary>All parameters: top-level first, then section by section in declaration order.</summary>
    public static IReadOnlyList<ParameterDescriptor> All => all.Value;

    /// <summary>Section names in declaration order ("World", "Factions", ...).</summary>
    public static IReadOnlyList<string> Sections { get; } =
        SectionProperties().Select(p => p.Name).ToArray();

    /// <summary>Finds a parameter by dotted key path (case-insensitive).</summary>
    public static ParameterDescriptor? Find(string keyPath) =>
        All.FirstOrDefault(p => string.Equals(p.KeyPath, keyPath, StringComparison.OrdinalIgnoreCase));

    internal static IEnumerable<PropertyInfo> SectionProperties() =>
        typeof(ModelParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.PropertyType.IsClass && p.PropertyType.Namespace == typeof(ModelParameters).Namespace
                        && p.PropertyType.GetProperties().Any(q => q.GetCustomAttribute<ParamAttribute>() is not null))
            .OrderBy(p => p.MetadataToken);

    private static IReadOnlyList<ParameterDescriptor> Build()
    {
        var list = new List<ParameterDescriptor>();
        var defaults = new ModelParameters();
        foreach (var p in typeof(ModelParameters).GetProperties().OrderBy(p => p.MetadataToken))
            if (p.GetCustomAttribute<ParamAttribute>() is { } a)
                list.Add(new(p.Name, "", p.Name, p.PropertyType, p.GetValue(defaults)!, a, p, null));
        foreach (var s in SectionProperties())
        {
            var sectionDefault = s.GetValue(defaults)!;
            foreach (var p in s.PropertyType.GetProperties().OrderBy(p => p.MetadataToken))
                if (p.GetCustomAttribute<ParamAttribute>() is { } a)
                    list.Add(new($"{s.Name}.{p.Name}", s.Name, p.Name, p.PropertyType, p.GetValue(sectionDefault)!, a, p, s));
        }
        return list;
    }

    /// <summary>Reads a parameter's value from a parameter set.</summary>
    public static object GetValue(ParameterDescriptor d, ModelParameters p) =>
        d.SectionProperty is null ? d.Property.GetValue(p)! : d.Property.GetValue(d.SectionProperty.GetValue(p))!;
}

/// <summary>Kebab-case names of enum values ("WellMixed" -> "well-mixed"); parsing accepts kebab and PascalCase.</summary>
public static class EnumText
{
    /// <summary>The kebab-case name of an enum value name.</summary>
    public static string Kebab(string pascal)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>All kebab-case names of an enum type.</summary>
    public static IReadOnlyList<string> Names(Type enumType) => Enum.GetNames(enumType).Select(Kebab).ToArray();

    /// <summary>Parses "well-mixed", "WellMixed", "well_mixed" or "wellmixed"; numbers are refused.</summary>
    public static bool TryParse(Type enumType, string text, out object? value)
    {
        var key = text.Trim().Replace("-", "").Replace("_", "");
        foreach (var n in Enum.GetNames(enumType))
            if (string.Equals(n, key, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse(enumType, n);
                return true;
            }
        value = null;
        return false;
    }
}

/// <summary>Invariant text of parameter values.</summary>
public static class ValueText
{
    public static string Format(object? v) => v switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => EnumText.Kebab(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
