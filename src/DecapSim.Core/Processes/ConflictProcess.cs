using DecapSim.Core.Factions;
using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 5: armed conflict.
/// <para>Well-mixed world (the reference model): the weekly death hazard of a member of f is
/// theta sum_g K_fg C_g with K_fg = (R_fg + W_fg + 1)/(A_f + 1), Prieto-Curiel et al. (2023).</para>
/// <para>Spatial world (v2): violence grows with the number of rival dyads in contact, not with the square of
/// crowding. For a member of f in cell c, each group g present in c or an adjacent cell (weight w) adds
/// theta_d x K_fg x lambda_g x n_g / (n_f + n_g), where n are the presences near c and
/// K_fg = (BaseHostility + R_fg + W_fg)/(A_f + 1) (allies have no base hostility). A member facing one dominant
/// rival of hostility 1 has hazard theta_d; facing an equal one, theta_d / 2. Civilian victims follow cartel
/// deaths, more where splinters and groups that lost their route income operate (predation).</para>
/// </summary>
public sealed class ConflictProcess : IProcess
{
    private double[] _hazard = Array.Empty<double>();
    /// <summary>Rival pairs seen this week, one bit per (f, g) of the capacity x capacity square (fits in cache).</summary>
    private ulong[] _pairSeen = Array.Empty<ulong>();
    private int[] _seenList = Array.Empty<int>();
    private StreamRng? _rng;

    public string Name => "conflict";

    public void Step(ModelState s)
    {
        _rng ??= new StreamRng(s.StreamKey(Streams.Conflict));
        var p = s.P.Conflict;
        var pres = s.Presence;
        var F = s.Factions;
        var world = s.World;
        int entries = pres.EntryCountUsed;
        if (_hazard.Length < entries) _hazard = new double[Math.Max(entries, _hazard.Length * 2)];
        int cap = F.Capacity;
        if (_pairSeen.Length * 64L < (long)cap * cap) { _pairSeen = new ulong[((long)cap * cap + 63) / 64]; _seenList = new int[1024]; }
        double w = p.AdjacentWeight;
        double theta = s.P.MeanField ? p.Theta : p.DyadRate;
        if (s.P.MeanField) BuildRivalLists(s);
        int C = world.CellCount;
        // the hazards are a pure function of this week's snapshot, cell by cell: big worlds compute them in
        // parallel over fixed blocks of cells (results do not depend on the partition or the thread count)
        int blocks = BlocksForTests ?? (C >= ParallelCells ? Blocks : 1);
        while (_scratch.Count < blocks) _scratch.Add(new Scratch());
        foreach (var sc in _scratch) sc.Ensure(cap);
        int seen = 0;
        _scratch[0].Direct = s.P.MeanField;
        if (s.P.MeanField) { Hazards(s, 0, C, theta, w, _scratch[0]); seen = _seenDirect; _seenDirect = 0; }
        else if (blocks == 1) { BuildDyadMatrix(s); DyadHazards(s, 0, C, theta, w, _scratch[0]); }
        else { BuildDyadMatrix(s); s.ForBlocks(blocks, b => DyadHazards(s, (int)((long)C * b / blocks), (int)((long)C * (b + 1) / blocks), theta, w, _scratch[b])); }
        for (int b = 0; b < blocks; b++)
        {
            var pairs = _scratch[b].Pairs;
            for (int i = 0; i < pairs.Count; i++) MarkPair(pairs[i], ref seen);
            pairs.Clear();
        }
        s.Counters.RivalPairsInContact = seen;
        for (int i = 0; i < seen; i++) _pairSeen[_seenList[i] >> 6] = 0;

        // deaths: a count per entry from the entry's own stream, then that many of its members
        ulong key = s.StreamKey(Streams.Conflict);
        var cellDeaths = s.Cells.CartelDeaths;
        for (int e = 0; e < entries; e++)
        {
            double h = _hazard[e];
            if (h <= 0) continue;
            int k = _draws.CountAndSeed(key, s.Week, e, pres.EntryCount[e], h, out var rng);
            for (int j = 0; j < k; j++)
            {
                int i = EntryDraws.PickActive(s, rng, e);
                if (i < 0) break;
                cellDeaths[s.Members.Cell[i]]++;
                Ops.Kill(s, i);
            }
        }
        if (p.CiviliansPerCartelDeath > 0)
        {
            Predation(s);
            var civ = s.Cells.Civilians;
            for (int c = 0; c < cellDeaths.Length; c++)
                if (cellDeaths[c] > 0) civ[c] += _rng.Poisson(p.CiviliansPerCartelDeath * PredationIn(s, c) * cellDeaths[c]);
        }
    }

