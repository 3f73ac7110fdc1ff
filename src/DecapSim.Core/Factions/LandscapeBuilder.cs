using DecapSim.Core.Parameters;
using DecapSim.Core.Random;
using MathNet.Numerics.Distributions;

namespace DecapSim.Core.Factions;

/// <summary>
/// Builds the initial factions, their members (placed in cells), hierarchy (leader, heir, lieutenants and
/// their units) and relation networks, from the parameters and a random stream.
/// </summary>
public sealed class LandscapeBuilder
{
    private readonly ModelState _s;
    private readonly StreamRng _rng;

    public LandscapeBuilder(ModelState state, StreamRng rng)
    {
        _s = state; _rng = rng;
    }

    /// <summary>Names of the initial factions for a parameter set (used to validate timeline events).</summary>
    public static IReadOnlyList<string> InitialNames(ModelParameters p, IFactionNaming? naming = null)
    {
        naming ??= FactionNaming.Default;
        if (p.InitialFactions is { } data) return data.Factions.Select(f => f.Name).ToList();
        if (p.Factions.Landscape == Landscape.Year2007) return NamedGroups.Year2007.Select(g => g.Name).ToList();
        var names = new List<string>();
        for (int i = 0; i < p.Factions.Count; i++)
            names.Add(i < NamedGroups.PresentDay.Count ? NamedGroups.PresentDay[i].Name : naming.Unnamed(i + 1));
        return names;
    }

    /// <summary>Builds everything.</summary>
    public void Build()
    {
        var p = _s.P;
        var specs = Specs(p);
        var world = _s.World;
        double wagePerWeek = p.Economy.PoliceWage * p.Economy.CartelWageMultiplier * 12 / 52;
        for (int i = 0; i < specs.Count; i++)
        {
            var (name, size, home) = specs[i];
            double coh = Math.Clamp(p.Factions.CohesionMean + (_rng.NextDouble() - 0.5) * 0.3, 0.05, 0.95);
            int f = _s.Factions.Add(name, -1, 0, home, coh);
            _s.Factions.Treasury[f] = size * wagePerWeek * p.Factions.InitialTreasuryWeeks;
            _s.Factions.Arsenal[f] = size * p.Factions.InitialGunsPerMember;
            _s.Factions.Heavy[f] = _s.Factions.Arsenal[f] * p.Arms.HeavyShare;
            PlaceMembers(f, size, home);
        }
        BuildRelations(specs);
        for (int f = 0; f < _s.Factions.Count; f++) _s.Factions.RefreshAlliance(f);
    }

    private List<(string Name, int Size, int Home)> Specs(ModelParameters p)
    {
        var world = _s.World;
        var list = new List<(string, int, int)>();
        if (p.InitialFactions is { } data)
        {
            foreach (var f in data.Factions)
            {
                int r = p.MeanField ? 0 : world.FindRegion(f.Region);
                if (r < 0) r = RandomRegion();
                list.Add((f.Name, f.Members, r));
            }
            return list;
        }
        var named = p.Factions.Landscape == Landscape.Year2007 ? NamedGroups.Year2007 : NamedGroups.PresentDay;
        int count = p.Factions.Landscape == Landscape.Year2007 ? named.Count : p.Factions.Count;
        int total = p.Factions.InitialMembers;
        var shares = new double[count];
        double fixedShare = 0;
        int fixedCount = 0;
        for (int i = 0; i < count && i < named.Count; i++)
            if (named[i].Share > 0) { shares[i] = named[i].Share; fixedShare += named[i].Share; fixedCount++; }
        double zsum = 0;
        for (int i = fixedCount; i < count; i++) zsum += Math.Pow(i + 1, -p.Factions.ZipfExponent);
        for (int i = fixedCount; i < count; i++)
            shares[i] = zsum > 0 ? (1 - fixedShare) * Math.Pow(i + 1, -p.Factions.ZipfExponent) / zsum : 0;
        double ssum = shares.Sum();
        int assigned = 0;
        for (int i = 0; i < count; i++)
        {
            int size = i == count - 1 ? total - assigned : (int)Math.Round(total * shares[i] / ssum);
            size = Math.Max(size, 1);
            assigned += size;
            string name = i < named.Count ? named[i].Name : _s.Naming.Unnamed(i + 1);
            int home = i < named.Count ? world.FindRegion(named[i].Home) : -1;
            if (p.MeanField) home = 0;
            if (home < 0) home = RandomRegion();
            list.Add((name, size, home));
        }
        return list;
    }

