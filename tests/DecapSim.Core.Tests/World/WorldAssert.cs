using WorldModel = DecapSim.Core.World.World;
using DecapSim.Core.World;

namespace DecapSim.Core.Tests.World;

/// <summary>Graph checks shared by the world tests.</summary>
internal static class WorldAssert
{
    public static bool IsSymmetric(WorldModel w)
    {
        for (int c = 0; c < w.CellCount; c++)
            foreach (int nb in w.Neighbours(c))
                if (nb == c || w.Neighbours(nb).IndexOf(c) < 0) return false;
        return true;
    }

    public static int ReachableFrom(WorldModel w, int source)
    {
        var seen = new bool[w.CellCount];
        var queue = new int[w.CellCount];
        int head = 0, tail = 0;
        seen[source] = true;
        queue[tail++] = source;
        while (head < tail)
        {
            int c = queue[head++];
            foreach (int nb in w.Neighbours(c))
                if (!seen[nb]) { seen[nb] = true; queue[tail++] = nb; }
        }
        return tail;
    }
}
