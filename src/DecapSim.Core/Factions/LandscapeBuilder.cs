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
    /// <summary>Regions (besides home) where public reporting places a named faction, by faction index.</summary>
    private readonly Dictionary<int, int[]> _presence = new();

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
        double wagePerWeek = _s.Policy[Timeline.PolicyLever.PoliceWage] * p.Economy.CartelWageMultiplier * 12 / 52;
        for (int i = 0; i < specs.Count; i++)
        {
            var (name, size, home) = specs[i];
            double coh = Math.Clamp(p.Factions.CohesionMean + (_rng.NextDouble() - 0.5) * 0.3, 0.05, 0.95);
            int f = _s.Factions.Add(name, -1, 0, home, coh);
            _s.Factions.Treasury[f] = size * wagePerWeek * p.Factions.InitialTreasuryWeeks;
            _s.Factions.Arsenal[f] = size * p.Factions.InitialGunsPerMember;
            _s.Factions.Heavy[f] = _s.Factions.Arsenal[f] * p.Arms.HeavyShare;
        }
        var plazas = new TerritoryAllocation(_s, _rng, this).Allocate(specs);
        for (int f = 0; f < specs.Count; f++) PlaceMembers(f, specs[f].Size, specs[f].Home, plazas[f]);
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
            if (!p.MeanField && i < named.Count && named[i].Presence is { } presence)
                _presence[list.Count] = presence.Select(world.FindRegion).Where(r => r >= 0).ToArray();
            if (home < 0) home = RandomRegion();
            list.Add((name, size, home));
        }
        return list;
    }

    /// <summary>A random region: by population, or (a share <c>HomeByRouteValue</c> of the weight) by route value.</summary>
    private int RandomRegion()
    {
        var world = _s.World;
        double u = _rng.NextDouble();
        double total = 0;
        for (int r = 0; r < world.RegionCount; r++) total += RegionWeight(r);
        u *= total;
        for (int r = 0; r < world.RegionCount; r++)
        {
            u -= RegionWeight(r);
            if (u <= 0) return r;
        }
        return world.RegionCount - 1;
    }

    private double[]? _regionRoute;

    /// <summary>Weight of region r for random homes and spread: population share mixed with route-value share.</summary>
    internal double RegionWeight(int r)
    {
        var world = _s.World;
        if (_regionRoute is null)
        {
            _regionRoute = new double[world.RegionCount];
            double t = 0;
            for (int c = 0; c < world.CellCount; c++) { _regionRoute[world.Region[c]] += world.RouteWeight[c]; t += world.RouteWeight[c]; }
            if (t > 0) for (int k = 0; k < _regionRoute.Length; k++) _regionRoute[k] /= t;
        }
        double h = _s.P.Factions.HomeByRouteValue;
        double pop = world.TotalPopulation > 0 ? (double)world.RegionPopulation[r] / world.TotalPopulation : 1.0 / world.RegionCount;
        return (1 - h) * pop + h * _regionRoute[r];
    }

    /// <summary>Share of a faction's members placed in region r (home, its neighbours, anywhere by region weight).</summary>
    internal double Spread(int f, int home, int r)
    {
        var world = _s.World;
        if (world.RegionCount == 1) return 1;
        double h = _s.P.Factions.HomeConcentration;
        var nb = Near(f, home);
        double nearShare = nb.Length > 0 ? NeighbourShare : 0;
        double total = 0;
        for (int k = 0; k < world.RegionCount; k++) total += RegionWeight(k);
        double w = (1 - h) * (1 - nearShare) * RegionWeight(r) / total;
        if (r == home) w += h;
        if (Array.IndexOf(nb, r) >= 0) w += (1 - h) * nearShare / nb.Length;
        return w;
    }

    /// <summary>Of the members placed away from home, the share in neighbouring regions (the rest anywhere).</summary>
    public const double NeighbourShare = 0.7;

    /// <summary>Placement weight of a cell within its region: population, more where route value is high.</summary>
    internal double CellWeight(int c)
    {
        var world = _s.World;
        if (_regionAvgRoute is null)
        {
            _regionAvgRoute = new double[world.RegionCount];
            for (int r = 0; r < world.RegionCount; r++)
            {
                double avg = 0;
                foreach (var x in world.RegionCells[r]) avg += world.RouteWeight[x];
                _regionAvgRoute[r] = avg / Math.Max(1, world.RegionCells[r].Length) + 1e-300;
            }
        }
        return (world.Population[c] + 1.0) * (1 + world.RouteWeight[c] / _regionAvgRoute[world.Region[c]]);
    }
    private double[]? _regionAvgRoute;

    /// <summary>
    /// Places a faction's members in its plazas: a member's region follows the faction's spread (home, neighbours,
    /// anywhere); its cell is one of the faction's plazas there (weighted by <see cref="CellWeight"/>), or any of its
    /// plazas when it holds none in that region. The plazas, sorted by region and cell, are cut into the units'
    /// territories (about equal members each), so each lieutenant's soldiers live together. The leader sits in
    /// the faction's best plaza at home.
    /// </summary>
    private void PlaceMembers(int f, int size, int home, List<int> plazas)
    {
        var p = _s.P;
        var m = _s.Members;
        var world = _s.World;
        if (plazas.Count == 0) plazas.Add(world.RegionCells[home][0]);
        plazas.Sort((a, b) => world.Region[a] != world.Region[b] ? world.Region[a].CompareTo(world.Region[b]) : a.CompareTo(b));
        // plazas by region, with cumulative weights
        var byRegion = new Dictionary<int, (int Start, int End)>();
        var cum = new double[plazas.Count];
        double run = 0;
        int lastRegion = -1, start = 0;
        for (int k = 0; k < plazas.Count; k++)
        {
            int r = world.Region[plazas[k]];
            if (r != lastRegion) { if (lastRegion >= 0) byRegion[lastRegion] = (start, k); start = k; lastRegion = r; run = 0; }
            run += CellWeight(plazas[k]);
            cum[k] = run;
        }
        byRegion[lastRegion] = (start, plazas.Count);
        var all = new double[plazas.Count];
        run = 0;
        for (int k = 0; k < plazas.Count; k++) { run += CellWeight(plazas[k]); all[k] = run; }

        var ageDist = new Normal(MemberTraits.InitialAgeMean, MemberTraits.InitialAgeSd, _rng);
        var cellOf = new int[size];
        var perPlaza = new int[plazas.Count];
        for (int k = 1; k < size; k++)
        {
            int region = ChooseRegion(f, home);
            int idx;
            if (byRegion.TryGetValue(region, out var range)) idx = Pick(cum, range.Start, range.End);
            else idx = Pick(all, 0, plazas.Count);
            cellOf[k] = idx;
            perPlaza[idx]++;
        }
        // leader: the faction's best plaza at home (else its best plaza)
        int leaderPlaza = 0;
        double bestW = -1;
        bool homeFound = byRegion.ContainsKey(home);
        for (int k = 0; k < plazas.Count; k++)
        {
            if (homeFound && world.Region[plazas[k]] != home) continue;
            double w = CellWeight(plazas[k]);
            if (w > bestW) { bestW = w; leaderPlaza = k; }
        }
        cellOf[0] = leaderPlaza;
        // units: cut the sorted plazas into runs of about equal membership
        int used = 0;
        for (int k = 0; k < plazas.Count; k++) if (perPlaza[k] > 0) used++;
        int nUnits = size < HierarchyMinMembers ? 0 : Math.Clamp((int)Math.Ceiling(size / p.Succession.SoldiersPerLieutenant), 1, p.Succession.MaxLieutenants);
        nUnits = Math.Min(nUnits, Math.Max(1, used));
        var unitOfPlaza = new int[plazas.Count];
        if (nUnits > 0)
        {
            var units = new int[nUnits];
            for (int u = 0; u < nUnits; u++) units[u] = _s.Units.Add(f, -1);
            int seen = 0, cut = 0;
            for (int k = 0; k < plazas.Count; k++)
            {
                int u = Math.Min(nUnits - 1, (int)((long)seen * nUnits / Math.Max(1, size - 1)));
                if (perPlaza[k] > 0) { cut = u; seen += perPlaza[k]; }
                unitOfPlaza[k] = units[cut];
            }
        }
        for (int k = 0; k < size; k++)
        {
            int idx = cellOf[k];
            int cell = plazas[idx];
            float age = (float)Math.Clamp(ageDist.Sample(), MemberTraits.InitialAgeMin, MemberTraits.InitialAgeMax);
            float loyalty = (float)(MemberTraits.LoyaltyMin + (1 - MemberTraits.LoyaltyMin) * _rng.NextDouble());
            int unit = nUnits > 0 && k > 0 ? unitOfPlaza[idx] : -1;
            int i = m.Add(f, unit, cell, age, loyalty);
            _s.Ledger.Initial++;
            if (k == 0) { m.Rank[i] = (byte)Rank.Leader; _s.Factions.Leader[f] = i; }
            else if (unit >= 0 && _s.Units.Lieutenant[unit] < 0)
            {
                m.Rank[i] = (byte)Rank.Lieutenant; // (Add has touched the slot)
                _s.Units.Lieutenant[unit] = i;
            }
        }
        // a unit whose plazas drew no member has no one to head it: it never starts
        for (int u = 0; u < _s.Units.Count; u++)
            if (_s.Units.Faction[u] == f && _s.Units.Lieutenant[u] < 0) _s.Units.Active[u] = false;
        var cells = _s.Cells;
        for (int k = 0; k < plazas.Count; k++)
            if (nUnits > 0 && cells.Controller[plazas[k]] == f && _s.Units.Active[unitOfPlaza[k]]) cells.HolderUnit[plazas[k]] = unitOfPlaza[k];
        if (nUnits > 0)
        {
            // the heir: a lieutenant of a random unit
            if (_rng.NextDouble() < p.Factions.HeirShare)
            {
                var fu = new List<int>();
                for (int u = 0; u < _s.Units.Count; u++) if (_s.Units.Faction[u] == f && _s.Units.Lieutenant[u] >= 0) fu.Add(u);
                if (fu.Count > 0) _s.Factions.Heir[f] = _s.Units.Lieutenant[fu[_rng.Next(fu.Count)]];
            }
        }
        _s.Factions.PeakMembers[f] = size;
    }

    /// <summary>Smallest faction that gets lieutenants at the start.</summary>
    public const int HierarchyMinMembers = 3;

    /// <summary>An index in [a, b) drawn by the cumulative weights cum[a..b) (which start from 0 at a).</summary>
    private int Pick(double[] cum, int a, int b)
    {
        double u = _rng.NextDouble() * cum[b - 1];
        int lo = a, hi = b - 1;
        while (lo < hi) { int mid = (lo + hi) / 2; if (cum[mid] < u) lo = mid + 1; else hi = mid; }
        return lo;
    }

    /// <summary>The regions a faction's members away from home go to first: where public reporting places it,
    /// else its home's neighbours.</summary>
    private int[] Near(int f, int home) =>
        _presence.TryGetValue(f, out var list) && list.Length > 0 ? list : _s.World.RegionNeighbours[home];

    internal int ChooseRegion(int f, int home)
    {
        var world = _s.World;
        if (world.RegionCount == 1) return 0;
        double u = _rng.NextDouble();
        double h = _s.P.Factions.HomeConcentration;
        if (u < h) return home;
        var nb = Near(f, home);
        if (u < h + (1 - h) * NeighbourShare && nb.Length > 0) return nb[_rng.Next(nb.Length)];
        return RandomRegion();
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