    private int RandomRegion()
    {
        var world = _s.World;
        double total = 0;
        for (int r = 0; r < world.RegionCount; r++) total += world.RegionPopulation[r];
        double u = _rng.NextDouble() * total;
        for (int r = 0; r < world.RegionCount; r++)
        {
            u -= world.RegionPopulation[r];
            if (u <= 0) return r;
        }
        return world.RegionCount - 1;
    }

    private void PlaceMembers(int f, int size, int home)
    {
        var p = _s.P;
        var world = _s.World;
        var m = _s.Members;
        int nUnits = Math.Clamp((int)Math.Ceiling(size / p.Succession.SoldiersPerLieutenant), 1, p.Succession.MaxLieutenants);
        if (size < 3) nUnits = 0;
        var ageDist = new Normal(MemberTraits.InitialAgeMean, MemberTraits.InitialAgeSd, _rng);
        int first = -1;
        int[] units = new int[nUnits];
        for (int u = 0; u < nUnits; u++) units[u] = _s.Units.Add(f, -1);
        for (int k = 0; k < size; k++)
        {
            int region = ChooseRegion(home);
            int cell = ChooseCell(region);
            float age = (float)Math.Clamp(ageDist.Sample(), MemberTraits.InitialAgeMin, MemberTraits.InitialAgeMax);
            float loyalty = (float)(MemberTraits.LoyaltyMin + (1 - MemberTraits.LoyaltyMin) * _rng.NextDouble());
            int unit = nUnits > 0 ? units[k % nUnits] : -1;
            if (k == 0) unit = -1;
            int i = m.Add(f, unit, k == 0 ? HomeCell(home) : cell, age, loyalty);
            _s.Ledger.Initial++;
            if (k == 0) { first = i; m.Rank[i] = (byte)Rank.Leader; _s.Factions.Leader[f] = i; }
            else if (unit >= 0 && _s.Units.Lieutenant[unit] < 0)
            {
                m.Rank[i] = (byte)Rank.Lieutenant;
                _s.Units.Lieutenant[unit] = i;
            }
        }
        if (nUnits > 0 && _rng.NextDouble() < p.Factions.HeirShare)
            _s.Factions.Heir[f] = _s.Units.Lieutenant[units[0]];
        _s.Factions.PeakMembers[f] = size;
    }

    private int ChooseRegion(int home)
    {
        var world = _s.World;
        if (world.RegionCount == 1) return 0;
        double u = _rng.NextDouble();
        double h = _s.P.Factions.HomeConcentration;
        if (u < h) return home;
        var nb = world.RegionNeighbours[home];
        if (u < h + (1 - h) * 0.7 && nb.Length > 0) return nb[_rng.Next(nb.Length)];
        return RandomRegion();
    }

    private int HomeCell(int region)
    {
        // the most populous cell of the region (the leader's base)
        var cells = _s.World.RegionCells[region];
        int best = cells[0];
        foreach (var c in cells) if (_s.World.Population[c] > _s.World.Population[best]) best = c;
        return best;
    }

    private readonly Dictionary<int, double[]> _regionCum = new();

    /// <summary>A cell of the region, weighted by population and route value.</summary>
    private int ChooseCell(int region)
    {
        var cells = _s.World.RegionCells[region];
        if (cells.Length == 1) return cells[0];
        if (!_regionCum.TryGetValue(region, out var cum))
        {
            double avg = 0;
            foreach (var c in cells) avg += _s.World.RouteWeight[c];
            avg = avg / cells.Length + 1e-300;
            cum = new double[cells.Length];
            double total = 0;
            for (int k = 0; k < cells.Length; k++)
            {
                total += _s.World.Population[cells[k]] * (1 + _s.World.RouteWeight[cells[k]] / avg);
                cum[k] = total;
            }
            _regionCum[region] = cum;
        }
        double u = _rng.NextDouble() * cum[^1];
        int lo = 0, hi = cells.Length - 1;
        while (lo < hi) { int mid = (lo + hi) / 2; if (cum[mid] < u) lo = mid + 1; else hi = mid; }
        return cells[lo];
    }

