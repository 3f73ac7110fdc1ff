using DecapSim.Core.Parameters;
using DecapSim.Core.Random;

namespace DecapSim.Core.World;

/// <summary>TEMPORARY: replaced by the world builders branch.</summary>
public static class WorldFactory
{
    public static World Build(WorldParameters p, StreamRng rng)
    {
        if (p.Kind == WorldKind.WellMixed)
            return new World(new[] { 1_000_000 }, new[] { 1.0 }, new[] { 0 }, new[] { true }, new[] { true }, new[] { 0f }, new[] { 0f },
                new[] { 0, 0 }, Array.Empty<int>(), new[] { "Well-mixed" }, new[] { "WM" }, new[] { (0, 0) }, new[] { Array.Empty<int>() }, "well-mixed");
        int w = p.Kind == WorldKind.Grid ? p.Width : 50, h = p.Kind == WorldKind.Grid ? p.Height : 50;
        int n = w * h;
        var pop = new int[n]; var rw = new double[n]; var reg = new int[n]; var border = new bool[n]; var port = new bool[n];
        var x = new float[n]; var y = new float[n];
        var start = new int[n + 1]; var adj = new List<int>();
        int bands = Math.Min(32, h);
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int i = r * w + c;
                pop[i] = (int)(p.GridMeanPopulation * Math.Exp(rng.NextDouble() - 0.5));
                rw[i] = 1.0 / (1 + r);
                reg[i] = r * bands / h;
                border[i] = r == 0;
                x[i] = c; y[i] = r;
                start[i] = adj.Count;
                if (r > 0) adj.Add(i - w);
                if (c > 0) adj.Add(i - 1);
                if (c < w - 1) adj.Add(i + 1);
                if (r < h - 1) adj.Add(i + w);
            }
        start[n] = adj.Count;
        var names = Enumerable.Range(1, bands).Select(b => $"Band {b}").ToArray();
        var codes = Enumerable.Range(1, bands).Select(b => $"B{b}").ToArray();
        var tiles = Enumerable.Range(0, bands).Select(b => (0, b)).ToArray();
        var nb = Enumerable.Range(0, bands).Select(b => new[] { b - 1, b + 1 }.Where(v => v >= 0 && v < bands).ToArray()).ToArray();
        return new World(pop, rw, reg, border, port, x, y, start, adj.ToArray(), names, codes, tiles, nb, $"grid {w}x{h}");
    }
}
