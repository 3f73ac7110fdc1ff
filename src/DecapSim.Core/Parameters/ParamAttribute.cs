namespace DecapSim.Core.Parameters;

/// <summary>
/// Documents a model parameter: what it is, its unit, the allowed range and where its default comes from.
/// One source for the docs (docs/parameters.md), `decapsim show` and validation.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParamAttribute(string summary) : Attribute
{
    /// <summary>One-line description.</summary>
    public string Summary { get; } = summary;
    /// <summary>Unit, e.g. "per member-week", "USD", "share".</summary>
    public string Unit { get; init; } = "";
    /// <summary>Smallest allowed value (inclusive).</summary>
    public double Min { get; init; } = double.NegativeInfinity;
    /// <summary>Largest allowed value (inclusive).</summary>
    public double Max { get; init; } = double.PositiveInfinity;
    /// <summary>Where the default comes from: an article, a paper, or "assumption".</summary>
    public string Source { get; init; } = "assumption";
}