    private double[] _predation = Array.Empty<double>();

    /// <summary>Per faction: civilian victims per cartel death relative to a paid, unfragmented group,
    /// 1 + SplinterPredation [f is a splinter] + IncomeLossPredation x (share of f's wage bill its revenue misses)
    /// (Calderon et al. 2015; Jones 2013). 1 in the well-mixed world.</summary>
    private void Predation(ModelState s)
    {
        var F = s.Factions;
        var p = s.P.Conflict;
        if (_predation.Length < F.Capacity) _predation = new double[F.Capacity];
        double wage = s.Policy.PoliceWage * s.P.Economy.CartelWageMultiplier * 12.0 / 52.0;
        var members = s.Presence.FactionMembers;
        for (int f = 0; f < F.Count; f++)
        {
            if (s.P.MeanField || !F.Active[f]) { _predation[f] = 1; continue; }
            double bill = members[f] * wage;
            double shortfall = bill > 0 ? Math.Clamp(1 - s.Revenue[f] / bill, 0, 1) : 0;
            _predation[f] = 1 + (F.Parent[f] >= 0 ? p.SplinterPredation : 0) + p.IncomeLossPredation * shortfall;
        }
    }

    /// <summary>Presence-weighted mean predation multiplier of the groups in cell c.</summary>
    private double PredationIn(ModelState s, int c)
    {
        var pres = s.Presence;
        double n = 0, sum = 0;
        for (int e = pres.CellEntryStart[c]; e < pres.CellEntryStart[c + 1]; e++)
        {
            n += pres.EntryCount[e];
            sum += pres.EntryCount[e] * _predation[pres.EntryFaction[e]];
        }
        return n > 0 ? sum / n : 1;
    }

    /// <summary>This week's predation multiplier of faction f (for tests).</summary>
    internal double PredationOf(int f) => _predation[f];

    private readonly EntryDraws _draws = new();
    private readonly List<Scratch> _scratch = new();

    /// <summary>Worlds with at least this many cells compute the weekly hazards in parallel.</summary>
    public const int ParallelCells = 50_000;
    private const int Blocks = 16;

    /// <summary>Per-block working memory: presence near the current cell by faction, and the rival pairs seen.</summary>
    private sealed class Scratch
    {
        public double[] Near = Array.Empty<double>();
        public double[] Count = Array.Empty<double>();
        public int[] Touched = Array.Empty<int>();
        public readonly List<int> Pairs = new(256);
        /// <summary>Sequential run: mark pairs straight into the process's seen set instead of listing them.</summary>
        public bool Direct;
        /// <summary>The groups near the current cell, side by side: presence weighted by lethality, presence, dyad rank.</summary>
        public double[] TouchedNear = Array.Empty<double>(), TouchedCount = Array.Empty<double>();
        public int[] TouchedIndex = Array.Empty<int>();
        public void Ensure(int cap)
        {
            // Touched has one spare slot: a repeated group is written past the list before it is (not) counted
            if (Near.Length < cap) { Near = new double[cap]; Count = new double[cap]; Touched = new int[cap + 1]; }
        }
        public void EnsureTouched(int cap)
        {
            if (TouchedNear.Length < cap) { TouchedNear = new double[cap]; TouchedCount = new double[cap]; TouchedIndex = new int[cap]; }
        }
    }

