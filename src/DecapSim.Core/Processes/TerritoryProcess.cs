using DecapSim.Core.Factions;
using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 9: territory. The controller of a cell is the faction with the greatest armed presence (members x
/// (1 + guns per member)); the cell is contested when the runner-up holds at least ContestRatio of it.
/// Soldiers drift toward adjacent cells that pay more per member and hold fewer enemies; a vacuum (the cells
/// of a faction that just lost its leader or a lieutenant) pulls rivals harder, and moving into one is an
/// incursion the rivalry process answers. Each controlled cell is held as a plaza by one unit of its controller
/// (kept while that unit's faction controls it; otherwise the unit most of the controller's members there belong to).
/// </summary>
public sealed class TerritoryProcess : IProcess
{
    private int[] _target = Array.Empty<int>();
    private readonly EntryDraws _draws = new();

    public string Name => "territory";

    public void Step(ModelState s)
    {
        UpdateControl(s);
        if (!s.P.MeanField && s.P.Territory.MoveRate > 0) Move(s, s.P.Territory.MoveRate);
    }

    /// <summary>Movement only (spin-up before week 0): control, then soldiers move at the given rate.</summary>
    public void SpinUp(ModelState s, double rate)
    {
        UpdateControl(s);
        if (!s.P.MeanField && rate > 0) Move(s, rate);
    }

    /// <summary>Recomputes controllers and contested flags from this week's presence.</summary>
    public static void UpdateControl(ModelState s)
    {
        var pres = s.Presence;
        var F = s.Factions;
        var cells = s.Cells;
        double ratio = s.P.Territory.ContestRatio;
        Array.Clear(s.ControlledCells, 0, F.Capacity);
        Array.Clear(s.BorderCells, 0, F.Capacity);
        // armed weight of one member of each faction, 1 + guns per member (at most 2), once per faction
        var armed = s.ArmedWeight;
        if (armed.Length < F.Count) armed = s.ArmedWeight = new double[Math.Max(F.Count, F.Capacity)];
        for (int f = 0; f < F.Count; f++)
        {
            int cf = Math.Max(1, f < pres.FactionMembers.Length ? pres.FactionMembers[f] : 0);
            armed[f] = 1 + Math.Min(1, F.Arsenal[f] / cf);
        }
        for (int c = 0; c < cells.Count; c++)
        {
            int best = -1; double bestV = 0, second = 0;
            for (int k = pres.CellEntryStart[c]; k < pres.CellEntryStart[c + 1]; k++)
            {
                int f = pres.EntryFaction[k];
                if (!F.Active[f]) continue;
                double v = pres.EntryCount[k] * armed[f];
                if (v > bestV) { second = bestV; bestV = v; best = f; }
                else if (v > second) second = v;
            }
            cells.Controller[c] = best;
            int holder = cells.HolderUnit[c];
            if (best < 0) cells.HolderUnit[c] = -1;
            else if (holder < 0 || !s.Units.Active[holder] || s.Units.Faction[holder] != best) cells.HolderUnit[c] = MajorityUnit(s, c, best);
            cells.Contested[c] = best >= 0 && second > 0 && second >= ratio * bestV; // no runner-up: not contested
            if (best >= 0)
            {
                s.ControlledCells[best]++;
                if (s.World.IsBorder[c]) s.BorderCells[best]++;
            }
        }
    }

    /// <summary>Members of an entry looked at to find its majority unit (enough to tell a plaza's holder).</summary>
    private const int HolderSample = 64;

    /// <summary>The unit most of faction f's members in cell c belong to (among the first few), or -1.</summary>
    /// <remarks>The sampled members' units are read once into a local array and counted there (vectorised), not
    /// re-read from the member table for every candidate; the first unit with the highest count wins, as before.</remarks>
    private static int MajorityUnit(ModelState s, int c, int f)
    {
        var pres = s.Presence;
        var U = s.Units;
        var unitOf = s.Members.Unit;
        for (int k = pres.CellEntryStart[c]; k < pres.CellEntryStart[c + 1]; k++)
        {
            if (pres.EntryFaction[k] != f) continue;
            int a = pres.EntryMemberStart[k], m = Math.Min(pres.EntryMemberStart[k + 1] - a, HolderSample);
            Span<int> units = stackalloc int[HolderSample];
            for (int i = 0; i < m; i++) units[i] = unitOf[pres.MembersByEntry[a + i]];
            var sample = units[..m];
            int best = -1, bestN = 0;
            for (int i = 0; i < m; i++)
            {
                int u = sample[i];
                if (u < 0 || u == best || !U.Active[u] || U.Faction[u] != f) continue;
                int n = sample.Count(u);
                if (n > bestN) { bestN = n; best = u; }
            }
            return best;
        }
        return -1;
    }

    private void Move(ModelState s, double rate)
    {
        var pres = s.Presence;
        var world = s.World;
        var cells = s.Cells;
        var F = s.Factions;
        int entries = pres.EntryCountUsed;
        if (_target.Length < entries) _target = new int[Math.Max(entries, _target.Length * 2)];
        double pull = s.P.Succession.VacuumPull;
        int week = s.Week;
        bool anyTarget = false;
        int C = world.CellCount;
        if (_total.Length < C) _total = new int[C];
        if (_best.Length < entries) _best = new double[Math.Max(entries, _best.Length * 2)];
        if (_base.Length < C) _base = new double[C];
        for (int c = 0; c < C; c++) _base[c] = cells.RouteValue[c] + 1e-9 * world.Population[c];
        for (int c = 0; c < C; c++)
        {
            int t = 0;
            for (int k = pres.CellEntryStart[c]; k < pres.CellEntryStart[c + 1]; k++) t += pres.EntryCount[k];
            _total[c] = t;
        }
        // targets are a pure function of this week's snapshot, cell by cell: big worlds compute them in parallel
        // over fixed blocks of cells (results do not depend on the partition or the thread count)
        int blocks = C >= ConflictProcess.ParallelCells ? Blocks : 1;
        while (_own.Count < blocks) _own.Add(Array.Empty<int>());
        for (int b = 0; b < blocks; b++) if (_own[b].Length < F.Capacity) _own[b] = new int[F.Capacity];
        if (_found.Length < blocks) _found = new bool[blocks];
        if (blocks == 1) _found[0] = Targets(s, 0, C, pull, week, _own[0]);
        else s.ForBlocks(blocks, b => _found[b] = Targets(s, (int)((long)C * b / blocks), (int)((long)C * (b + 1) / blocks), pull, week, _own[b]));
        for (int b = 0; b < blocks; b++) anyTarget |= _found[b];
        if (!anyTarget) return;
        // movers: a count per entry from the entry's own stream, then that many of its soldiers move
        var m = s.Members;
        ulong key = s.StreamKey(Streams.Movement);
        for (int e = 0; e < entries; e++)
        {
            int t = _target[e];
            if (t < 0) continue;
            int k = _draws.CountAndSeed(key, week, e, pres.EntryCount[e], rate, out var rng);
            int holder = cells.Controller[t], f = pres.EntryFaction[e];
            if (k > 0 && holder >= 0 && holder != f && cells.VacuumUntil[t] > week) s.Incursions.Add((f, holder));
            for (int j = 0; j < k; j++)
            {
                int i = EntryDraws.PickActive(s, rng, e);
                if (i < 0) break;
                if (m.Rank[i] == (byte)Rank.Soldier) { m.Cell[i] = t; m.Touch(i); }
            }
        }
    }

    private readonly List<int[]> _own = new();
    private bool[] _found = Array.Empty<bool>();
    private const int Blocks = 16;

    /// <summary>For each entry of cells [c0, c1): the adjacent cell its soldiers would rather be in, or -1.</summary>
    private bool Targets(ModelState s, int c0, int c1, double pull, int week, int[] own)
    {
        var pres = s.Presence;
        var world = s.World;
        var cellEntry = pres.CellEntryStart;
        var entryFaction = pres.EntryFaction;
        var entryCount = pres.EntryCount;
        var adjStart = world.AdjacencyStart;
        var adj = world.Adjacency;
        var vacuumUntil = s.Cells.VacuumUntil;
        var controller = s.Cells.Controller;
        var baseValue = _base;
        var total = _total;
        var best = _best;
        var target = _target;
        double enemyWeight = s.P.Territory.EnemyWeight, stay = s.P.Territory.StayBonus;
        bool any = false;
        for (int c = c0; c < c1; c++)
        {
            int e0 = cellEntry[c], e1 = cellEntry[c + 1];
            if (e0 == e1) continue;
            bool vacuum = vacuumUntil[c] > week;
            for (int e = e0; e < e1; e++)
            {
                // staying: value shared with own members and weighed against enemies, with some inertia
                int n = entryCount[e];
                best[e] = stay * Value(baseValue[c], vacuum && controller[c] != entryFaction[e], pull, n, total[c] - n, 0, enemyWeight);
                target[e] = -1;
            }
            int a0 = adjStart[c], a1 = adjStart[c + 1];
            for (int a = a0; a < a1; a++)
            {
                int c2 = adj[a];
                int k0 = cellEntry[c2], k1 = cellEntry[c2 + 1];
                for (int k = k0; k < k1; k++) own[entryFaction[k]] = entryCount[k];
                double v2 = baseValue[c2];
                bool vacuum2 = vacuumUntil[c2] > week;
                int holder = controller[c2], total2 = total[c2];
                for (int e = e0; e < e1; e++)
                {
                    int f = entryFaction[e];
                    int o = own[f];
                    double v = Value(v2, vacuum2 && holder != f, pull, o, total2 - o, 1, enemyWeight);
                    if (v > best[e]) { best[e] = v; target[e] = c2; any = true; }
                }
                for (int k = k0; k < k1; k++) own[entryFaction[k]] = 0;
            }
        }
        return any;
    }

    /// <summary>Route value per member a soldier would share in a cell of value <paramref name="v"/> (a vacuum of
    /// another group pulls; an enemy counts EnemyWeight).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Value(double v, bool pulled, double pull, int own, int enemy, int joining, double enemyWeight)
    {
        if (pulled) v *= 1 + pull;
        return v / (1 + own + joining + enemyWeight * enemy);
    }

    /// <summary>This week's movement target of presence entry e, or -1 (for tests).</summary>
    internal int TargetOf(int e) => _target[e];

    private int[] _total = Array.Empty<int>();
    private double[] _best = Array.Empty<double>();
    /// <summary>This week's route value of each cell plus its population tie-break (computed once per week).</summary>
    private double[] _base = Array.Empty<double>();

}
