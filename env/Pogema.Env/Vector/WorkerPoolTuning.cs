using System.Diagnostics;

namespace Pogema.Env.Vector;

/// <summary>How a <see cref="WorkerPool"/>'s threads wait and where they run.</summary>
/// <param name="SpinMicroseconds">
/// How long a waiting thread (a worker for the next run, the caller for the last worker) first spins on pause
/// instructions alone, before it begins yielding its core and, later, blocks. 0: yield from the start.
/// </param>
/// <param name="PinThreads">
/// Whether each helper thread is pinned to its own CPU of the caller's affinity set, leaving out the CPU the caller
/// runs on when the pool starts (Linux only). Threads stay unpinned when the set has fewer CPUs than workers.
/// </param>
internal readonly record struct WorkerPoolTuning(int SpinMicroseconds = 0, bool PinThreads = false)
{
    /// <summary><see cref="SpinMicroseconds"/> in <see cref="Stopwatch"/> ticks.</summary>
    public long SpinTicks => SpinMicroseconds * Stopwatch.Frequency / 1_000_000;
}

/// <summary>
/// Spins on pause instructions until a deadline that it sets on its first check of the clock; allocation-free.
/// </summary>
internal struct PureSpinner
{
    private readonly long _ticks;
    private long _deadline;
    private int _count;

    public PureSpinner(long ticks) => _ticks = ticks;

    /// <summary>Spins briefly (about 40 ns) and returns whether to keep spinning; false at once when no spin time was given.</summary>
    public bool Spin()
    {
        if (_ticks <= 0)
        {
            return false;
        }

        Thread.SpinWait(1);

        // Reading the clock costs about as much as a few pauses, so only every 64th round does.
        if ((++_count & 63) != 0)
        {
            return true;
        }

        long now = Stopwatch.GetTimestamp();
        if (_deadline == 0)
        {
            _deadline = now + _ticks;
            return true;
        }

        return now < _deadline;
    }
}