    /// <summary>Death hazards of the entries of cells [c0, c1), and the rival pairs in contact there.</summary>
    private void Hazards(ModelState s, int c0, int c1, double theta, double w, Scratch sc)
    {
        var pres = s.Presence;
        var F = s.Factions;
        var world = s.World;
        int cap = F.Capacity;
        var leth = s.Lethality;
        var invAlly = F.InvAlly;
        var near = sc.Near;
        var touchedList = sc.Touched;
        for (int c = c0; c < c1; c++)
        {
            int e0 = pres.CellEntryStart[c], e1 = pres.CellEntryStart[c + 1];
            if (e0 == e1) continue;
            // armed presence near c, by faction: same cell weight 1, adjacent cells weight w
            int touched = 0;
            double total = 0;
            for (int k = e0; k < e1; k++) Touch(sc, pres.EntryFaction[k], leth[pres.EntryFaction[k]] * pres.EntryCount[k], ref touched, ref total);
            if (w > 0)
            {
                int a0 = world.AdjacencyStart[c], a1 = world.AdjacencyStart[c + 1];
                for (int a = a0; a < a1; a++)
                {
                    int c2 = world.Adjacency[a];
                    for (int k = pres.CellEntryStart[c2]; k < pres.CellEntryStart[c2 + 1]; k++)
                        Touch(sc, pres.EntryFaction[k], w * leth[pres.EntryFaction[k]] * pres.EntryCount[k], ref touched, ref total);
                }
            }
            // pressure on f = sum over g != f of (R_fg + War_fg + 1) x near_g = (total - near_f) + sum over f's rivals of (R + War) x near_g
            for (int e = e0; e < e1; e++)
            {
                int f = pres.EntryFaction[e];
                double pressure = total - near[f];
                int r0 = _rivalStart[f], r1 = _rivalStart[f + 1];
                if (r1 - r0 <= touched)
                {
                    for (int k = r0; k < r1; k++)
                    {
                        int g = _rivalTarget[k];
                        double ng = near[g];
                        if (ng <= 0) continue;
                        pressure += _rivalWeight[k] * ng;
                        if (f < g) { if (sc.Direct) MarkPair(f * cap + g, ref _seenDirect); else sc.Pairs.Add(f * cap + g); }
                    }
                }
                else
                {
                    // fewer factions nearby than rivals: look the nearby ones up in this week's compact matrix
                    int row = f * cap, hrow = f * _hostileStride;
                    for (int t = 0; t < touched; t++)
                    {
                        int g = touchedList[t];
                        double r = _hostile[hrow + g];
                        if (r <= 0 || g == f) continue;
                        pressure += r * near[g];
                        if (f < g) { if (sc.Direct) MarkPair(row + g, ref _seenDirect); else sc.Pairs.Add(row + g); }
                    }
                }
                _hazard[e] = Math.Min(1.0, theta * invAlly[f] * pressure);
            }
            for (int t = 0; t < touched; t++) near[touchedList[t]] = 0;
        }
    }
    /// <summary>Spatial (v2) death hazards of the entries of cells [c0, c1): one term per rival dyad near the
    /// cell, K_fg lambda_g n_g / (n_f + n_g), and the rival pairs in contact there.</summary>
    private void DyadHazards(ModelState s, int c0, int c1, double theta, double w, Scratch sc)
    {
        var pres = s.Presence;
        var F = s.Factions;
        var world = s.World;
        var contested = s.Cells.Contested;
        int cap = F.Capacity;
        var near = sc.Near;
        var count = sc.Count;
        var touchedList = sc.Touched;
        var cellEntry = pres.CellEntryStart;
        var entryFaction = pres.EntryFaction;
        var entryCount = pres.EntryCount;
        var adjStart = world.AdjacencyStart;
        var adj = world.Adjacency;
        var front = s.FrontLethality;
        var calm = s.Lethality;
        var index = _dyadIndex;
        var dyads = _dyads;
        var invAlly = F.InvAlly;
        var hazard = _hazard;
        var pairs = sc.Pairs;
        int stride = _dyadStride;
        sc.EnsureTouched(cap);
        var tNear = sc.TouchedNear;
        var tCount = sc.TouchedCount;
        var tIndex = sc.TouchedIndex;
        for (int c = c0; c < c1; c++)
        {
            int e0 = cellEntry[c], e1 = cellEntry[c + 1];
            if (e0 == e1) continue;
            int touched = 0;
            var leth = contested[c] ? front : calm;
            for (int k = e0; k < e1; k++)
            {
                int g = entryFaction[k];
                double n = entryCount[k];
                // appended without a branch: whether a group is new to the cell is unpredictable
                touchedList[touched] = g;
                touched += count[g] == 0 ? 1 : 0;
                count[g] += n;
                near[g] += leth[g] * n;
            }
            if (w > 0)
            {
                int a0 = adjStart[c], a1 = adjStart[c + 1];
                for (int a = a0; a < a1; a++)
                {
                    int c2 = adj[a];
                    var leth2 = contested[c2] ? front : calm;
                    for (int k = cellEntry[c2], k1 = cellEntry[c2 + 1]; k < k1; k++)
                    {
                        int g = entryFaction[k];
                        double n = w * entryCount[k];
                        touchedList[touched] = g;
                        touched += count[g] == 0 ? 1 : 0;
                        count[g] += n;
                        near[g] += leth2[g] * n;
                    }
                }
            }
            if (touched < 2) { for (int t = 0; t < touched; t++) { near[touchedList[t]] = 0; count[touchedList[t]] = 0; } for (int e = e0; e < e1; e++) hazard[e] = 0; continue; }
            // the nearby groups side by side, then cleared for the next cell
            for (int t = 0; t < touched; t++)
            {
                int g = touchedList[t];
                tNear[t] = near[g]; tCount[t] = count[g]; tIndex[t] = index[g];
                near[g] = 0; count[g] = 0;
            }
            for (int e = e0; e < e1; e++)
            {
                int f = entryFaction[e];
                int row = f * cap, drow = index[f] * stride;
                double nf = 0;
                for (int t = 0; t < touched; t++) if (touchedList[t] == f) { nf = tCount[t]; break; }
                double pressure = 0;
                for (int t = 0; t < touched; t++)
                {
                    int g = touchedList[t];
                    if (g == f) continue;
                    ref var d = ref dyads[drow + tIndex[t]];
                    double k = d.K;
                    if (k <= 0) continue;
                    pressure += k * tNear[t] / (nf + tCount[t]);
                    if (d.R > 0 && f < g) pairs.Add(row + g);
                }
                hazard[e] = Math.Min(1.0, theta * invAlly[f] * pressure);
            }
        }
    }

