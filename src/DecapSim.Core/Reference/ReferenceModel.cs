using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.OdeSolvers;

namespace DecapSim.Core.Reference;

/// <summary>
/// The reference mean-field model of Prieto-Curiel, Campedelli &amp; Hope (Science 381, 2023), MODEL.md section 5:
/// <code>
///   dC_i/dt = C_i ( rho - eta / T - theta sum_j K_ij C_j - omega C_i ),   T = sum_j C_j,
///   K_ij = (R_ij + 1) / (A_i + 1),  K_ii = 0,
/// </code>
/// with time in weeks, solved with MathNet.Numerics' fourth-order Runge-Kutta
/// (<see cref="RungeKutta.FourthOrder(Vector{double}, double, double, int, Func{double, Vector{double}, Vector{double}})"/>)
/// and <see cref="StepsPerWeek"/> sub-steps a week.
/// <para>
/// The weekly flows (recruits rho T, arrests eta, cartel deaths theta sum_i C_i sum_j K_ij C_j, exits
/// omega sum_i C_i^2) are integrated over each week together with the sizes (four extra ODE components), so a
/// year's sum of a flow is exactly the model's flow over that year. Week w covers [w, w+1]; members are the
/// value at the end of the week (t = w + 1), like the agent-based model, which draws week w's events from the
/// state at the start of week w and reports the members left at its end.
/// </para>
/// </summary>
public sealed class ReferenceModel
{
    private readonly double[] _c0;
    private readonly double[] _k;     // n x n row-major, K_ii = 0
    private readonly int _n;

    /// <summary>Recruitment rate rho (recruits per member-week).</summary>
    public double Rho { get; }
    /// <summary>Incapacitation eta (arrests per week, a fixed count spread in proportion to size).</summary>
    public double Eta { get; }
    /// <summary>Conflict rate theta (deaths per member pair-week).</summary>
    public double Theta { get; }
    /// <summary>Saturation omega (exits per member^2-week).</summary>
    public double Omega { get; }
    /// <summary>Civilian victims per cartel death (only used for the reported total homicides).</summary>
    public double CiviliansPerCartelDeath { get; init; }
    /// <summary>Runge-Kutta sub-steps per week.</summary>
    public int StepsPerWeek { get; init; } = 8;
    /// <summary>Size below which a cartel does not count as active (the C_i &gt;= 1 convention).</summary>
    public double ActiveThreshold { get; init; } = 1.0;
    /// <summary>Names of the cartels (for reports), if known.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>Number of cartels.</summary>
    public int Count => _n;
    /// <summary>Initial sizes C_i(0).</summary>
    public IReadOnlyList<double> InitialSizes => _c0;
    /// <summary>Hostility K_ij.</summary>
    public double K(int i, int j) => _k[i * _n + j];

    /// <summary>A reference model from initial sizes and a hostility matrix (the diagonal is ignored: K_ii = 0).</summary>
    public ReferenceModel(double[] initialSizes, double[,] k, double rho, double eta, double theta, double omega)
    {
        ArgumentNullException.ThrowIfNull(initialSizes);
        ArgumentNullException.ThrowIfNull(k);
        _n = initialSizes.Length;
        if (k.GetLength(0) != _n || k.GetLength(1) != _n)
            throw new ArgumentException($"K must be {_n} x {_n}", nameof(k));
        _c0 = (double[])initialSizes.Clone();
        _k = new double[_n * _n];
        for (int i = 0; i < _n; i++)
            for (int j = 0; j < _n; j++)
                _k[i * _n + j] = i == j ? 0 : k[i, j];
        Rho = rho; Eta = eta; Theta = theta; Omega = omega;
    }

    /// <summary>
    /// The reference model of a freshly built simulation: the same initial factions (sizes =
    /// <c>State.Presence.FactionMembers</c> of the active factions), K_ij = <c>State.Factions.Hostility(i, j)</c>,
    /// and the rates of its parameters (see <see cref="RatesOf"/>).
    /// </summary>
    public static ReferenceModel FromSimulation(Simulation sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var s = sim.State;
        var F = s.Factions;
        var ids = new List<int>();
        for (int f = 0; f < F.Count; f++)
            if (F.Active[f] && s.Presence.FactionMembers[f] > 0) ids.Add(f);
        int n = ids.Count;
        var c0 = new double[n];
        var k = new double[n, n];
        var names = new string[n];
        for (int a = 0; a < n; a++)
        {
            c0[a] = s.Presence.FactionMembers[ids[a]];
            names[a] = F.Name[ids[a]];
            for (int b = 0; b < n; b++) k[a, b] = F.Hostility(ids[a], ids[b]);
        }
        var (rho, eta, theta, omega) = RatesOf(s.P);
        return new ReferenceModel(c0, k, rho, eta, theta, omega)
        {
            CiviliansPerCartelDeath = s.P.Conflict.CiviliansPerCartelDeath,
            Names = names,
        };
    }

