namespace DecapSim.Scenarios;

/// <summary>
/// An observed yearly series a scenario declares under <c>References</c> (e.g. INEGI homicides): the run report then
/// compares the simulated metric with it year by year, in and out of the fitted period.
/// </summary>
/// <param name="Metric">A weekly.csv column; flows are summed per calendar year, stocks taken at the year's last week.</param>
/// <param name="File">The CSV as written in the scenario (columns year,value; lines starting with # are comments).</param>
/// <param name="Years">The years of the rows, ascending.</param>
/// <param name="Values">The observed values.</param>
/// <param name="FitFrom">First year of the fitted (calibration) period, or null.</param>
/// <param name="FitTo">Last year of the fitted period, or null.</param>
/// <param name="Source">Where the numbers come from.</param>
public sealed record ReferenceSeries(string Metric, string File, IReadOnlyList<int> Years, IReadOnlyList<double> Values, int? FitFrom, int? FitTo, string Source)
{
    /// <summary>True when the year lies in the fitted period (always true when no period is given).</summary>
    public bool InFit(int year) => (FitFrom is null || year >= FitFrom) && (FitTo is null || year <= FitTo);

    /// <summary>The observed value of a year, or null.</summary>
    public double? ValueOf(int year)
    {
        for (int i = 0; i < Years.Count; i++) if (Years[i] == year) return Values[i];
        return null;
    }
}
