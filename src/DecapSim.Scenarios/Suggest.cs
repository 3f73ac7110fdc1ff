namespace DecapSim.Scenarios;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Suggest
{
    /// <summary>Levenshtein distance, case-insensitive.</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>The candidate nearest to <paramref name="name"/>, or null when none is close enough.</summary>
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestD = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = Distance(name, c);
            if (d < bestD) { bestD = d; best = c; }
        }
        if (best is null) return null;
        int limit = Math.Max(2, Math.Min(name.Length, best.Length) / 3);
        return bestD <= limit ? best : null;
    }

    /// <summary>" Did you mean 'X'?" or "".</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
        => Nearest(name, candidates) is { } s ? $" Did you mean '{s}'?" : "";
}
