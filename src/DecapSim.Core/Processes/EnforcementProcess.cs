using DecapSim.Core.Factions;
using DecapSim.Core.Parameters;
using DecapSim.Core.Random;

namespace DecapSim.Core.Processes;

/// <summary>
/// Step 6: arrests (fixed national count spread by size, or a per-member hazard
/// eta0 L_c (1 - k_c)(1 + IntelBoost)(1 + troops)), state operations in violent cells (members killed by the
/// state, state forces killed, more with heavy weapons), prison with sentences that shorten as judicial
/// integrity falls, escapes, and release with recidivism.
/// </summary>
public sealed class EnforcementProcess : IProcess
{
    private double[] _cellArrest = Array.Empty<double>();
    private double[] _cellStateKill = Array.Empty<double>();
    private double[] _stateLossWeight = Array.Empty<double>();
    private StreamRng? _rng;
    private readonly EntryDraws _draws = new();

    public string Name => "enforcement";

    /// <summary>Shape of the Gamma distribution of time served: 4 gives a coefficient of variation of 1/2, so stays
    /// spread around the mean sentence with few very short ones (pre-trial release and acquittals shorten some,
    /// none is instantaneous). Assumption; the mean is <c>Enforcement.SentenceYears</c>.</summary>
    internal const double SentenceShape = 4.0;

    /// <summary>Sentence length: Gamma-distributed with shape <see cref="SentenceShape"/> and the given mean (weeks).</summary>
    internal static double SentenceWeeks(StreamRng rng, double mean) =>
        mean <= 0 ? 0 : MathNet.Numerics.Distributions.Gamma.Sample(rng, SentenceShape, SentenceShape / mean);

    public void Step(ModelState s)
    {
        _rng ??= new StreamRng(s.StreamKey(Streams.Enforcement));
        var p = s.P.Enforcement;
        var cells = s.Cells;
        int C = cells.Count;
        if (_cellArrest.Length < C) { _cellArrest = new double[C]; _cellStateKill = new double[C]; _stateLossWeight = new double[C]; }
        double mult = s.Policy.ArrestMultiplier;
        bool fixedCount = p.ArrestMode == ArrestMode.FixedCount;
        double fixedP = s.Presence.Total > 0 ? Math.Min(1, mult * p.Eta / s.Presence.Total) : 0;
        double intel = 1 + p.IntelArrestBoost * s.Policy.IntelSharing * s.Policy.UsTrust;
        bool stateOps = !s.P.MeanField && p.StateKillRate > 0;
        for (int c = 0; c < C; c++)
        {
            _cellArrest[c] = fixedCount ? fixedP
                : Math.Min(1, mult * p.Eta0 * cells.Police[c] * (1 - cells.Corruption[c]) * intel * (1 + p.TroopArrestBoost * cells.Troops[c]));
            _cellStateKill[c] = stateOps && cells.LastCartelDeaths[c] >= p.ViolentCellThreshold
                ? Math.Min(1, p.StateKillRate * (cells.Police[c] + cells.Troops[c])) : 0;
            _stateLossWeight[c] = 0;
        }
        double sentenceMean = p.SentenceYears * 52 * (p.MinSentenceShare + (1 - p.MinSentenceShare) * s.Policy.JudicialIntegrity);
        double escape = p.EscapeRate * (1 - s.Policy.JudicialIntegrity);
        double recid = s.P.MeanField ? 0 : p.Recidivism;
        var m = s.Members;
        var F = s.Factions;
        var pres = s.Presence;
        ulong key = s.StreamKey(Streams.Enforcement);
        ulong keyR = s.StreamKey(Streams.Release);
        ulong week = (ulong)s.Week;
        // arrests and state killings: a count per entry, then that many of its members
        for (int e = 0; e < pres.EntryCountUsed; e++)
        {
            int c = pres.EntryCell[e];
            double pk = _cellStateKill[c], pa = _cellArrest[c];
            if (pk + pa <= 0) continue;
            int k = _draws.CountAndSeed(key, s.Week, e, pres.EntryCount[e], Math.Min(1, pk + pa), out var rng);
            for (int j = 0; j < k; j++)
            {
                int i = EntryDraws.PickActive(s, rng, e);
                if (i < 0) break;
                if (rng.NextDouble() * (pk + pa) < pk)
                {
                    int f = m.Faction[i];
                    double heavyPerMember = pres.FactionMembers[f] > 0 ? F.Heavy[f] / pres.FactionMembers[f] : 0;
                    _stateLossWeight[c] += 1 + p.HeavyWeaponStateLoss * Math.Min(1, heavyPerMember);
                    cells.StateKills[c]++;
                    Ops.Kill(s, i);
                }
                else Ops.Imprison(s, i, (int)Math.Round(SentenceWeeks(rng, sentenceMean)));
            }
        }
        // prison: release at the end of the sentence or by escape; recidivists return to their faction (or its successor)
        // (the list keeps each entry's release week, and the jail bits say whether the slot is still imprisoned:
        // the same test as reading the slot's status and release week, without scattered reads)
        int kept = 0;
        var prison = s.Prison;
        var releaseAt = s.PrisonRelease;
        var prisonFaction = s.PrisonFaction;
        m.LeftJailCount = 0;
        for (int j = 0; j < s.PrisonCount; j++)
        {
            int i = prison[j];
            if (!m.IsJailed(i)) continue;
            int at = releaseAt[j];
            bool release = at <= s.Week
                || (escape > 0 && CounterRng.Uniform(keyR, week, (ulong)i) < escape);
            if (!release) { prison[kept] = i; releaseAt[kept] = at; prisonFaction[kept++] = prisonFaction[j]; continue; }
            m.Unjail(i);
            s.Counters.Releases++;
            s.ImprisonedCount--;
            int f = Ops.Successor(s, m.Faction[i]);
            if (f >= 0 && CounterRng.Uniform(keyR, week, (ulong)i + 0x8000_0000UL) < recid)
            {
                m.Status[i] = (byte)MemberStatus.Active;
                m.Faction[i] = f;
                m.Rank[i] = (byte)Rank.Soldier;
                var units = s.UnitsOf(f);
                m.Unit[i] = units.Length > 0 ? units[(int)(CounterRng.Uniform(keyR, week + 7919, (ulong)i) * units.Length)] : -1;
                m.Entry[i] = -1;
                m.Touch(i);
            }
            else s.RemoveMember(i, dead: false);
        }
        s.PrisonCount = kept;
        if (stateOps && p.StateLossRatio > 0)
            for (int c = 0; c < C; c++)
                if (_stateLossWeight[c] > 0) cells.StateForcesKilled[c] += _rng.Poisson(p.StateLossRatio * _stateLossWeight[c]);
    }
}
