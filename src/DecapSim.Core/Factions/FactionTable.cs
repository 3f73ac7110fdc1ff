namespace DecapSim.Core.Factions;

/// <summary>Why a faction ended.</summary>
public enum EndReason : byte { None = 0, Absorbed, Dissolved, Extinct }

/// <summary>
/// Factions, struct-of-arrays, with dense symmetric relation matrices (rivalry, succession-war rivalry,
/// alliance). Ids are never reused, so the lineage tree stays intact.
/// </summary>
public sealed class FactionTable
{
    public string[] Name;
    public int[] Parent;
    public int[] FoundedWeek;
    public int[] EndedWeek;
    public EndReason[] EndReason;
    public bool[] Active;
    public int[] Leader;
    public int[] Heir;
    public double[] Treasury;
    public double[] Arsenal;
    public double[] Heavy;
    public double[] Cohesion;
    public int[] HomeRegion;
    public int[] PeakMembers;
    /// <summary>Faction that absorbed this one (-1 none): released members follow it.</summary>
    public int[] MergedInto;
    /// <summary>True when the faction could not pay wages last week.</summary>
    public bool[] Unpaid;
    /// <summary>Current retaliation: blockades expected this week.</summary>
    public double[] RetaliationBlockades;
    /// <summary>Current retaliation: state forces killed expected this week.</summary>
    public double[] RetaliationStateKilled;
    /// <summary>Current retaliation: members killed by state forces returning fire expected this week.</summary>
    public double[] RetaliationMembersKilled;
    /// <summary>Last week a leader removal hit this faction (-1 never).</summary>
    public int[] LastRemovalWeek;

    /// <summary>Base rivalry R_fg (symmetric, row-major Capacity x Capacity).</summary>
    public double[] Rivalry;
    /// <summary>Succession-war rivalry (decays with a half-life).</summary>
    public double[] War;
    /// <summary>Alliance A_fg (symmetric).</summary>
    public double[] Alliance;
    /// <summary>1 / (1 + total alliance strength of f): the K_fg denominator.</summary>
    public double[] InvAlly;

    public int Count { get; private set; }
    public int Capacity { get; private set; }

    public FactionTable(int capacity)
    {
        Capacity = Math.Max(capacity, 8);
        Name = new string[Capacity]; Parent = new int[Capacity]; FoundedWeek = new int[Capacity]; EndedWeek = new int[Capacity];
        EndReason = new EndReason[Capacity]; Active = new bool[Capacity]; Leader = new int[Capacity]; Heir = new int[Capacity];
        Treasury = new double[Capacity]; Arsenal = new double[Capacity]; Heavy = new double[Capacity]; Cohesion = new double[Capacity];
        HomeRegion = new int[Capacity]; PeakMembers = new int[Capacity]; MergedInto = new int[Capacity]; Unpaid = new bool[Capacity];
        RetaliationBlockades = new double[Capacity]; RetaliationStateKilled = new double[Capacity]; RetaliationMembersKilled = new double[Capacity]; LastRemovalWeek = new int[Capacity];
        Rivalry = new double[Capacity * Capacity]; War = new double[Capacity * Capacity]; Alliance = new double[Capacity * Capacity];
        InvAlly = new double[Capacity];
    }

    /// <summary>"No such week" for <see cref="EndedWeek"/> (still active) and <see cref="LastRemovalWeek"/> (never
    /// removed): far enough in the past that week differences stay large and never overflow, so warm-up weeks
    /// (negative numbers) are ordinary weeks.</summary>
    public const int NoWeek = int.MinValue / 2;

    /// <summary>Adds an active faction and returns its id.</summary>
    public int Add(string name, int parent, int week, int homeRegion, double cohesion)
    {
        if (Count == Capacity) Grow();
        int f = Count++;
        Name[f] = name; Parent[f] = parent; FoundedWeek[f] = week; EndedWeek[f] = NoWeek; EndReason[f] = Factions.EndReason.None;
        Active[f] = true; Leader[f] = -1; Heir[f] = -1; HomeRegion[f] = homeRegion; Cohesion[f] = cohesion;
        MergedInto[f] = -1; LastRemovalWeek[f] = NoWeek; InvAlly[f] = 1;
        return f;
    }

    /// <summary>Ends a faction.</summary>
    public void End(int f, int week, EndReason reason)
    {
        Active[f] = false; EndedWeek[f] = week; EndReason[f] = reason; Leader[f] = -1; Heir[f] = -1;
        RetaliationBlockades[f] = 0; RetaliationStateKilled[f] = 0; RetaliationMembersKilled[f] = 0;
    }

    /// <summary>Index of (f, g) in the relation matrices.</summary>
    public int Pair(int f, int g) => f * Capacity + g;

    /// <summary>Sets a symmetric relation.</summary>
    public static void SetSym(double[] m, int cap, int f, int g, double v) { m[f * cap + g] = v; m[g * cap + f] = v; }

    /// <summary>Hostility K_fg = (R_fg + War_fg + 1) / (A_f + 1), with K_ff = 0 (Prieto-Curiel et al. 2023).</summary>
    public double Hostility(int f, int g)
    {
        if (f == g) return 0;
        int i = f * Capacity + g;
        return (Rivalry[i] + War[i] + 1) * InvAlly[f];
    }

    /// <summary>Recomputes <see cref="InvAlly"/> for one faction.</summary>
    public void RefreshAlliance(int f)
    {
        // zeros add nothing (s >= +0), so only the nonzero values are visited, in the same order
        double s = 0;
        var row = Alliance.AsSpan(f * Capacity, Count);
        for (int g = row.IndexOfAnyExcept(0.0); g >= 0; )
        {
            if (Active[g]) s += row[g];
            int k = row[(g + 1)..].IndexOfAnyExcept(0.0);
            g = k < 0 ? -1 : g + 1 + k;
        }
        InvAlly[f] = 1 / (1 + s);
    }

    /// <summary>Number of active factions.</summary>
    public int ActiveCount()
    {
        int n = 0;
        for (int f = 0; f < Count; f++) if (Active[f]) n++;
        return n;
    }

    private void Grow()
    {
        int old = Capacity, n = Capacity * 2;
        Capacity = n;
        Array.Resize(ref Name, n); Array.Resize(ref Parent, n); Array.Resize(ref FoundedWeek, n); Array.Resize(ref EndedWeek, n);
        Array.Resize(ref EndReason, n); Array.Resize(ref Active, n); Array.Resize(ref Leader, n); Array.Resize(ref Heir, n);
        Array.Resize(ref Treasury, n); Array.Resize(ref Arsenal, n); Array.Resize(ref Heavy, n); Array.Resize(ref Cohesion, n);
        Array.Resize(ref HomeRegion, n); Array.Resize(ref PeakMembers, n); Array.Resize(ref MergedInto, n); Array.Resize(ref Unpaid, n);
        Array.Resize(ref RetaliationBlockades, n); Array.Resize(ref RetaliationStateKilled, n); Array.Resize(ref RetaliationMembersKilled, n); Array.Resize(ref LastRemovalWeek, n);
        Array.Resize(ref InvAlly, n);
        Rivalry = Regrow(Rivalry, old, n); War = Regrow(War, old, n); Alliance = Regrow(Alliance, old, n);
    }

    private static double[] Regrow(double[] m, int old, int n)
    {
        var r = new double[n * n];
        for (int i = 0; i < old; i++) Array.Copy(m, i * old, r, i * n, old);
        return r;
    }
}