    private void BuildRelations(List<(string Name, int Size, int Home)> specs)
    {
        var p = _s.P;
        var F = _s.Factions;
        int cap = F.Capacity;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int f = 0; f < specs.Count; f++) index.TryAdd(specs[f].Name, f);
        if (p.InitialFactions is { } data)
        {
            foreach (var e in data.Rivalries) if (index.TryGetValue(e.A, out var a) && index.TryGetValue(e.B, out var b) && a != b)
                FactionTable.SetSym(F.Rivalry, cap, a, b, Math.Max(F.Rivalry[F.Pair(a, b)], e.Weight));
            foreach (var e in data.Alliances) if (index.TryGetValue(e.A, out var a) && index.TryGetValue(e.B, out var b) && a != b)
                FactionTable.SetSym(F.Alliance, cap, a, b, Math.Max(F.Alliance[F.Pair(a, b)], e.Weight));
            return;
        }
        bool y2007 = p.Factions.Landscape == Landscape.Year2007;
        foreach (var (a, b) in y2007 ? NamedGroups.Year2007Rivalries : NamedGroups.PresentDayRivalries)
            if (index.TryGetValue(a, out var i) && index.TryGetValue(b, out var j)) FactionTable.SetSym(F.Rivalry, cap, i, j, 1);
        foreach (var (a, b) in y2007 ? NamedGroups.Year2007Alliances : NamedGroups.PresentDayAlliances)
            if (index.TryGetValue(a, out var i) && index.TryGetValue(b, out var j)) FactionTable.SetSym(F.Alliance, cap, i, j, 1);
        if (y2007) return;
        int n = specs.Count;
        AddRandomEdges(F.Rivalry, F.Alliance, n, p.Factions.RivalryEdges, p.Factions.RivalryCoverage);
        AddRandomEdges(F.Alliance, F.Rivalry, n, p.Factions.AllianceEdges, p.Factions.AllianceCoverage);
    }

    /// <summary>Adds random edges among a covered subset of groups, favouring big groups (weight ~ rank^-0.6),
    /// until the matrix holds <paramref name="edges"/> edges.</summary>
    private void AddRandomEdges(double[] m, double[] other, int n, int edges, double coverage)
    {
        int cap = _s.Factions.Capacity;
        int covered = Math.Clamp((int)Math.Round(coverage * n), Math.Min(n, 2), n);
        if (n < 2) return;
        // covered set: the biggest few always, the rest at random
        var order = Enumerable.Range(0, n).ToArray();
        var chosen = new List<int>();
        int always = Math.Min(covered, Math.Max(5, covered / 5));
        for (int i = 0; i < always; i++) chosen.Add(i);
        var rest = order.Skip(always).ToArray();
        for (int i = rest.Length - 1; i > 0; i--) { int j = _rng.Next(i + 1); (rest[i], rest[j]) = (rest[j], rest[i]); }
        chosen.AddRange(rest.Take(covered - always));
        var w = chosen.Select(i => Math.Pow(i + 1, -0.6)).ToArray();
        double wsum = w.Sum();
        int existing = 0;
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) if (m[a * cap + b] > 0) existing++;
        int maxEdges = chosen.Count * (chosen.Count - 1) / 2;
        int target = Math.Min(edges, maxEdges);
        int guard = 0;
        while (existing < target && guard++ < target * 200)
        {
            int a = chosen[Pick(w, wsum)], b = chosen[Pick(w, wsum)];
            if (a == b || m[a * cap + b] > 0 || other[a * cap + b] > 0) continue;
            FactionTable.SetSym(m, cap, a, b, 1);
            existing++;
        }
    }

    private int Pick(double[] w, double wsum)
    {
        double u = _rng.NextDouble() * wsum;
        for (int i = 0; i < w.Length; i++) { u -= w[i]; if (u <= 0) return i; }
        return w.Length - 1;
    }
}
