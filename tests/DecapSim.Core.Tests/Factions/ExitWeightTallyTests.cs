using DecapSim.Core.Factions;
using DecapSim.Core.Processes;

namespace DecapSim.Core.Tests.Factions;

public class ExitWeightTallyTests
{
    /// <summary>Sum and maximum of the soldiers' exit weights per faction, member by member.</summary>
    private static (double[] Sum, double[] Max) Direct(MemberTable m, int factions, int week, double[] table)
    {
        var sum = new double[factions]; var max = new double[factions];
        for (int i = 0; i < m.Count; i++)
        {
            if (m.Status[i] != (byte)MemberStatus.Active || m.Rank[i] != (byte)Rank.Soldier) continue;
            double w = table[m.ExitBin(i, week)];
            sum[m.Faction[i]] += w;
            max[m.Faction[i]] = Math.Max(max[m.Faction[i]], w);
        }
        return (sum, max);
    }

    [Fact]
    public void Sums_follow_ageing_and_changes_week_by_week_without_a_pass()
    {
        const int factions = 5;
        var table = ExitsProcess.AgeWeights(0.08);
        var rng = new System.Random(4);
        var m = new MemberTable(64);
        for (int k = 0; k < 3000; k++) m.Add(rng.Next(factions), -1, 0, 14 + (float)(rng.NextDouble() * 60), 0.5f);
        m.ClearChanges();
        var tally = new ExitWeightTally();
        tally.Reset(m, factions);
        Assert.True(tally.Ready);
        var sum = new double[factions]; var max = new double[factions];
        for (int week = -30; week < 60; week++)
        {
            // deaths, recruits, promotions, arrests, splits: each written, then touched
            for (int k = 0; k < 40; k++)
            {
                int i = rng.Next(m.Count);
                switch (rng.Next(5))
                {
                    case 0: if (m.IsActive(i)) m.Remove(i); break;
                    case 1: m.Add(rng.Next(factions), -1, 0, 15 + (float)(rng.NextDouble() * 10), 0.5f, week); break;
                    case 2: if (m.IsActive(i)) { m.Rank[i] = (byte)Rank.Lieutenant; m.Touch(i); } break;
                    case 3: if (m.IsActive(i)) { m.Status[i] = (byte)MemberStatus.Imprisoned; m.Touch(i); } break;
                    default: if (m.IsActive(i)) { m.Faction[i] = rng.Next(factions); m.Touch(i); } break;
                }
            }
            tally.Apply(m, factions, m.Changed.AsSpan(0, m.ChangedCount));
            m.ClearChanges();
            tally.Sums(table, week, sum, max);
            var (dSum, dMax) = Direct(m, factions, week, table);
            for (int f = 0; f < factions; f++)
            {
                Assert.Equal(dSum[f], sum[f], 1e-9 * Math.Max(1, dSum[f]));
                Assert.Equal(dMax[f], max[f]);
            }
        }
    }

    [Fact]
    public void Exit_bin_is_whole_quarter_years_of_age()
    {
        var m = new MemberTable(4);
        int i = m.Add(0, -1, 0, 30f, 0.5f); // 1560 weeks
        Assert.Equal(120, m.ExitBin(i, 0));
        Assert.Equal(120, m.ExitBin(i, 12));
        Assert.Equal(121, m.ExitBin(i, 13));
        Assert.Equal(119, m.ExitBin(i, -1));
        int late = m.Add(0, -1, 0, 20f, 0.5f, week: 52); // 20 at week 52: 19 at week 0
        Assert.Equal(80, m.ExitBin(late, 52));
    }
}
