namespace Pogema.Env.Vector;

/// <summary>
/// One thread waiting for a condition that other threads make true: it spins (on pause instructions alone for a set
/// time, then yielding its core), then sleeps until a thread that made the condition true wakes it. Waits of a few
/// microseconds, the common case between vector steps, never reach the kernel. Allocation-free.
/// </summary>
/// <remarks>
/// The sleep cannot miss a wake-up: the sleeper announces itself with a full fence and then looks at the condition
/// again, and a waker makes the condition true with a full fence (an interlocked write) before it looks for a sleeper,
/// so at least one of them sees the other.
/// </remarks>
internal sealed class SpinThenSleep : IDisposable
{
    /// <summary>SpinWait rounds before sleeping: the first ten spin, later ones yield the core, in all about a millisecond.</summary>
    private const int SpinRounds = 2000;

    private readonly ManualResetEventSlim _wake = new(false, 0);
    private PaddedCounter _sleeping;

    /// <summary>A condition read again and again while waiting; a struct, so that waiting allocates nothing.</summary>
    public interface ICondition
    {
        bool IsMet();
    }

    /// <summary>Returns once <paramref name="condition"/> holds, after spinning on pause instructions for up to <paramref name="pureSpinTicks"/>.</summary>
    public void Wait<TCondition>(TCondition condition, long pureSpinTicks)
        where TCondition : struct, ICondition
    {
        var pure = new PureSpinner(pureSpinTicks);
        do
        {
            if (condition.IsMet())
            {
                return;
            }
        }
        while (pure.Spin());

        var spinner = default(SpinWait);
        for (int round = 0; round < SpinRounds; round++)
        {
            if (condition.IsMet())
            {
                return;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        while (!condition.IsMet())
        {
            // A wake-up left over from an earlier wait only costs one more look at the condition.
            _wake.Reset();
            Interlocked.Exchange(ref _sleeping.Value, 1);
            if (!condition.IsMet())
            {
                _wake.Wait();
            }

            Volatile.Write(ref _sleeping.Value, 0);
        }
    }

    /// <summary>Wakes the waiter if it sleeps; call it after making the condition true with a full fence.</summary>
    public void Wake()
    {
        if (Volatile.Read(ref _sleeping.Value) != 0)
        {
            _wake.Set();
        }
    }

    public void Dispose() => _wake.Dispose();
}
