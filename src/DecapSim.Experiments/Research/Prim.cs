namespace DecapSim.Experiments.Research;

/// <summary>Settings of <see cref="Prim"/>.</summary>
/// <param name="PeelAlpha">Share of the box's points a peel removes (Friedman &amp; Fisher's alpha; 0.05 is their
/// usual choice). A peel always removes at least one whole level of the parameter, so on a small grid (alpha x n &lt; 1)
/// each step still removes a grid level.</param>
/// <param name="PasteAlpha">Share of the box's points a paste adds (at least one level).</param>
/// <param name="MinMass">Smallest share of all points a box may hold (beta_0).</param>
/// <param name="Box">The trajectory box to paste and report, instead of the automatic choice (null).</param>
public sealed record PrimOptions(double PeelAlpha = 0.05, double PasteAlpha = 0.05, double MinMass = 0.05, int? Box = null);

/// <summary>A box: inclusive bounds per parameter, on the parameters' own values, and its statistics.</summary>
/// <param name="Index">Position on the trajectory (0 = every point).</param>
/// <param name="Lo">Lowest value kept, per parameter.</param>
/// <param name="Hi">Highest value kept, per parameter.</param>
/// <param name="Points">Points inside the box.</param>
/// <param name="Cases">Cases of interest inside the box.</param>
/// <param name="Coverage">Cases inside / all cases.</param>
/// <param name="Density">Cases inside / points inside.</param>
/// <param name="Mass">Points inside / all points.</param>
/// <param name="Stage">"all", "peel" or "paste".</param>
public sealed record PrimBox(int Index, double[] Lo, double[] Hi, int Points, int Cases, double Coverage, double Density, double Mass, string Stage)
{
    /// <summary>Parameters the box restricts (narrower than the data's range), in parameter order.</summary>
    public int[] Restricted(PrimResult r) =>
        Enumerable.Range(0, Lo.Length).Where(j => Lo[j] > r.DataMin[j] || Hi[j] < r.DataMax[j]).ToArray();
}

/// <summary>A PRIM run: the peeling trajectory, the box chosen from it, and that box after pasting (the last entry).</summary>
/// <param name="Trajectory">Box 0 (all points), the peeled boxes, then the pasted box when pasting changed the chosen one.</param>
/// <param name="Chosen">Index of the box chosen from the peeling trajectory: <see cref="PrimOptions.Box"/> when given,
/// else the largest coverage x density among boxes that restrict a parameter (0 when no peel was possible).</param>
/// <param name="Final">Index of the final box: the chosen box after pasting.</param>
public sealed record PrimResult(IReadOnlyList<PrimBox> Trajectory, int Chosen, int Final, double[] DataMin, double[] DataMax, int TotalPoints, int TotalCases);

/// <summary>
/// The Patient Rule Induction Method (Friedman &amp; Fisher 1999, "Bump hunting in high-dimensional data"), as used
/// for scenario discovery (Bryant &amp; Lempert 2010): starting from the box holding every point, repeatedly peel off
/// the slice (the lowest or highest alpha share of one parameter's values) whose removal leaves the highest share of
/// cases of interest, down to a minimum mass; pick a box from that trajectory; then paste slices back on while that
/// does not lower the density. Parameters are numbers (a list of categories is given as their indices).
/// Deterministic: ties go to the larger box, then to the lower parameter index, then to the lower side.
/// </summary>
public static class Prim
{
    /// <summary>Runs PRIM on points <paramref name="x"/>[i][j] with cases of interest <paramref name="y"/>[i].</summary>
    public static PrimResult Run(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, PrimOptions? options = null)
    {
        var o = options ?? new PrimOptions();
        int n = x.Count;
        if (n == 0 || y.Count != n) throw new ArgumentException("PRIM needs points and one case flag per point");
        int d = x[0].Length;
        var min = new double[d];
        var max = new double[d];
        for (int j = 0; j < d; j++)
        {
            min[j] = x.Min(p => p[j]);
            max[j] = x.Max(p => p[j]);
        }
        int totalCases = y.Count(c => c);
        int minPoints = Math.Max(1, (int)Math.Ceiling(o.MinMass * n));
        var boxes = new List<PrimBox>();
        PrimBox Make(double[] lo, double[] hi, string stage)
        {
            int pts = 0, cases = 0;
            for (int i = 0; i < n; i++)
                if (Inside(x[i], lo, hi)) { pts++; if (y[i]) cases++; }
            return new PrimBox(boxes.Count, lo, hi, pts, cases, totalCases == 0 ? 0 : (double)cases / totalCases,
                pts == 0 ? 0 : (double)cases / pts, (double)pts / n, stage);
        }
        var box = Make((double[])min.Clone(), (double[])max.Clone(), "all");
        boxes.Add(box);
        while (box.Density < 1 && box.Points > minPoints)
        {
            var next = BestPeel(x, y, box, o.PeelAlpha, minPoints);
            if (next is null) break;
            box = Make(next.Value.Lo, next.Value.Hi, "peel");
            boxes.Add(box);
        }
        int chosen = 0;
        double best = double.NegativeInfinity;
        for (int k = 1; k < boxes.Count; k++)
        {
            double score = boxes[k].Coverage * boxes[k].Density;
            if (score > best) { best = score; chosen = k; }
        }
        if (o.Box is int k0)
        {
            if (k0 < 0 || k0 >= boxes.Count) throw new ArgumentOutOfRangeException(nameof(options), $"box {k0} is not on the trajectory (boxes 0..{boxes.Count - 1})");
            chosen = k0;
        }
        int final = chosen;
        if (chosen > 0)
        {
            var b = boxes[chosen];
            bool changed = false;
            while (BestPaste(x, y, b, o.PasteAlpha) is { } p)
            {
                b = b with { Lo = p.Lo, Hi = p.Hi, Points = p.Points, Cases = p.Cases, Coverage = totalCases == 0 ? 0 : (double)p.Cases / totalCases,
                    Density = (double)p.Cases / p.Points, Mass = (double)p.Points / n };
                changed = true;
            }
            if (changed)
            {
                boxes.Add(b with { Index = boxes.Count, Stage = "paste" });
                final = boxes.Count - 1;
            }
        }
        return new PrimResult(boxes, chosen, final, min, max, n, totalCases);
    }

