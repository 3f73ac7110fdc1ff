using DecapSim.Core.Factions;
using DecapSim.Core.Random;
using MathNet.Numerics.Distributions;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 4: expected recruits of f = rho C_f (1 - C_total/Capacity) WageFactor DemandFactor (1 - Prevention),
/// drawn from a Poisson law and placed in the cells where f is present, weighted by population.
/// </summary>
public sealed class RecruitmentProcess : IProcess
{
    private StreamRng? _rng;
    private Normal? _age;
    private double[] _cum = Array.Empty<double>();

    public string Name => "recruitment";

    public void Step(ModelState s)
    {
        var p = s.P.Recruitment;
        _rng ??= new StreamRng(s.StreamKey(Streams.Recruitment));
        _age ??= new Normal(p.AgeMean, Math.Max(1e-9, p.AgeSd), _rng);
        var F = s.Factions;
        var pres = s.Presence;
        double total = pres.Total;
        double capFactor = p.Capacity > 0 ? Math.Max(0, 1 - total / p.Capacity) : 1;
        double demandFactor = Math.Pow(Math.Max(0, s.Policy.Demand), s.P.Economy.DemandElasticity);
        double prevention = 1 - Math.Clamp(s.Policy.PreventionEffect, 0, 1);
        var pop = s.World.Population;
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            int cf = pres.FactionMembers[f];
            if (cf == 0) continue;
            double wageFactor = F.Unpaid[f] ? p.UnpaidFactor : 1;
            double expected = p.Rho * cf * capFactor * wageFactor * demandFactor * prevention;
            int n = _rng.Poisson(expected);
            if (n == 0) continue;
            var entries = pres.EntriesOf(f);
            // cumulative population weights of the cells where f is present, then one binary search per recruit
            if (_cum.Length < entries.Length) _cum = new double[Math.Max(entries.Length, _cum.Length * 2)];
            double wsum = 0;
            for (int j = 0; j < entries.Length; j++) { wsum += pop[pres.EntryCell[entries[j]]] + 1; _cum[j] = wsum; }
            var units = s.UnitsOf(f);
            for (int k = 0; k < n; k++)
            {
                double u = _rng.NextDouble() * wsum;
                int lo = 0, hi = entries.Length - 1;
                while (lo < hi) { int mid = (lo + hi) >> 1; if (_cum[mid] < u) lo = mid + 1; else hi = mid; }
                int cell = pres.EntryCell[entries[lo]];
                int unit = units.Length > 0 ? units[_rng.Next(units.Length)] : -1;
                float age = (float)Math.Clamp(_age.Sample(), MemberTraits.RecruitAgeMin, MemberTraits.RecruitAgeMax);
                float loyalty = (float)(MemberTraits.LoyaltyMin + (1 - MemberTraits.LoyaltyMin) * _rng.NextDouble());
                s.Members.Add(f, unit, cell, age, loyalty, s.Week);
            }
            s.Counters.Recruits += n;
            s.Ledger.Recruited += n;
        }
    }
}