    /// <summary>This week's R_fg + War_fg and dyad hostility K_fg (R + War, plus BaseHostility unless allied) of a
    /// pair of factions present in this week's snapshot (the only ones looked up), side by side.</summary>
    private struct Dyad
    {
        public double R, K;
    }

    /// <summary>Dyads of the present factions, indexed by their rank among them (<see cref="_dyadIndex"/>), stride =
    /// their count: the per-cell loop reads one compact array (one cache line a pair) instead of three
    /// capacity x capacity matrices (same values, computed the same way).</summary>
    private Dyad[] _dyads = Array.Empty<Dyad>();
    private int[] _dyadIndex = Array.Empty<int>();
    private int[] _present = Array.Empty<int>();
    private int _dyadStride;

    private void BuildDyadMatrix(ModelState s)
    {
        var F = s.Factions;
        int n = F.Count, cap = F.Capacity;
        double baseH = s.P.Conflict.BaseHostility;
        var present = s.Presence.FactionMembers;
        if (_dyadIndex.Length < cap) _dyadIndex = new int[cap];
        if (_present.Length < n) _present = new int[Math.Max(n, _present.Length * 2)];
        int np = 0;
        for (int f = 0; f < n; f++)
        {
            if (f < present.Length && present[f] > 0) { _dyadIndex[f] = np; _present[np++] = f; }
            else _dyadIndex[f] = 0;
        }
        long len = (long)np * np;
        if (_dyads.Length < len) _dyads = new Dyad[Math.Max(len, Math.Min((long)n * n, 2 * len))];
        _dyadStride = np;
        var list = _present.AsSpan(0, np);
        var rivalry = F.Rivalry; var war = F.War; var alliance = F.Alliance;
        for (int a = 0; a < np; a++)
        {
            int row = list[a] * cap;
            var drow = _dyads.AsSpan(a * np, np);
            for (int b = 0; b < np; b++)
            {
                int pair = row + list[b];
                double r = rivalry[pair] + war[pair];
                drow[b].R = r;
                drow[b].K = r + (alliance[pair] > 0 ? 0 : baseH);
            }
        }
    }

