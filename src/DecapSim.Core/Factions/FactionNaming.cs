using System.Globalization;

namespace DecapSim.Core.Factions;

/// <summary>How factions the model creates are named: groups of the initial landscape that have no published name,
/// and splinters. The caller of <see cref="Simulation"/> supplies it; the model itself builds no text in any language.</summary>
public interface IFactionNaming
{
    /// <summary>Name of the <paramref name="ordinal"/>-th initial group (1-based) that has no name of its own.</summary>
    string Unnamed(int ordinal);

    /// <summary>Name of the <paramref name="ordinal"/>-th splinter (1-based) of <paramref name="parent"/>.</summary>
    string Splinter(string parent, int ordinal);
}

/// <summary>Names from two composite format strings: <see cref="UnnamedFormat"/> gets the ordinal as {0};
/// <see cref="SplinterFormat"/> gets the parent's name as {0} and the ordinal as {1}.</summary>
/// <param name="UnnamedFormat">e.g. "Grupo {0}".</param>
/// <param name="SplinterFormat">e.g. "{0} / escisión {1}".</param>
public sealed record FactionNaming(string UnnamedFormat, string SplinterFormat) : IFactionNaming
{
    /// <summary>The names of the published runs (Spanish, as the groups are called in Mexico): "Grupo 7",
    /// "CJNG / escisión 2". Changing it changes factions.csv and events.csv.</summary>
    public static FactionNaming Default { get; } = new("Grupo {0}", "{0} / escisión {1}");

    public string Unnamed(int ordinal) => string.Format(CultureInfo.InvariantCulture, UnnamedFormat, ordinal);

    public string Splinter(string parent, int ordinal) => string.Format(CultureInfo.InvariantCulture, SplinterFormat, parent, ordinal);
}
