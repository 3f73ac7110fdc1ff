namespace DecapSim.Core.Factions;

/// <summary>Rank of a member.</summary>
public enum Rank : byte { Soldier = 0, Lieutenant = 1, Leader = 2 }

/// <summary>Status of a member slot.</summary>
public enum MemberStatus : byte { Free = 0, Active = 1, Imprisoned = 2 }

/// <summary>
/// The individual agents, struct-of-arrays. Dead and retired members leave the table (their slot is
/// recycled) and are only counted; active and imprisoned members hold a slot.
/// </summary>
public sealed class MemberTable
{
    public int[] Faction;
    public byte[] Rank;
    /// <summary>Unit (the lieutenant's group) the member belongs to, or -1 (directly under the leader).</summary>
    public int[] Unit;
    public int[] Cell;
    /// <summary>Age in years at week 0 (age now = AgeAtWeek0 + week / 52), so nobody has to be aged every week.</summary>
    public float[] AgeAtWeek0;
    /// <summary>Age in whole weeks at week 0 (floor of 52 x <see cref="AgeAtWeek0"/>): the exit weights' age clock.</summary>
    public int[] AgeWeeks0;
    /// <summary>Loyalty in [0,1].</summary>
    public float[] Loyalty;
    public byte[] Status;
    /// <summary>Week of release for imprisoned members.</summary>
    public int[] ReleaseWeek;
    /// <summary>0 when the slot was listed in this week's <see cref="PresenceIndex"/> snapshot; -1 when it was not, or
    /// has been removed, imprisoned, released or recruited since (so it must not be picked from the snapshot).</summary>
    public int[] Entry;
    /// <summary>The cell this slot is listed under in the <see cref="PresenceIndex"/> (-1: not listed).</summary>
    public int[] SnapCell;
    /// <summary>The faction this slot is listed under in the <see cref="PresenceIndex"/>.</summary>
    public int[] SnapFaction;

    /// <summary>Slots whose cell, faction, status or rank changed since the last <see cref="PresenceIndex"/> snapshot,
    /// each listed once: Changed[0..ChangedCount). Whoever writes those four fields calls <see cref="Touch"/>, so the
    /// snapshot (and the live counts) follow the changes without scanning the table.</summary>
    public int[] Changed;
    public int ChangedCount;
    private bool[] _isChanged;

    private int[] _free;
    private int _freeCount;

    /// <summary>One bit per slot: set while the slot is imprisoned (Status == Imprisoned), so the weekly prison pass
    /// reads a few KB that stay in cache instead of the status of scattered slots.</summary>
    private ulong[] _jailed;
    /// <summary>Slots that left prison other than by release (removed while imprisoned) since the last prison pass:
    /// <see cref="LeftJail"/>[0..<see cref="LeftJailCount"/>).</summary>
    internal int[] LeftJail = new int[16];
    internal int LeftJailCount;

    /// <summary>High-water mark: slots [0, Count) have been used.</summary>
    public int Count { get; private set; }
    /// <summary>Allocated slots.</summary>
    public int Capacity => Faction.Length;

    public MemberTable(int capacity)
    {
        capacity = Math.Max(capacity, 16);
        Faction = new int[capacity]; Rank = new byte[capacity]; Unit = new int[capacity]; Cell = new int[capacity];
        AgeAtWeek0 = new float[capacity]; AgeWeeks0 = new int[capacity]; Loyalty = new float[capacity]; Status = new byte[capacity];
        ReleaseWeek = new int[capacity]; Entry = new int[capacity]; _free = new int[capacity];
        SnapCell = new int[capacity]; SnapFaction = new int[capacity];
        Changed = new int[capacity]; _isChanged = new bool[capacity];
        Array.Fill(SnapCell, -1);
        _jailed = new ulong[(capacity + 63) / 64];
    }

    /// <summary>True while slot i is imprisoned (same as Status[i] == Imprisoned).</summary>
    public bool IsJailed(int i) => (_jailed[i >> 6] & (1UL << (i & 63))) != 0;

    /// <summary>Imprisons active slot i until <paramref name="releaseWeek"/>.</summary>
    public void Jail(int i, int releaseWeek)
    {
        Status[i] = (byte)MemberStatus.Imprisoned;
        ReleaseWeek[i] = releaseWeek;
        _jailed[i >> 6] |= 1UL << (i & 63);
    }

