using DecapSim.Core.Random;
using MathNet.Numerics.Distributions;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 4: expected recruits of f = rho C_f (1 + ContestedBoost x contested share of f) x (1 - T/Capacity)
/// x (1 - T/recruitable pool) x WageFactor x DemandFactor x (1 - Prevention), plus LossReplacement x f's losses
/// last week under the same bounds (mobilisation: groups at war recruit and replace their dead). Drawn from a
/// Poisson law and placed in the cells f holds (or, holding none, where it is present), weighted by population;
/// a recruit joins the unit that holds its cell. The well-mixed world keeps the reference model's rho C_f.
/// </summary>
public sealed class RecruitmentProcess : IProcess
{
    private StreamRng? _rng;
    private Normal? _age;
    private double[] _cum = Array.Empty<double>();
    private int[] _cells = Array.Empty<int>();
    private int[] _cellEntry = Array.Empty<int>();
    private int[] _contested = Array.Empty<int>();

    public string Name => "recruitment";

    public void Step(ModelState s)
    {
        var p = s.P.Recruitment;
        _rng ??= new StreamRng(s.StreamKey(Streams.Recruitment));
        _age ??= new Normal(p.AgeMean, Math.Max(1e-9, p.AgeSd), _rng);
        var F = s.Factions;
        var pres = s.Presence;
        bool meanField = s.P.MeanField;
        double total = pres.Total;
        double capFactor = p.Capacity > 0 ? Math.Max(0, 1 - total / p.Capacity) : 1;
        if (!meanField && p.RecruitablePer1000 > 0)
        {
            double pool = p.RecruitablePer1000 * s.World.TotalPopulation / 1000.0;
            capFactor *= Math.Max(0, 1 - total / pool);
        }
        double demandFactor = Math.Pow(Math.Max(0, s.Policy.Demand), s.P.Economy.DemandElasticity);
        double prevention = 1 - Math.Clamp(s.Policy.PreventionEffect, 0, 1);
        var pop = s.World.Population;
        if (_contested.Length < F.Capacity) _contested = new int[F.Capacity];
        Array.Clear(_contested, 0, F.Capacity);
        if (!meanField)
            for (int e = 0; e < pres.EntryCountUsed; e++)
                if (s.Cells.Contested[pres.EntryCell[e]]) _contested[pres.EntryFaction[e]] += pres.EntryCount[e];
        for (int f = 0; f < F.Count; f++)
        {
            if (!F.Active[f]) continue;
            int cf = pres.FactionMembers[f];
            if (cf == 0) continue;
            double wageFactor = F.Unpaid[f] ? p.UnpaidFactor : 1;
            double bounds = capFactor * wageFactor * demandFactor * prevention;
            double expected = p.Rho * cf * bounds;
            if (!meanField)
                expected += p.Rho * cf * bounds * p.ContestedBoost * Math.Min(1, (double)_contested[f] / cf)
                    + p.LossReplacement * s.Losses[f] * bounds;
            int n = _rng.Poisson(expected);
            if (n == 0) continue;
            Place(s, f, n, pop);
            s.Counters.Recruits += n;
            s.Ledger.Recruited += n;
        }
    }

    /// <summary>Places n recruits of f in the cells it holds (or where it is present), weighted by population.</summary>
    private void Place(ModelState s, int f, int n, int[] pop)
    {
        var pres = s.Presence;
        var entries = pres.EntriesOf(f);
        if (_cum.Length < entries.Length)
        {
            int len = Math.Max(entries.Length, _cum.Length * 2);
            _cum = new double[len]; _cells = new int[len]; _cellEntry = new int[len];
        }
        int k = 0;
        double wsum = 0;
        for (int pass = 0; pass < 2 && k == 0; pass++)
            for (int j = 0; j < entries.Length; j++)
            {
                int c = pres.EntryCell[entries[j]];
                if (pass == 0 && s.Cells.Controller[c] != f) continue;
                wsum += pop[c] + 1;
                _cum[k] = wsum; _cells[k] = c; _cellEntry[k] = entries[j]; k++;
            }
        if (k == 0) return;
        for (int r = 0; r < n; r++)
        {
            double u = _rng!.NextDouble() * wsum;
            int lo = 0, hi = k - 1;
            while (lo < hi) { int mid = (lo + hi) >> 1; if (_cum[mid] < u) lo = mid + 1; else hi = mid; }
            int cell = _cells[lo];
            int unit = UnitFor(s, f, cell, _cellEntry[lo]);
            float age = (float)Math.Clamp(_age!.Sample(), 14, 60);
            float loyalty = (float)(0.3 + 0.7 * _rng.NextDouble());
            s.Members.Add(f, unit, cell, age, loyalty, s.Week);
        }
    }

    /// <summary>The unit a recruit of f in cell c joins: the unit holding the plaza, else a comrade's unit there.</summary>
    private int UnitFor(ModelState s, int f, int c, int entry)
    {
        var U = s.Units;
        int holder = s.Cells.HolderUnit[c];
        if (holder >= 0 && U.Active[holder] && U.Faction[holder] == f) return holder;
        var pres = s.Presence;
        int a = pres.EntryMemberStart[entry], b = pres.EntryMemberStart[entry + 1];
        if (b > a)
        {
            int u = s.Members.Unit[pres.MembersByEntry[a + _rng!.Next(b - a)]];
            if (u >= 0 && U.Active[u] && U.Faction[u] == f) return u;
        }
        var units = s.UnitsOf(f);
        return units.Length > 0 ? units[_rng!.Next(units.Length)] : -1;
    }
}
