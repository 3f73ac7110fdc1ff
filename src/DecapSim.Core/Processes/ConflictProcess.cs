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
        // one block marks pairs straight into the seen set; parallel blocks list theirs, marked below
        _scratch[0].Direct = s.P.MeanField || blocks == 1;
        if (s.P.MeanField) Hazards(s, 0, C, theta, w, _scratch[0]);
        else if (blocks == 1) DyadHazards(s, 0, C, theta, w, _scratch[0]);
        else s.ForBlocks(blocks, b => DyadHazards(s, (int)((long)C * b / blocks), (int)((long)C * (b + 1) / blocks), theta, w, _scratch[b]));
        seen = _seenDirect; _seenDirect = 0;
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
        /// <summary>The groups near each cell of the block, side by side (<see cref="NearbyGroups"/>).</summary>
        public int[] NearStart = Array.Empty<int>(), NearGroup = Array.Empty<int>();
        public double[] NearLethal = Array.Empty<double>(), NearCount = Array.Empty<double>();
        public void Ensure(int cap)
        {
            if (Near.Length < cap) { Near = new double[cap]; Count = new double[cap]; Touched = new int[cap]; }
        }
        public void EnsureCells(int n)
        {
            if (NearStart.Length < n) NearStart = new int[n];
        }
        public void EnsureNear(int n)
        {
            if (NearGroup.Length >= n) return;
            int size = Math.Max(n, NearGroup.Length * 2);
            Array.Resize(ref NearGroup, size); Array.Resize(ref NearLethal, size); Array.Resize(ref NearCount, size);
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
    /// <remarks>Two passes. First, cell by cell, the groups near each cell (<see cref="NearbyGroups"/>). Then the
    /// entries faction by faction, looking K_fg up in row f of the rivalry, war and alliance matrices: the lookups
    /// of one faction stay in a few kilobytes, and no weekly matrix of the present factions' dyads has to be built
    /// first (it cost as much as the lookups it served). Each entry's terms are summed in the order of its cell's
    /// nearby groups, as before, so the hazards are the same bit for bit.</remarks>
    private void DyadHazards(ModelState s, int c0, int c1, double theta, double w, Scratch sc)
    {
        NearbyGroups(s, c0, c1, w, sc);
        var pres = s.Presence;
        var F = s.Factions;
        int cap = F.Capacity;
        double baseH = s.P.Conflict.BaseHostility;
        var rivalry = F.Rivalry; var war = F.War; var alliance = F.Alliance;
        var invAlly = F.InvAlly;
        var hazard = _hazard;
        var cellEntry = pres.CellEntryStart;
        var entryCell = pres.EntryCell;
        var factionStart = pres.FactionEntryStart;
        var byFaction = pres.EntriesByFaction;
        var nearStart = sc.NearStart;
        var nearGroup = sc.NearGroup;
        var nearLethal = sc.NearLethal;
        var nearCount = sc.NearCount;
        var pairs = sc.Pairs;
        var candidates = sc.Touched;
        bool whole = c0 == 0 && c1 == s.World.CellCount;
        for (int f = 0; f < F.Count; f++)
        {
            // f's entries are listed in cell order: those of cells [c0, c1) are one run of them
            int x0 = factionStart[f], x1 = factionStart[f + 1];
            if (x0 == x1) continue;
            if (!whole) { x0 = FirstInCells(byFaction, entryCell, x0, x1, c0); x1 = FirstInCells(byFaction, entryCell, x0, x1, c1); }
            int row = f * cap;
            for (int x = x0; x < x1; x++)
            {
                int e = byFaction[x], c = entryCell[e];
                int t0 = nearStart[c - c0], t1 = nearStart[c - c0 + 1];
                if (t1 - t0 < 2) { hazard[e] = 0; continue; }
                // the cell's own entries come first among its nearby groups, in entry order (one per faction)
                double nf = nearCount[t0 + e - cellEntry[c]];
                double pressure = 0;
                int rivals = 0;
                for (int t = t0; t < t1; t++)
                {
                    int g = nearGroup[t];
                    if (g == f) continue;
                    int pair = row + g;
                    double r = rivalry[pair] + war[pair];
                    double k = alliance[pair] > 0 ? r : r + baseH; // = r + (allied ? 0 : BaseHostility), r >= 0
                    double term = k * nearLethal[t] / (nf + nearCount[t]);
                    pressure += k > 0 ? term : 0;
                    candidates[rivals] = pair;
                    rivals += (r > 0) & (f < g) ? 1 : 0;
                }
                for (int i = 0; i < rivals; i++) { if (sc.Direct) MarkPair(candidates[i], ref _seenDirect); else pairs.Add(candidates[i]); }
                hazard[e] = Math.Min(1.0, theta * invAlly[f] * pressure);
            }
        }
    }

    /// <summary>The first position in [x0, x1) of a faction's entry list (in cell order) whose cell is at least c.</summary>
    private static int FirstInCells(int[] byFaction, int[] entryCell, int x0, int x1, int c)
    {
        while (x0 < x1)
        {
            int mid = (x0 + x1) >>> 1;
            if (entryCell[byFaction[mid]] < c) x0 = mid + 1; else x1 = mid;
        }
        return x0;
    }

    /// <summary>For each cell of [c0, c1): the groups present in it or an adjacent cell (weight w), its own
    /// entries first, with their presence weighted by lethality (front-line lethality in contested cells) and their
    /// presence, listed side by side in the scratch's NearGroup / NearLethal / NearCount from NearStart[c - c0].</summary>
    private static void NearbyGroups(ModelState s, int c0, int c1, double w, Scratch sc)
    {
        var pres = s.Presence;
        var world = s.World;
        var contested = s.Cells.Contested;
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
        sc.EnsureCells(c1 - c0 + 1);
        var nearStart = sc.NearStart;
        int o = 0;
        for (int c = c0; c < c1; c++)
        {
            nearStart[c - c0] = o;
            int e0 = cellEntry[c], e1 = cellEntry[c + 1];
            if (e0 == e1) continue;
            int touched = 0;
            var leth = contested[c] ? front : calm;
            for (int k = e0; k < e1; k++)
            {
                int g = entryFaction[k];
                double n = entryCount[k];
                touchedList[touched] = g;
                touched += count[g] == 0 ? 1 : 0; // (no branch: whether a group is new is unpredictable)
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
            sc.EnsureNear(o + touched);
            var group = sc.NearGroup; var lethal = sc.NearLethal; var cnt = sc.NearCount;
            for (int t = 0; t < touched; t++, o++)
            {
                int g = touchedList[t];
                group[o] = g; lethal[o] = near[g]; cnt[o] = count[g];
                near[g] = 0; count[g] = 0;
            }
        }
        nearStart[c1 - c0] = o;
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
