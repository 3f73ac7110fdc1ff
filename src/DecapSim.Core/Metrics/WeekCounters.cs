namespace DecapSim.Core.Metrics;

/// <summary>Counters the processes increment during a week; cleared at its start.</summary>
public sealed class WeekCounters
{
    public int Recruits, Arrests, Releases, NewSplinters, RivalPairsInContact;
    public double Revenue, ArmsAcquired, ArmsInterdicted;

    public void Clear()
    {
        Recruits = Arrests = Releases = NewSplinters = RivalPairsInContact = 0;
        Revenue = ArmsAcquired = ArmsInterdicted = 0;
    }
}

/// <summary>Cumulative member accounting: initial + recruits = active + imprisoned + dead + retired.</summary>
public sealed class MemberLedger
{
    public long Initial, Recruited, Dead, Retired;

    /// <summary>Starts counting again: the members held now (active and imprisoned) become the initial ones.</summary>
    public void Reset()
    {
        Initial += Recruited - Dead - Retired;
        Recruited = Dead = Retired = 0;
    }
}
