namespace DecapSim.Core.Random;

/// <summary>
/// A sequential random stream (xoshiro256**) that is a <see cref="System.Random"/>, so that
/// MathNet.Numerics distributions can sample from it. One stream per process per run; never shared
/// across threads.
/// </summary>
public sealed class StreamRng : System.Random
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a stream from a 64-bit key (use <see cref="CounterRng.Key"/>).</summary>
    public StreamRng(ulong key) => Reseed(key);

    /// <summary>Restarts the stream from a new key (no allocation): used to give each presence entry its own
    /// counter-based stream, so draws do not depend on the order entries are visited.</summary>
    public void Reseed(ulong key)
    {
        _s0 = CounterRng.Mix(key);
        _s1 = CounterRng.Mix(_s0 ^ 0x1234567UL);
        _s2 = CounterRng.Mix(_s1 ^ 0x89ABCDEFUL);
        _s3 = CounterRng.Mix(_s2 ^ 0xFEDCBA98UL);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1;
    }

    /// <summary>Next raw 64-bit value.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotL(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t; _s3 = RotL(_s3, 45);
        return result;
    }

    /// <summary>The four state words (checkpoints save and restore the stream's position with them).</summary>
    internal (ulong S0, ulong S1, ulong S2, ulong S3) State
    {
        get => (_s0, _s1, _s2, _s3);
        set => (_s0, _s1, _s2, _s3) = value;
    }

    private static ulong RotL(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <inheritdoc />
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <inheritdoc />
    public override int Next() => (int)(NextUInt64() >> 33);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        if (maxValue <= 0) return 0;
        return (int)((NextUInt64() >> 32) * (ulong)maxValue >> 32);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue) => minValue + Next(maxValue - minValue);

    /// <inheritdoc />
    public override long NextInt64() => (long)(NextUInt64() >> 1);

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)NextUInt64();
    }

    /// <summary>Bernoulli draw.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Poisson draw (MathNet.Numerics) that tolerates a zero or negative mean.</summary>
    public int Poisson(double mean) => mean <= 0 || double.IsNaN(mean) ? 0 : MathNet.Numerics.Distributions.Poisson.Sample(this, mean);

    /// <summary>Binomial draw (MathNet.Numerics) with p clamped to [0,1] (a NaN probability gives 0, like a NaN
    /// Poisson mean).</summary>
    public int Binomial(int n, double p)
    {
        if (n <= 0 || !(p > 0)) return 0;
        if (p >= 1) return n;
        return MathNet.Numerics.Distributions.Binomial.Sample(this, p, n);
    }
}
