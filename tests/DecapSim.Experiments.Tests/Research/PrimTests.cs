using DecapSim.Experiments.Research;

namespace DecapSim.Experiments.Tests.Research;

/// <summary>PRIM on synthetic data with planted boxes.</summary>
public sealed class PrimTests
{
    private static (List<double[]> X, List<bool> Y) Grid3(Func<int, int, int, bool> inBox)
    {
        var x = new List<double[]>();
        var y = new List<bool>();
        for (int a = 0; a < 8; a++)
            for (int b = 0; b < 8; b++)
                for (int c = 0; c < 8; c++)
                {
                    x.Add(new[] { a / 7.0, b / 7.0, c / 7.0 });
                    y.Add(inBox(a, b, c));
                }
        return (x, y);
    }

    [Fact]
    public void Run_PlantedBoxOnAGrid_FindsExactlyTheBoxAndLeavesTheIrrelevantParameterFree()
    {
        var (x, y) = Grid3((a, b, _) => a >= 2 && b <= 4);
        var r = Prim.Run(x, y);
        var box = r.Trajectory[r.Final];
        Assert.Equal(1.0, box.Coverage);
        Assert.Equal(1.0, box.Density);
        Assert.Equal(new[] { 0, 1 }, box.Restricted(r));
        Assert.Equal(2 / 7.0, box.Lo[0]);
        Assert.Equal(4 / 7.0, box.Hi[1]);
        Assert.Equal(0.0, box.Lo[2]);
        Assert.Equal(1.0, box.Hi[2]);
    }

    [Fact]
    public void Run_PlantedBoxWithTenPercentNoise_RecoversTheEdgesWithinTheNoise()
    {
        var rng = new System.Random(1);
        var x = new List<double[]>();
        var y = new List<bool>();
        for (int i = 0; i < 1000; i++)
        {
            var p = new[] { rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.NextDouble() };
            bool inside = p[0] > 0.3 && p[1] < 0.6;
            x.Add(p);
            y.Add(inside != (rng.NextDouble() < 0.1));
        }
        var r = Prim.Run(x, y);
        var box = r.Trajectory[r.Final];
        Assert.InRange(box.Lo[0], 0.25, 0.36);
        Assert.InRange(box.Hi[1], 0.54, 0.65);
        Assert.True(box.Density > 0.85, $"density {box.Density}");
        Assert.True(box.Coverage > 0.75, $"coverage {box.Coverage}");
        // the noise parameters keep (almost) their whole range
        foreach (int j in new[] { 2, 3 }) Assert.True(box.Hi[j] - box.Lo[j] > 0.9, $"parameter {j} cut to [{box.Lo[j]}, {box.Hi[j]}]");
    }

    [Fact]
    public void Run_TrajectoryCoverageFallsAndDensityRises_StatisticsAreConsistent()
    {
        var (x, y) = Grid3((a, b, c) => a + b + c >= 12); // a corner, not a box: a long trajectory
        var r = Prim.Run(x, y);
        Assert.True(r.Trajectory.Count > 3);
        var peel = r.Trajectory.Where(b => b.Stage != "paste").ToList();
        for (int k = 1; k < peel.Count; k++)
        {
            Assert.True(peel[k].Coverage <= peel[k - 1].Coverage);
            Assert.True(peel[k].Points < peel[k - 1].Points);
            Assert.True(peel[k].Mass >= 0.05 - 1e-12);
        }
        foreach (var b in r.Trajectory)
        {
            int pts = x.Where((p, i) => Enumerable.Range(0, 3).All(j => p[j] >= b.Lo[j] && p[j] <= b.Hi[j])).Count();
            int cases = x.Where((p, i) => y[i] && Enumerable.Range(0, 3).All(j => p[j] >= b.Lo[j] && p[j] <= b.Hi[j])).Count();
            Assert.Equal(pts, b.Points);
            Assert.Equal(cases, b.Cases);
            Assert.Equal((double)cases / y.Count(c => c), b.Coverage, 12);
            Assert.Equal((double)cases / pts, b.Density, 12);
        }
        Assert.Equal(Enumerable.Range(0, r.Trajectory.Count), r.Trajectory.Select(b => b.Index));
    }