    private static bool Inside(double[] p, double[] lo, double[] hi)
    {
        for (int j = 0; j < p.Length; j++) if (p[j] < lo[j] || p[j] > hi[j]) return false;
        return true;
    }

    /// <summary>True when p is inside the box in every parameter but <paramref name="skip"/>.</summary>
    private static bool InsideExcept(double[] p, double[] lo, double[] hi, int skip)
    {
        for (int j = 0; j < p.Length; j++) if (j != skip && (p[j] < lo[j] || p[j] > hi[j])) return false;
        return true;
    }

    /// <summary>(value, points, cases) per distinct value of parameter j among <paramref name="members"/>, ascending.</summary>
    private static List<(double Value, int Points, int Cases)> Levels(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, IEnumerable<int> members, int j)
    {
        var map = new SortedDictionary<double, (int P, int C)>();
        foreach (int i in members)
        {
            map.TryGetValue(x[i][j], out var v);
            map[x[i][j]] = (v.P + 1, v.C + (y[i] ? 1 : 0));
        }
        return map.Select(kv => (kv.Key, kv.Value.P, kv.Value.C)).ToList();
    }

    private static (double[] Lo, double[] Hi)? BestPeel(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, PrimBox box, double alpha, int minPoints)
    {
        int n = x.Count, d = box.Lo.Length;
        var members = Enumerable.Range(0, n).Where(i => Inside(x[i], box.Lo, box.Hi)).ToList();
        int need = Math.Max(1, (int)Math.Ceiling(alpha * members.Count - 1e-9));
        (double Density, int Points, double[] Lo, double[] Hi)? best = null;
        for (int j = 0; j < d; j++)
        {
            var levels = Levels(x, y, members, j);
            if (levels.Count < 2) continue;
            for (int side = 0; side < 2; side++)
            {
                // remove whole levels from one end until at least `need` points are gone; keep at least one level
                int removedP = 0, removedC = 0, k = 0;
                while (removedP < need && k < levels.Count - 1)
                {
                    var l = levels[side == 0 ? k : levels.Count - 1 - k];
                    removedP += l.Points; removedC += l.Cases; k++;
                }
                int pts = box.Points - removedP, cases = box.Cases - removedC;
                if (pts < minPoints) continue;
                double density = (double)cases / pts;
                if (best is null || density > best.Value.Density || (density == best.Value.Density && pts > best.Value.Points))
                {
                    var lo = (double[])box.Lo.Clone();
                    var hi = (double[])box.Hi.Clone();
                    if (side == 0) lo[j] = levels[k].Value; else hi[j] = levels[levels.Count - 1 - k].Value;
                    best = (density, pts, lo, hi);
                }
            }
        }
        return best is { } b ? (b.Lo, b.Hi) : null;
    }

    private static (double[] Lo, double[] Hi, int Points, int Cases)? BestPaste(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, PrimBox box, double alpha)
    {
        int n = x.Count, d = box.Lo.Length;
        int need = Math.Max(1, (int)Math.Ceiling(alpha * box.Points - 1e-9));
        (double Density, int Points, int Cases, double[] Lo, double[] Hi)? best = null;
        for (int j = 0; j < d; j++)
        {
            // points inside the box in every other parameter but outside it in j, below and above
            var below = Levels(x, y, Enumerable.Range(0, n).Where(i => x[i][j] < box.Lo[j] && InsideExcept(x[i], box.Lo, box.Hi, j)), j);
            var above = Levels(x, y, Enumerable.Range(0, n).Where(i => x[i][j] > box.Hi[j] && InsideExcept(x[i], box.Lo, box.Hi, j)), j);
            for (int side = 0; side < 2; side++)
            {
                var levels = side == 0 ? below : above;
                if (levels.Count == 0) continue;
                int addP = 0, addC = 0, k = 0;
                double edge = 0;
                while (addP < need && k < levels.Count)
                {
                    var l = levels[side == 0 ? levels.Count - 1 - k : k]; // nearest levels first
                    addP += l.Points; addC += l.Cases; edge = l.Value; k++;
                }
                int pts = box.Points + addP, cases = box.Cases + addC;
                double density = (double)cases / pts;
                if (density < box.Density || addC == 0) continue;
                if (best is null || density > best.Value.Density || (density == best.Value.Density && cases > best.Value.Cases))
                {
                    var lo = (double[])box.Lo.Clone();
                    var hi = (double[])box.Hi.Clone();
                    if (side == 0) lo[j] = edge; else hi[j] = edge;
                    best = (density, pts, cases, lo, hi);
                }
            }
        }
        return best is { } b ? (b.Lo, b.Hi, b.Points, b.Cases) : null;
    }
}
