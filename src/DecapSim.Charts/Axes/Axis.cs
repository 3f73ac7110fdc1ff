namespace DecapSim.Charts;

/// <summary>One axis: label, limits (automatic unless set), tick style and scale.</summary>
public sealed class Axis
{
    /// <summary>Axis title drawn beside the tick labels.</summary>
    public string Label { get; set; } = "";

    /// <summary>Fixed lower limit, or null for automatic.</summary>
    public double? Min { get; set; }

    /// <summary>Fixed upper limit, or null for automatic.</summary>
    public double? Max { get; set; }

    /// <summary>Label ticks as dates; values are day numbers (<see cref="ChartDates"/>).</summary>
    public bool DateTicks { get; set; }

    /// <summary>Base-10 logarithmic scale; non-positive values are not drawn.</summary>
    public bool LogScale { get; set; }

    /// <summary>
    /// With automatic limits, extend them to the outermost nice ticks (default for the vertical axis);
    /// otherwise use the data range plus <see cref="Margin"/>.
    /// </summary>
    public bool SnapToTicks { get; set; }

    /// <summary>Fraction of the data range added on each side when limits are automatic and not snapped.</summary>
    public double Margin { get; set; }

    /// <summary>Fixes both limits.</summary>
    public void SetLimits(double min, double max) { Min = min; Max = max; }

    /// <summary>Returns to automatic limits.</summary>
    public void AutoScale() { Min = null; Max = null; }

    /// <summary>
    /// Resolves the drawn range from the data range and computes the ticks inside it.
    /// </summary>
    /// <param name="dataMin">smallest finite data value (NaN if none)</param>
    /// <param name="dataMax">largest finite data value (NaN if none)</param>
    /// <param name="maxTicks">most ticks that fit the available pixels</param>
    public (double Min, double Max, Tick[] Ticks) Resolve(double dataMin, double dataMax, int maxTicks)
    {
        double lo = Min ?? dataMin, hi = Max ?? dataMax;
        if (double.IsNaN(lo) || double.IsNaN(hi)) (lo, hi) = LogScale ? (1, 10) : (0, 1);
        if (lo > hi) (lo, hi) = (hi, lo);
        if (LogScale)
        {
            if (!(lo > 0)) lo = hi > 0 ? hi / 10 : 1;
            if (!(hi > lo)) hi = lo * 10;
            double[] lt = LogTicks.Covering(lo, hi, maxTicks);
            if (SnapToTicks && Min is null) lo = Math.Min(lo, lt[0]);
            if (SnapToTicks && Max is null) hi = Math.Max(hi, lt[^1]);
            return (lo, hi, lt.Where(t => t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9))
                .Select(t => new Tick(t, LogTicks.Format(t))).ToArray());
        }
        if (hi == lo)
        {
            double pad = lo == 0 ? 1 : Math.Abs(lo) * 0.1;
            if (Min is null) lo -= pad;
            if (Max is null || hi == lo) hi += pad;
        }
        if (DateTicks)
        {
            double m = (hi - lo) * Margin;
            if (Min is null) lo -= m;
            if (Max is null) hi += m;
            return (lo, hi, Charts.DateTicks.Inside(lo, hi, maxTicks));
        }
        if (SnapToTicks)
        {
            double[] cover = NumericTicks.Covering(lo, hi, maxTicks);
            if (Min is null) lo = cover[0];
            if (Max is null) hi = cover[^1];
        }
        else
        {
            double m = (hi - lo) * Margin;
            if (Min is null) lo -= m;
            if (Max is null) hi += m;
        }
        double[] ticks = NumericTicks.Inside(lo, hi, maxTicks);
        double step = NumericTicks.StepOf(ticks);
        return (lo, hi, ticks.Select(t => new Tick(t, NumericTicks.Format(t, step))).ToArray());
    }
}