    /// <summary>
    /// The reference rates implied by a parameter set at week 0: rho = Recruitment.Rho x Demand^DemandElasticity
    /// x (1 - PreventionEffect) (what the agent-based recruitment uses for a paid faction without a carrying
    /// capacity), eta = Enforcement.Eta x ArrestMultiplier, theta = Conflict.Theta, omega = Exits.Omega.
    /// Recruitment.Capacity, timeline events and every mechanism outside section 5 are ignored.
    /// </summary>
    public static (double Rho, double Eta, double Theta, double Omega) RatesOf(ModelParameters p)
    {
        double rho = p.Recruitment.Rho * Math.Pow(Math.Max(0, p.Economy.Demand), p.Economy.DemandElasticity)
                     * (1 - Math.Clamp(p.Recruitment.PreventionEffect, 0, 1));
        return (rho, p.Enforcement.Eta * p.Enforcement.ArrestMultiplier, p.Conflict.Theta, p.Exits.Omega);
    }

    /// <summary>
    /// Builds replicate 0 of (p, master seed) for its initial factions (the same as `run` with this seed) and solves the reference model for
    /// <c>p.Weeks</c> weeks. For the CLI.
    /// </summary>
    public static IReadOnlyList<WeeklyMetrics> Run(ModelParameters p, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(p);
        return FromSimulation(new Simulation(p, Seeds.ForReplicate(seed, 0))).Solve(p.Weeks).Metrics;
    }

    /// <summary>Right-hand side dC_i/dt (no flow components); for tests.</summary>
    public double[] Derivative(double[] c)
    {
        var y = Vector<double>.Build.Dense(_n + FlowCount);
        for (int i = 0; i < _n; i++) y[i] = c[i];
        var d = Rhs(0, y);
        var r = new double[_n];
        for (int i = 0; i < _n; i++) r[i] = d[i];
        return r;
    }

    /// <summary>Instantaneous weekly flows at sizes <paramref name="c"/>: recruits rho T, arrests eta (for T &gt; 0),
    /// cartel deaths theta sum_i C_i sum_j K_ij C_j and exits omega sum_i C_i^2.</summary>
    public (double Recruits, double Arrests, double Deaths, double Exits) Flows(double[] c)
    {
        var y = Vector<double>.Build.Dense(_n + FlowCount);
        for (int i = 0; i < _n; i++) y[i] = c[i];
        var d = Rhs(0, y);
        return (d[_n], d[_n + 1], d[_n + 2], d[_n + 3]);
    }

    private const int FlowCount = 4; // recruits, arrests, cartel deaths, exits

