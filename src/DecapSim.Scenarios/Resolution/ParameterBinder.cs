using DecapSim.Core.Parameters;
using Microsoft.Extensions.Configuration;
using static DecapSim.Scenarios.ScenarioLoader;

namespace DecapSim.Scenarios;

/// <summary>Parses the effective value of every catalog parameter (and the seed) against its type and range,
/// records its provenance, and binds the normalized values to <see cref="ModelParameters"/>.</summary>
internal sealed class ParameterBinder(ResolutionContext ctx, Provenance provenance)
{
    /// <summary>Key path -> parsed value of every parameter that parsed.</summary>
    public Dictionary<string, object> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, string?> normalized = new();

    /// <summary>Parses every catalog parameter; bad values become errors.</summary>
    public void ParseAll()
    {
        foreach (var d in ParameterCatalog.All)
        {
            var key = ToKey(d.KeyPath);
            var origin = ctx.Origin(key);
            if (origin is not { } o) continue;
            if (o.Src.Kind == JsonKind.Null)
            {
                ctx.Error(o.Src, d.KeyPath, "null", d.AllowedText, "null is not allowed");
                continue;
            }
            var problem = ValueParser.TryParse(d.Type, o.Src.Value, d.Min, d.Max, out var value);
            if (problem is not null)
            {
                ctx.Error(o.Src, d.KeyPath, o.Src.Value, d.AllowedText, problem);
                continue;
            }
            Values[d.KeyPath] = value!;
            normalized[key] = value is Enum ? value.ToString() : ValueText.Format(value);
            provenance.Record(d.KeyPath, ValueText.Format(value), o.Src.Origin);
        }
    }

    /// <summary>The top-level <c>Seed</c> (default 1).</summary>
    public ulong ReadSeed()
    {
        ulong seed = 1;
        if (ctx.Origin("Seed") is { } so)
        {
            var problem = ValueParser.TryParse(typeof(ulong), so.Src.Value, 0, double.PositiveInfinity, out var s);
            if (problem is not null) ctx.Error(so.Src, "Seed", so.Src.Value, "whole number in [0, 2^64-1]", problem);
            else
            {
                seed = (ulong)s!;
                provenance.Record("Seed", ValueText.Format(seed), so.Src.Origin);
            }
        }
        return seed;
    }

    /// <summary>Binds the parsed values (call only when there are no errors).</summary>
    public ModelParameters Bind()
    {
        try
        {
            return new ConfigurationBuilder().AddInMemoryCollection(normalized).Build()
                       .Get<ModelParameters>(o => o.ErrorOnUnknownConfiguration = true) ?? new ModelParameters();
        }
        catch (InvalidOperationException e)
        {
            throw new ScenarioException(new ScenarioError(ctx.Path, "", "", "", "binding failed: " + e.Message));
        }
    }
}