    [Fact]
    public void Run_SmallGridWithAlphaTimesNBelowOne_PeelsAWholeLevelPerStep()
    {
        // a 3 x 2 sweep with 2 replicates (12 runs): 0.05 x 12 < 1, yet each step removes one grid level
        var x = new List<double[]>();
        var v = new List<double>();
        foreach (var a in new[] { 0.0, 0.25, 0.5 })
            foreach (var b in new[] { 0.2, 0.8 })
                for (int rep = 0; rep < 2; rep++)
                {
                    x.Add(new[] { a, b });
                    v.Add(100 - 100 * a + (rep == 0 ? -5 : 5) + 3 * b);
                }
        var sorted = v.OrderBy(q => q).ToList();
        double t = (sorted[5] + sorted[6]) / 2;
        var y = v.Select(q => q <= t).ToList();
        var r = Prim.Run(x, y);
        Assert.True(r.Trajectory.Count >= 2);
        Assert.Equal(8, r.Trajectory[1].Points); // one of the three interdiction levels (4 runs) went
        var box = r.Trajectory[r.Final];
        Assert.Equal(new[] { 0 }, box.Restricted(r));
        Assert.Equal(0.25, box.Lo[0]);
        Assert.Equal(1.0, box.Coverage);
        Assert.Equal(0.75, box.Density);
    }

    /// <summary>A 10 x 10 grid: every run with a >= 5 is a case; with a &lt; 5 the row b = 0 has none and the other rows
    /// about 60%. Peeling first drops column a = 0, then row b = 0 (it looks bad while the box still holds the a &lt; 5
    /// half), then the rest of a &lt; 5; once the box is a >= 5, row b = 0 is all cases again and pasting puts it back.</summary>
    private static (List<double[]> X, List<bool> Y) PastingGrid()
    {
        var x = new List<double[]>();
        var y = new List<bool>();
        for (int a = 0; a < 10; a++)
            for (int b = 0; b < 10; b++)
            {
                x.Add(new double[] { a, b });
                y.Add(a >= 5 || (b != 0 && (a * 7 + b * 3) % 10 < 6));
            }
        return (x, y);
    }

    [Fact]
    public void Run_PeelingOvershoots_PastingWidensTheBoxBack()
    {
        var (x, y) = PastingGrid();
        var o = new PrimOptions(PeelAlpha: 0.1, PasteAlpha: 0.1);
        var peeled = Prim.Run(x, y, o);
        int last = peeled.Trajectory.Last(b => b.Stage == "peel").Index;
        var before = peeled.Trajectory[last];
        Assert.Equal(new[] { 0, 1 }, before.Restricted(peeled));
        Assert.Equal(1.0, before.Lo[1]); // row b = 0 was peeled

        var r = Prim.Run(x, y, o with { Box = last });
        Assert.Equal(last, r.Chosen);
        Assert.NotEqual(r.Chosen, r.Final);
        var pasted = r.Trajectory[r.Final];
        Assert.Equal("paste", pasted.Stage);
        Assert.Equal(new[] { 0 }, pasted.Restricted(r)); // only a >= 5 is left
        Assert.Equal(5.0, pasted.Lo[0]);
        Assert.Equal(0.0, pasted.Lo[1]);
        Assert.Equal(1.0, pasted.Density);
        Assert.Equal(50, pasted.Cases);
        Assert.True(pasted.Coverage > before.Coverage);
    }

    [Fact]
    public void Run_NoCaseOutsideTheFullBox_StopsAtOnce()
    {
        var (x, _) = Grid3((_, _, _) => true);
        var r = Prim.Run(x, x.Select(_ => true).ToList());
        Assert.Single(r.Trajectory);
        Assert.Equal(0, r.Final);
    }

    [Fact]
    public void Run_SamePoints_SameTrajectory()
    {
        var (x, y) = Grid3((a, b, c) => (a * 3 + b * 5 + c) % 7 < 3 || a > 5);
        var one = Prim.Run(x, y);
        var two = Prim.Run(x, y);
        Assert.Equal(one.Trajectory.Select(b => (b.Points, b.Cases, string.Join(",", b.Lo), string.Join(",", b.Hi))),
            two.Trajectory.Select(b => (b.Points, b.Cases, string.Join(",", b.Lo), string.Join(",", b.Hi))));
    }

    [Fact]
    public void Run_BoxOutsideTheTrajectory_Throws()
    {
        var (x, y) = Grid3((a, _, _) => a > 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => Prim.Run(x, y, new PrimOptions(Box: 999)));
    }
}