    private Vector<double> Rhs(double t, Vector<double> y)
    {
        int n = _n;
        var d = Vector<double>.Build.Dense(n + FlowCount);
        double total = 0;
        for (int i = 0; i < n; i++) total += Math.Max(0, y[i]);
        double arrestRate = total > 0 ? Eta / total : 0;
        double recruits = 0, arrests = 0, deaths = 0, exits = 0;
        var k = _k;
        for (int i = 0; i < n; i++)
        {
            double ci = Math.Max(0, y[i]);
            if (ci == 0) continue;
            double pressure = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) pressure += k[row + j] * Math.Max(0, y[j]);
            double death = Theta * pressure * ci;
            double exit = Omega * ci * ci;
            double arrest = Math.Min(arrestRate, 1e6) * ci;
            double recruit = Rho * ci;
            d[i] = recruit - arrest - death - exit;
            recruits += recruit; arrests += arrest; deaths += death; exits += exit;
        }
        d[n] = recruits; d[n + 1] = arrests; d[n + 2] = deaths; d[n + 3] = exits;
        return d;
    }

    /// <summary>Solves <paramref name="weeks"/> weeks and returns the weekly metrics, exits and sizes.</summary>
    public ReferenceTrajectory Solve(int weeks)
    {
        if (weeks < 0) throw new ArgumentOutOfRangeException(nameof(weeks));
        int n = _n;
        var metrics = new WeeklyMetrics[weeks];
        var exits = new double[weeks];
        var sizes = new double[weeks + 1][];
        sizes[0] = (double[])_c0.Clone();
        var y = Vector<double>.Build.Dense(n + FlowCount);
        for (int i = 0; i < n; i++) y[i] = _c0[i];
        int steps = Math.Max(1, StepsPerWeek);
        Func<double, Vector<double>, Vector<double>> rhs = Rhs;
        for (int w = 0; w < weeks; w++)
        {
            for (int f = 0; f < FlowCount; f++) y[n + f] = 0;
            // FourthOrder returns N points from start to end inclusive: N - 1 steps of (end - start) / (N - 1)
            var path = RungeKutta.FourthOrder(y, w, w + 1, steps + 1, rhs);
            y = path[^1];
            for (int i = 0; i < n; i++) if (y[i] < 0) y[i] = 0;
            var c = new double[n];
            for (int i = 0; i < n; i++) c[i] = y[i];
            sizes[w + 1] = c;
            double deaths = y[n + 2];
            metrics[w] = Observe(w, c, y[n], y[n + 1], deaths);
            exits[w] = y[n + 3];
        }
        return new ReferenceTrajectory(metrics, exits, sizes);
    }

    private WeeklyMetrics Observe(int week, double[] c, double recruits, double arrests, double deaths)
    {
        double total = 0, largest = 0, sumSq = 0;
        int active = 0;
        foreach (var x in c)
        {
            total += x;
            if (x > largest) largest = x;
            if (x >= ActiveThreshold) active++;
        }
        if (total > 0) foreach (var x in c) { double sh = x / total; sumSq += sh * sh; }
        double civ = deaths * CiviliansPerCartelDeath;
        return new WeeklyMetrics
        {
            Week = week,
            Homicides = deaths + civ,
            HomicidesCartel = deaths,
            HomicidesCivilian = civ,
            // mechanisms the reference model does not have: zero
            HomicidesState = 0,
            StateForcesKilled = 0,
            Blockades = 0,
            Releases = 0,
            NewSplinters = 0,
            Arrests = arrests,
            Recruits = recruits,
            Members = total,
            ActiveFactions = active,
            EffectiveFactions = sumSq > 0 ? 1 / sumSq : 0,
            LargestShare = total > 0 ? largest / total : 0,
            // quantities the reference model does not define: NaN
            Imprisoned = double.NaN,
            RivalPairsInContact = double.NaN,
            ContestedCells = double.NaN,
            HomicidesContested = double.NaN,
            RevenueUsd = double.NaN,
            ArmsAcquired = double.NaN,
            ArmsInterdicted = double.NaN,
            MeanCorruption = double.NaN,
            MeanPoliceCapacity = double.NaN,
            UsTrust = double.NaN,
        };
    }
}

/// <summary>
/// A solved reference model. <see cref="Metrics"/>[w] describes week w (flows integrated over [w, w+1], members
/// at t = w + 1). Filled columns: Members, Recruits, Arrests, HomicidesCartel, HomicidesCivilian
/// (= cartel deaths x CiviliansPerCartelDeath), Homicides (cartel + civilian), ActiveFactions (C_i &gt;= 1),
/// EffectiveFactions (1 / sum of squared member shares; note the agent-based observer uses territory shares),
/// LargestShare (of members). Zero (mechanisms absent from the reference model): HomicidesState,
/// StateForcesKilled, Blockades, Releases, NewSplinters. NaN (not defined): Imprisoned, RivalPairsInContact,
/// ContestedCells, HomicidesContested, RevenueUsd, ArmsAcquired, ArmsInterdicted, MeanCorruption, MeanPoliceCapacity, UsTrust.
/// </summary>
/// <param name="Metrics">Weekly metrics, weeks 0..n-1.</param>
/// <param name="Exits">Weekly exits omega sum C_i^2 integrated over each week.</param>
/// <param name="Sizes">Cartel sizes: Sizes[0] = initial, Sizes[w + 1] = end of week w.</param>
public sealed record ReferenceTrajectory(WeeklyMetrics[] Metrics, double[] Exits, double[][] Sizes);