    /// <summary>Takes slot i out of prison (released): its status is set by the caller.</summary>
    public void Unjail(int i) => _jailed[i >> 6] &= ~(1UL << (i & 63));

    /// <summary>Notes that imprisoned slot i left prison other than by the weekly release (removed, or escaped on the
    /// timeline); its status is set by the caller.</summary>
    internal void LeaveJail(int i)
    {
        if (!IsJailed(i)) return;
        Unjail(i);
        if (LeftJailCount == LeftJail.Length) Array.Resize(ref LeftJail, LeftJail.Length * 2);
        LeftJail[LeftJailCount++] = i;
    }

    /// <summary>Notes that slot i's cell, faction, status or rank changed (call after writing them).</summary>
    public void Touch(int i)
    {
        if (_isChanged[i]) return;
        _isChanged[i] = true;
        Changed[ChangedCount++] = i;
    }

    /// <summary>True when slot i changed since the last snapshot.</summary>
    public bool IsChanged(int i) => _isChanged[i];

    /// <summary>Forgets the changes (the snapshot has taken them in).</summary>
    public void ClearChanges()
    {
        var changed = Changed.AsSpan(0, ChangedCount);
        foreach (int i in changed) _isChanged[i] = false;
        ChangedCount = 0;
    }

    /// <summary>Adds an active member and returns its index (reuses a free slot when there is one).</summary>
    public int Add(int faction, int unit, int cell, float age, float loyalty, int week = 0)
    {
        int i;
        if (_freeCount > 0) i = _free[--_freeCount];
        else
        {
            if (Count == Capacity) Grow();
            i = Count++;
        }
        Faction[i] = faction; Rank[i] = (byte)Factions.Rank.Soldier; Unit[i] = unit; Cell[i] = cell;
        AgeAtWeek0[i] = age - week / 52f; AgeWeeks0[i] = (int)Math.Floor(AgeAtWeek0[i] * 52.0); Loyalty[i] = loyalty; Status[i] = (byte)MemberStatus.Active; ReleaseWeek[i] = 0; Entry[i] = -1;
        Touch(i);
        return i;
    }

    /// <summary>Removes a member (dead or retired): frees its slot.</summary>
    public void Remove(int i)
    {
        LeaveJail(i);
        Status[i] = (byte)MemberStatus.Free;
        Entry[i] = -1;
        Touch(i);
        _free[_freeCount++] = i;
    }

    /// <summary>Takes a member out of play without recycling its slot yet (a removed leader or lieutenant whose
    /// index the succession step still needs); call <see cref="Recycle"/> afterwards.</summary>
    public void MarkGone(int i)
    {
        LeaveJail(i);
        Status[i] = (byte)MemberStatus.Free;
        Entry[i] = -1;
        Touch(i);
    }

    /// <summary>Returns a slot marked gone to the free list.</summary>
    public void Recycle(int i) => _free[_freeCount++] = i;

    /// <summary>Age in years at a given week.</summary>
    public float AgeAt(int i, int week) => AgeAtWeek0[i] + week / 52f;

    /// <summary>The member's exit-age bin at a week: whole quarter years of age (age in whole weeks / 13), 0..400.</summary>
    public int ExitBin(int i, int week) => Math.Clamp((AgeWeeks0[i] + week) / 13, 0, 400);

    /// <summary>True when the member is active.</summary>
    public bool IsActive(int i) => i >= 0 && Status[i] == (byte)MemberStatus.Active;

    private void Grow()
    {
        int n = Capacity * 2;
        Array.Resize(ref Faction, n); Array.Resize(ref Rank, n); Array.Resize(ref Unit, n); Array.Resize(ref Cell, n);
        Array.Resize(ref AgeAtWeek0, n); Array.Resize(ref AgeWeeks0, n); Array.Resize(ref Loyalty, n); Array.Resize(ref Status, n);
        Array.Resize(ref ReleaseWeek, n); Array.Resize(ref Entry, n); Array.Resize(ref _free, n);
        int old = SnapCell.Length;
        Array.Resize(ref SnapCell, n); Array.Resize(ref SnapFaction, n);
        Array.Resize(ref Changed, n); Array.Resize(ref _isChanged, n);
        Array.Fill(SnapCell, -1, old, n - old);
        Array.Resize(ref _jailed, (n + 63) / 64);
    }
}