    private int[] _rivalStart = Array.Empty<int>();
    /// <summary>R_fg + War_fg for this week, rows of active factions only, stride = faction count (a few MB smaller
    /// than the two capacity x capacity matrices it is read from, so the per-cell lookups stay in cache).</summary>
    private double[] _hostile = Array.Empty<double>();
    private int _hostileStride;
    private int[] _rivalTarget = Array.Empty<int>();
    private double[] _rivalWeight = Array.Empty<double>();

    private static void Touch(Scratch sc, int g, double v, ref int touched, ref double total)
    {
        if (sc.Near[g] == 0) sc.Touched[touched++] = g;
        sc.Near[g] += v;
        total += v;
    }

    /// <summary>Sparse lists of each active faction's rivals with weight R_fg + War_fg (rebuilt weekly, O(F^2)).</summary>
    private void BuildRivalLists(ModelState s)
    {
        var F = s.Factions;
        int n = F.Count, cap = F.Capacity;
        if (_rivalStart.Length < cap + 1) _rivalStart = new int[cap + 1];
        if (_hostile.Length < n * n) _hostile = new double[Math.Max(n * n, Math.Min(cap * cap, 2 * n * n))];
        _hostileStride = n;
        int k = 0;
        for (int f = 0; f < n; f++)
        {
            _rivalStart[f] = k;
            if (!F.Active[f]) continue;
            int row = f * cap, hrow = f * n;
            for (int g = 0; g < n; g++)
            {
                double r = F.Rivalry[row + g] + F.War[row + g];
                _hostile[hrow + g] = r;
                if (r <= 0 || g == f) continue;
                if (k == _rivalTarget.Length) { Array.Resize(ref _rivalTarget, Math.Max(256, k * 2)); Array.Resize(ref _rivalWeight, Math.Max(256, k * 2)); }
                _rivalTarget[k] = g; _rivalWeight[k] = r; k++;
            }
        }
        for (int f = n; f <= cap; f++) _rivalStart[f] = k;
    }

    private int _seenDirect;

    private void MarkPair(int index, ref int seen)
    {
        ref ulong word = ref _pairSeen[index >> 6];
        ulong bit = 1UL << (index & 63);
        if ((word & bit) != 0) return;
        word |= bit;
        if (seen == _seenList.Length) Array.Resize(ref _seenList, seen * 2);
        _seenList[seen++] = index;
    }

    /// <summary>Splits the weekly hazards into this many blocks of cells whatever the world's size (for tests).</summary>
    internal int? BlocksForTests { get; set; }

    /// <summary>This week's death hazard of presence entry e (for tests).</summary>
    internal double HazardOf(int e) => _hazard[e];
}
