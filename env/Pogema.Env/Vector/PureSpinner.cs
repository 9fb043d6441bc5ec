using System.Diagnostics;

namespace Pogema.Env.Vector;

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
