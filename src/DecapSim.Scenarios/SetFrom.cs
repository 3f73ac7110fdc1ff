using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios;

/// <summary>
/// <c>--set-from DATE</c>: the <c>--set</c> values of policy levers take effect from a date, as set-policy events on
/// that date's week, instead of from the start. <c>Timeline.*</c> values (which carry their own dates) still apply as
/// ordinary <c>--set</c> values. Used by <c>decapsim run</c> and the explorer's API ("from"), so a page result is
/// reproducible from the command line.
/// </summary>
public static class SetFrom
{
    /// <summary>The option name used in error messages.</summary>
    public const string Option = "--set-from";

    /// <summary>True for a <c>Section.Key=value</c> override that is applied from the date (every key but
    /// <c>Timeline.*</c>).</summary>
    public static bool AppliesFromDate(string set)
    {
        int eq = set.IndexOf('=');
        var key = (eq < 0 ? set : set[..eq]).Trim();
        return !key.StartsWith("Timeline.", StringComparison.OrdinalIgnoreCase) && !key.Equals("Timeline", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The overrides applied from the start when <c>--set-from</c> is given (the <c>Timeline.*</c> ones).</summary>
    public static IReadOnlyList<string> FromStart(IReadOnlyList<string> sets) => sets.Where(s => !AppliesFromDate(s)).ToArray();

    /// <summary>Parses a <c>yyyy-mm-dd</c> date; throws <see cref="ScenarioException"/> naming <see cref="Option"/>.</summary>
    public static DateOnly ParseDate(string text)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var d)) return d;
        throw new ScenarioException(new ScenarioError(Option, "", text, "a date yyyy-mm-dd", "not a date"));
    }

    /// <summary>The week (0-based) a date falls in, checked against the run's span.</summary>
    public static int WeekOf(ModelParameters p, DateOnly from)
    {
        var last = p.StartDate.AddDays(7 * (p.Weeks - 1));
        string allowed = $"a date from {ValueText.Format(p.StartDate)} to {ValueText.Format(last)}";
        int days = from.DayNumber - p.StartDate.DayNumber;
        if (days < 0) throw new ScenarioException(new ScenarioError(Option, "", ValueText.Format(from), allowed, $"the date is before StartDate {ValueText.Format(p.StartDate)}"));
        int week = days / 7;
        if (week >= p.Weeks) throw new ScenarioException(new ScenarioError(Option, "", ValueText.Format(from), allowed, $"the date is after the last week ({p.Weeks - 1})"));
        return week;
    }

    /// <summary>
    /// The parameters of a run whose lever overrides start at <paramref name="from"/>: <paramref name="start"/> (loaded
    /// with <see cref="FromStart"/> only) plus one set-policy event per overridden lever, with the value resolved in
    /// <paramref name="full"/> (loaded with every override, so every value went through the usual validation).
    /// Both must already have their final <c>Weeks</c>. Throws <see cref="ScenarioException"/> for a key that is not
    /// a policy lever or a date outside the run.
    /// </summary>
    public static ModelParameters Apply(ModelParameters start, ModelParameters full, IReadOnlyList<string> sets, DateOnly from)
    {
        int week = WeekOf(start, from);
        var errors = new List<ScenarioError>();
        var levers = new List<PolicyLever>();
        foreach (var s in sets.Where(AppliesFromDate))
        {
            int eq = s.IndexOf('=');
            var key = (eq < 0 ? s : s[..eq]).Trim();
            var value = eq < 0 ? "" : s[(eq + 1)..];
            var d = ParameterCatalog.Find(key);
            if (d is null || !PolicyLevers.TryParse(d.KeyPath, out var lever) || PolicyLevers.KeyPath(lever) != d.KeyPath)
            {
                errors.Add(new ScenarioError(Option, key, value, "a policy lever: " + string.Join(", ", PolicyLevers.KeyPaths),
                    "only policy levers can change from a date"));
                continue;
            }
            levers.Remove(lever); // a later --set of the same lever wins, as with --set
            levers.Add(lever);
        }
        if (errors.Count > 0) throw new ScenarioException(errors);
        var timeline = start.Timeline.ToList();
        string date = ValueText.Format(from);
        foreach (var lever in levers)
        {
            var d = ParameterCatalog.Find(PolicyLevers.KeyPath(lever))!;
            double v = Convert.ToDouble(ParameterCatalog.GetValue(d, full), System.Globalization.CultureInfo.InvariantCulture);
            timeline.Add(new SetPolicyEvent
            {
                Week = week, Parameter = lever, Value = v, RampWeeks = 0,
                Label = $"from {date}: {d.KeyPath} = {ValueText.Format(v)}",
            });
        }
        return start with { Timeline = timeline };
    }
}
