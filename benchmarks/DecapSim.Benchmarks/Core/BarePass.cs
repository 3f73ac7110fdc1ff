using DecapSim.Core.Random;

namespace DecapSim.Benchmarks.Core;

/// <summary>
/// The yardstick of the weekly step: one pass over a struct-of-arrays member table with one counter-based draw per
/// member and three competing weekly hazards (killed, arrested, leaving) from per-cell and per-faction rates. A step
/// that touched every member every week could not be cheaper than this.
/// </summary>
public sealed class BarePass
{
    private readonly int[] _faction, _cell;
    private readonly byte[] _status;
    private readonly float[] _age;
    private readonly double[] _kill, _arrest, _leave;
    private int _week;

    public BarePass(int members, int cells, int factions)
    {
        _faction = new int[members]; _cell = new int[members]; _status = new byte[members]; _age = new float[members];
        var rng = new StreamRng(99);
        for (int i = 0; i < members; i++)
        {
            _faction[i] = rng.Next(factions); _cell[i] = rng.Next(cells); _status[i] = 1; _age[i] = 16 + 40 * (float)rng.NextDouble();
        }
        _kill = new double[cells]; _arrest = new double[cells]; _leave = new double[factions];
        for (int c = 0; c < cells; c++) { _kill[c] = 2e-4 * (1 + c % 5); _arrest[c] = 3e-4 * (1 + c % 3); }
        for (int f = 0; f < factions; f++) _leave[f] = 5e-4 * (1 + f % 4);
    }

    public int Members => _status.Length;

    /// <summary>One week: returns the number of events (the table is left unchanged so every week costs the same).</summary>
    public int Week()
    {
        ulong week = (ulong)_week++;
        int events = 0;
        var status = _status; var cell = _cell; var faction = _faction; var age = _age;
        for (int i = 0; i < status.Length; i++)
        {
            if (status[i] != 1) continue;
            double u = CounterRng.Uniform(0x5EED, week, (ulong)i);
            int c = cell[i];
            double k = _kill[c], a = k + _arrest[c], l = a + _leave[faction[i]] * (age[i] > 40 ? 2 : 1);
            if (u < l) events++;
        }
        return events;
    }
}
