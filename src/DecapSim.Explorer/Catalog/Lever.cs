using DecapSim.Core.Timeline;
using DecapSim.Scenarios;

namespace DecapSim.Explorer.Catalog;

/// <summary>A policy lever of the page: a parameter of the catalog with the slider's bounds.</summary>
/// <param name="Label">Short name on the page.</param>
/// <param name="Parameter">The catalog entry (unit, range, default, source).</param>
/// <param name="SliderMin">Lowest slider position (the catalog's minimum).</param>
/// <param name="SliderMax">Highest slider position: the catalog's maximum, or four times the default when the
/// catalog's range is open or much wider (any value in the catalog's range is still accepted by the API).</param>
/// <param name="Step">Slider step.</param>
public sealed record Lever(string Label, ParameterDescriptor Parameter, double SliderMin, double SliderMax, double Step)
{
    public string KeyPath => Parameter.KeyPath;
}

/// <summary>The eight levers of the page, in page order (all of them timeline policy levers, so they can change from
/// a date).</summary>
public static class Levers
{
    private static readonly (string Key, string Label)[] keys =
    {
        ("Arms.Interdiction", "Arms interdiction"),
        ("Targeting.IntelSharing", "Intelligence sharing"),
        ("Targeting.Effort", "Targeting effort"),
        ("State.UsTrust", "US trust"),
        ("Recruitment.PreventionEffect", "Recruitment prevention"),
        ("Economy.PoliceWage", "Police wage"),
        ("State.JudicialIntegrity", "Judicial integrity"),
        ("Economy.Demand", "Drug demand"),
    };

    private static readonly Lazy<IReadOnlyList<Lever>> all = new(() => keys.Select(k => Make(k.Key, k.Label)).ToArray());

    /// <summary>The levers.</summary>
    public static IReadOnlyList<Lever> All => all.Value;

    private static Lever Make(string key, string label)
    {
        var d = ParameterCatalog.Find(key) ?? throw new InvalidOperationException($"lever {key} is not in the parameter catalog");
        if (!PolicyLevers.TryParse(key, out PolicyLever _)) throw new InvalidOperationException($"lever {key} is not a timeline policy lever");
        double def = Convert.ToDouble(d.Default, System.Globalization.CultureInfo.InvariantCulture);
        double min = double.IsFinite(d.Min) ? d.Min : 0;
        double open = Math.Max(1, 4 * Math.Abs(def));
        double max = double.IsFinite(d.Max) && d.Max - min <= 10 * open ? d.Max : Math.Min(double.IsFinite(d.Max) ? d.Max : double.MaxValue, min + open);
        double span = max - min;
        double step = span <= 1 ? 0.01 : span <= 10 ? 0.05 : span <= 100 ? 0.5 : Math.Pow(10, Math.Floor(Math.Log10(span)) - 2);
        return new Lever(label, d, min, max, step);
    }
}
