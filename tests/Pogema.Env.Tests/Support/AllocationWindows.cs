namespace Pogema.Env.Tests.Support;

/// <summary>
/// Bytes a piece of work allocates on the calling thread, measured over a few windows: the runtime allocates now and
/// then on whichever thread runs a method it is recompiling (an 8 KB block, once), so one window can see bytes the
/// work did not allocate, while work that allocates shows in every window.
/// </summary>
internal static class AllocationWindows
{
    /// <summary>The fewest bytes any of up to <paramref name="windows"/> runs of <paramref name="body"/> allocated (stops at 0).</summary>
    public static long Least(Action body, int windows = 5)
    {
        long least = long.MaxValue;
        for (int window = 0; window < windows && least != 0; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            body();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
