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
