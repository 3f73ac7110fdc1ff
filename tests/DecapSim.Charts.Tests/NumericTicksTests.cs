namespace DecapSim.Charts.Tests;

public class NumericTicksTests
{
    public static IEnumerable<object[]> Ranges()
    {
        var rng = new Random(20240607);
        for (int i = 0; i < 400; i++)
        {
            int exp = rng.Next(-12, 13);
            double scale = Math.Pow(10, exp);
            double a = (rng.NextDouble() * 2 - 1) * scale * (rng.Next(3) == 0 ? 100 : 1);
            double w = rng.NextDouble() * scale + scale * 1e-4;
            yield return [a, a + w];
        }
        yield return [0.0, 1.0];
        yield return [-1.0, 1.0];
        yield return [0.3, 0.7];
        yield return [-1e12, -1e11];
        yield return [1e-15, 3e-15];
        yield return [99.0, 101.0];
        yield return [0.0, 1e308 / 100];
        yield return [-5.0, -5.0];
        yield return [0.0, 0.0];
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Covering_AnyRange_TicksCoverRange(double min, double max)
    {
        double[] t = NumericTicks.Covering(min, max);
        double step = t[1] - t[0];
        Assert.True(t[0] <= min + step * 1e-9, $"first tick {t[0]} > min {min}");
        Assert.True(t[^1] >= max - step * 1e-9, $"last tick {t[^1]} < max {max}");
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Covering_AnyRange_FourToTenTicks(double min, double max)
    {
        double[] t = NumericTicks.Covering(min, max);
        Assert.InRange(t.Length, 4, 10);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Covering_AnyRange_TicksAreRoundOneTwoFiveMultiples(double min, double max)
    {
        double[] t = NumericTicks.Covering(min, max);
        AssertRoundEvenlySpaced(t);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Inside_AnyRange_TicksWithinRangeAndRound(double min, double max)
    {
        if (min == max) return; // widened internally; covered by Covering tests
        double[] t = NumericTicks.Inside(min, max, 10);
        Assert.InRange(t.Length, 2, 10);
        double tol = (max - min) * 1e-9;
        Assert.All(t, v => Assert.InRange(v, min - tol, max + tol));
        AssertRoundEvenlySpaced(t);
    }

    [Fact]
    public void Covering_ZeroToOne_GivesFifths()
    {
        double[] t = NumericTicks.Covering(0, 1);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], t);
    }

    [Theory]
    [InlineData(0.5, 0.1, "0.5")]
    [InlineData(1500, 500, "1500")]
    [InlineData(-0.25, 0.05, "-0.25")]
    [InlineData(0.30000000000000004, 0.1, "0.3")]
    [InlineData(2e-7, 1e-7, "2E-7")]
    public void Format_Values_ShortInvariantText(double value, double step, string expected) =>
        Assert.Equal(expected, NumericTicks.Format(value, step));

    [Theory]
    [InlineData(3.0, 4000.0)]
    [InlineData(0.02, 0.9)]
    [InlineData(1e-3, 1e9)]
    public void LogTicks_PositiveRange_CoverWithPowersAndSteps(double min, double max)
    {
        double[] t = LogTicks.Covering(min, max);
        Assert.True(t[0] <= min * (1 + 1e-12) && t[^1] >= max * (1 - 1e-12));
        Assert.InRange(t.Length, 2, 12);
        foreach (double v in t)
        {
            double mant = v / Math.Pow(10, Math.Floor(Math.Log10(v) + 1e-12));
            Assert.Contains(Math.Round(mant, 9), new[] { 1.0, 2.0, 5.0 });
        }
    }

    private static void AssertRoundEvenlySpaced(double[] t)
    {
        double step = t[1] - t[0];
        double e = Math.Floor(Math.Log10(step) + 1e-9);
        double mant = step / Math.Pow(10, e);
        Assert.True(new[] { 1.0, 2.0, 5.0 }.Any(m => Math.Abs(mant - m) < 1e-6), $"step {step} is not 1, 2 or 5 x 10^k");
        for (int i = 0; i < t.Length; i++)
        {
            double k = t[i] / step;
            Assert.True(Math.Abs(k - Math.Round(k)) < 1e-6, $"tick {t[i]} is not a multiple of {step}");
            if (i > 0) Assert.True(Math.Abs(t[i] - t[i - 1] - step) <= step * 1e-6, "ticks are not evenly spaced");
        }
    }
}
