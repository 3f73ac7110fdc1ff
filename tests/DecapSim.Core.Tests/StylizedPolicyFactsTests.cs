using DecapSim.Core.Metrics;
using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Core.Tests;

/// <summary>
/// Stylized facts 3-6 of MODEL.md section 7 (the policy facts), each shown on a small world with paired runs: the
/// same seed with and without the intervention, so the difference is the intervention's effect, summed over seeds.
/// Facts 1 and 2 are in <see cref="StylizedFactsTests"/>.
/// </summary>
public class StylizedPolicyFactsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Start = 6;

    /// <summary>A 12 x 12 grid with 12 groups and 5,000 members, no random removals (as in <see cref="StylizedFactsTests"/>).</summary>
    private static ModelParameters World(params TimelineEvent[] timeline)
    {
        var p = TestModels.SmallGrid(5000, 12).NoTargeting() with { Timeline = timeline };
        return p with
        {
            World = p.World with { Width = 12, Height = 12 },
            Succession = p.Succession with { SoldiersPerLieutenant = 80, MaxLieutenants = 8 },
        };
    }

    private static ulong[] Seeds(int n) => Enumerable.Range(1, n).Select(i => (ulong)i).ToArray();

    private static WeeklyMetrics[] Run(ModelParameters p, ulong seed, int weeks) => TestModels.Run(new Simulation(p, seed), weeks).ToArray();

    private static double Sum(WeeklyMetrics[] m, int from, int to, Func<WeeklyMetrics, double> f) => m.Skip(from).Take(to - from).Sum(f);

    private static double Mean(WeeklyMetrics[] m, int from, int to, Func<WeeklyMetrics, double> f) => m.Skip(from).Take(to - from).Average(f);

    [Fact]
    public void Fact3_AKingpinStrategy_MultipliesGroupsAndRaisesViolence_WhileRevenueBarelyChanges()
    {
        // 11 of the 12 leaders removed over 18 months, a quarter of them killed (as 33 of 37 listed kingpins in 2009-2015)
        const int over = 78, weeks = Start + over + 52;
        var list = new KingpinListEvent { Week = Start, Count = 11, OverWeeks = over, KillShare = 0.25 };
        double hBase = 0, hList = 0, gBase = 0, gList = 0, rBase = 0, rList = 0;
        foreach (var seed in Seeds(4))
        {
            var b = Run(World(), seed, weeks);
            var k = Run(World(list), seed, weeks);
            hBase += Sum(b, Start, weeks, m => m.Homicides); hList += Sum(k, Start, weeks, m => m.Homicides);
            // groups over the last half year
            gBase += Mean(b, weeks - 26, weeks, m => m.ActiveFactions); gList += Mean(k, weeks - 26, weeks, m => m.ActiveFactions);
            rBase += Sum(b, Start, weeks, m => m.RevenueUsd); rList += Sum(k, Start, weeks, m => m.RevenueUsd);
        }
        double groups = gList / gBase, violence = hList / hBase, revenue = rList / rBase;
        output.WriteLine($"kingpin list vs baseline: groups x{groups:F2} ({gBase / 4:F1} -> {gList / 4:F1}), homicides x{violence:F2}, revenue x{revenue:F3}");
        Assert.True(groups >= 1.5, $"the list multiplies the groups: x{groups:F2}");
        Assert.True(violence >= 1.1, $"and raises violence: x{violence:F2}");
        Assert.InRange(revenue, 0.8, 1.2);
    }

    /// <summary>95% paired t interval of the mean of per-seed differences (MathNet's Student t, as <c>decapsim compare</c>).</summary>
    private static (double Mean, double Low, double High) Interval(IReadOnlyList<double> d)
    {
        double mean = d.Average(), sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Count - 1));
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, d.Count - 1, 0.975) * sd / Math.Sqrt(d.Count);
        return (mean, mean - half, mean + half);
    }

    private static string Show((double Mean, double Low, double High) i) => $"{i.Mean:F0} [{i.Low:F0}, {i.High:F0}]";

    [Fact]
    public void Fact4_CuttingRecruitment_LowersViolenceMoreThanMoreIncapacitation()
    {
        // recruitment-prevention.json (prevention-effect 0.5 ramped over a year) against incapacitation-x2.json
        // (Enforcement.ArrestMultiplier 2). The fact is about the long run (Prieto-Curiel et al. 2023): arrested
        // members come back after their sentence and groups replace their losses, while prevented recruits never join,
        // so the test looks at years 6-10 (in years 1-5 both cut homicides by about a tenth on this world)
        const int weeks = 520, from = 260;
        var prevention = new SetPolicyEvent { Week = 0, Parameter = PolicyLever.PreventionEffect, Value = 0.5, RampWeeks = 52 };
        double hBase = 0, hPrev = 0, hArrest = 0, mBase = 0, mPrev = 0, mArrest = 0;
        foreach (var seed in Seeds(8))
        {
            var p = World();
            var b = Run(p, seed, weeks);
            var pr = Run(World(prevention), seed, weeks);
            var ar = Run(p with { Enforcement = p.Enforcement with { ArrestMultiplier = 2 } }, seed, weeks);
            hBase += Sum(b, from, weeks, m => m.Homicides); hPrev += Sum(pr, from, weeks, m => m.Homicides); hArrest += Sum(ar, from, weeks, m => m.Homicides);
            mBase += b[^1].Members; mPrev += pr[^1].Members; mArrest += ar[^1].Members;
        }
        double cutPrev = 1 - hPrev / hBase, cutArrest = 1 - hArrest / hBase;
        output.WriteLine($"homicides in years 6-10: halving recruitment {-cutPrev:P1}, doubling arrests {-cutArrest:P1}; " +
            $"members at the end {mBase / 8:F0} (baseline) / {mPrev / 8:F0} / {mArrest / 8:F0}");
        Assert.True(cutPrev > 0.1, $"halving recruitment lowers violence: {cutPrev:P1}");
        Assert.True(cutPrev > cutArrest + 0.1, $"more than doubling arrests: {cutPrev:P1} vs {cutArrest:P1}");
    }

    [Fact]
    public void Fact5_InterdictingOnePercent_ChangesNothing_FiftyPercent_LowersHomicidesMostInContestedCells()
    {
        // the southbound flow scaled to the small world's membership (~135,000 guns a year for ~175,000 members), so
        // guns per member are today's (~1) and not saturated; interdiction from the start, three years
        const int weeks = 156;
        double flow = 135_000.0 * 5000 / 175_000;
        ModelParameters With(double share)
        {
            var p = World();
            return p with { Arms = p.Arms with { FlowPerYear = flow, Interdiction = share } };
        }
        var d1 = new List<double>(); var d50 = new List<double>(); var c50 = new List<double>(); var u50 = new List<double>();
        double h0 = 0, c0 = 0;
        foreach (var seed in Seeds(8))
        {
            var none = Run(With(0), seed, weeks);
            var one = Run(With(0.01), seed, weeks);
            var half = Run(With(0.5), seed, weeks);
            double hn = none.Sum(m => m.Homicides), cn = none.Sum(m => m.HomicidesContested);
            h0 += hn; c0 += cn;
            d1.Add(one.Sum(m => m.Homicides) - hn);
            d50.Add(half.Sum(m => m.Homicides) - hn);
            // where the homicides happen: cells contested when the week's fighting happened, and the others
            c50.Add(half.Sum(m => m.HomicidesContested) - cn);
            u50.Add(half.Sum(m => m.Homicides - m.HomicidesContested) - (hn - cn));
        }
        var i1 = Interval(d1); var i50 = Interval(d50);
        double contestedShare = c0 / h0;
        // the drop per homicide in each kind of cell
        double dropContested = -c50.Sum() / c0, dropOther = -u50.Sum() / (h0 - c0);
        output.WriteLine($"3-year homicides (mean {h0 / 8:F0} per run without interdiction) minus no interdiction, 95% CI: 1% {Show(i1)}, 50% {Show(i50)} " +
            $"({i50.Mean * 8 / h0:P1}); contested cells hold {contestedShare:P0} of the homicides and get {c50.Sum() / d50.Sum():P0} of the 50% drop: " +
            $"{Show(Interval(c50))} there, {Show(Interval(u50))} elsewhere; drop per homicide {dropContested:P1} in contested cells, {dropOther:P1} elsewhere");
        Assert.True(i1.Low < 0 && i1.High > 0, $"1% interdiction: the 95% CI of the paired difference includes 0: {Show(i1)}");
        Assert.True(i50.High < 0, $"50% interdiction lowers homicides measurably: {Show(i50)}");
        Assert.True(i50.Mean * 8 / h0 < -0.04, $"by more than 4%: {i50.Mean * 8 / h0:P1}");
        // concentrated at the front: contested cells lose a larger share of their homicides than the others
        Assert.True(dropContested > 1.5 * dropOther, $"the drop is concentrated in contested cells: {dropContested:P1} vs {dropOther:P1}");
    }

    [Fact]
    public void Fact6_IntelligenceSharing_SpeedsUpRemovals_ItsEffectOnViolenceDependsOnStateCapacity()
    {
        // full intelligence sharing against none, with random removals on (the default targeting), three years, in a
        // weak state (police capacity 0.2, no troops) and a capable one (0.8, one troop unit per cell). Intelligence
        // raises the weekly chance of locating leaders and lieutenants and the arrest hazard; police capacity and
        // troops set how many of the fighters around a removal the state takes off the streets (arrests, operations in
        // violent cells). The model has no explicit "holding the vacated plaza": capacity acts through that attrition.
        const int weeks = 156;
        ModelParameters With(double intel, bool capable)
        {
            var p = TestModels.SmallGrid(5000, 12);
            return p with
            {
                World = p.World with { Width = 12, Height = 12 },
                Succession = p.Succession with { SoldiersPerLieutenant = 80, MaxLieutenants = 8 },
                Targeting = p.Targeting with { IntelSharing = intel },
                State = p.State with { PoliceCapacity = capable ? 0.8 : 0.2, PoliceCapacityTarget = capable ? 0.8 : 0.2, BaselineTroops = capable ? 1 : 0 },
            };
        }
        // removals (located and removed, or arrested) per week per leader or lieutenant at large: how fast they go
        static (double Homicides, double Rate) Run3(ModelParameters p, ulong seed)
        {
            var sim = new Simulation(p, seed);
            double h = 0, rankedWeeks = 0;
            var m = sim.State.Members;
            for (int w = 0; w < weeks; w++)
            {
                for (int i = 0; i < m.Count; i++) if (m.IsActive(i) && m.Rank[i] != (byte)DecapSim.Core.Factions.Rank.Soldier) rankedWeeks++;
                h += sim.Step().Homicides;
            }
            int removals = sim.State.Events.Count(e => e.Type is SimEventType.Removal or SimEventType.LieutenantRemoval);
            return (h, removals / rankedWeeks);
        }
        var effect = new Dictionary<bool, (double HBase, double HIntel, double RBase, double RIntel)>();
        foreach (bool capable in new[] { false, true })
        {
            double hb = 0, hi = 0, rb = 0, ri = 0;
            foreach (var seed in Seeds(8))
            {
                var b = Run3(With(0, capable), seed);
                var i = Run3(With(1, capable), seed);
                hb += b.Homicides; hi += i.Homicides; rb += b.Rate / 8; ri += i.Rate / 8;
            }
            effect[capable] = (hb, hi, rb, ri);
        }
        var (weak, strong) = (effect[false], effect[true]);
        double effWeak = weak.HIntel / weak.HBase - 1, effStrong = strong.HIntel / strong.HBase - 1;
        output.WriteLine($"weekly removals per leader or lieutenant without -> with intelligence sharing: weak state {weak.RBase:F4} -> {weak.RIntel:F4}, " +
            $"capable state {strong.RBase:F4} -> {strong.RIntel:F4}; homicides: weak state {effWeak:P1}, capable state {effStrong:P1}");
        // the capable state already removes many by arrests and operations in violent cells, so its relative speed-up is smaller
        Assert.True(weak.RIntel > 1.2 * weak.RBase, $"intelligence sharing speeds up removals: {weak.RBase:F4} -> {weak.RIntel:F4} a week (weak state)");
        Assert.True(strong.RIntel > 1.05 * strong.RBase, $"intelligence sharing speeds up removals: {strong.RBase:F4} -> {strong.RIntel:F4} a week (capable state)");
        Assert.True(effStrong < effWeak - 0.1, $"a capable state turns them into less violence: {effStrong:P1} vs {effWeak:P1} in a weak one");
    }
}
