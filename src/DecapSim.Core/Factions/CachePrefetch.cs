using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace DecapSim.Core.Factions;

/// <summary>
/// Asks the processor to start loading an array element into cache before a loop reaches it. Loops that visit
/// members in a known order (a plaza's members, the slots changed this week) read several per-member arrays at
/// scattered indices, and each read otherwise waits for memory in turn. A hint only: it changes no value, so no
/// result depends on it (the address is taken without pinning; if the collector moves the array meanwhile, the hint
/// is merely wasted). No-op where SSE is unavailable.
/// </summary>
internal static class CachePrefetch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Element<T>(T[] array, int index) where T : unmanaged
    {
        if (Sse.IsSupported && (uint)index < (uint)array.Length)
            Sse.Prefetch0(Unsafe.AsPointer(ref array[index]));
    }
}
