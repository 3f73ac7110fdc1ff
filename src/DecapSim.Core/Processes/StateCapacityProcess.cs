namespace DecapSim.Core.Processes;

/// <summary>
/// Step 11: state capacity. Corruption k_c relaxes toward the bribe pressure (bribes paid in the cell against
/// the local police wage bill) reduced by judicial integrity; police capacity L_c moves toward the
/// capacity-building target; US trust recovers toward its baseline with a half-life.
/// </summary>
public sealed class StateCapacityProcess : IProcess
{
    public string Name => "state-capacity";

    public void Step(ModelState s)
    {
        var p = s.P.State;
        var cells = s.Cells;
        var pop = s.World.Population;
        double j = Math.Clamp(s.Policy.JudicialIntegrity, 0, 1);
        double wageWeek = s.Policy.PoliceWage * 12.0 / 52.0;
        double target = Math.Clamp(s.Policy.PoliceCapacityTarget, 0, 1);
        double rate = p.CorruptionAdjustRate, build = p.CapacityBuildingRate;
        for (int c = 0; c < cells.Count; c++)
        {
            double bill = p.PolicePer1000 * pop[c] / 1000.0 * wageWeek;
            double b = cells.Bribes[c];
            double pressure = b + bill > 0 ? b / (b + bill) : 0;
            double k = cells.Corruption[c];
            cells.Corruption[c] = Math.Clamp(k + rate * ((1 - j) * pressure - k), 0, 1);
            cells.Police[c] = Math.Clamp(cells.Police[c] + build * (target - cells.Police[c]), 0, 1);
        }
        double recover = 1 - Math.Pow(0.5, 1.0 / p.TrustRecoveryHalfLifeWeeks);
        s.Policy.UsTrust = s.Policy.UsTrust + recover * (p.UsTrustBaseline - s.Policy.UsTrust);
    }
}
