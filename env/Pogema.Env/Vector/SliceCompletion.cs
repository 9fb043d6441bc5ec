using System.Runtime.ExceptionServices;

namespace Pogema.Env.Vector;

/// <summary>
/// Counts the slices of a run as they finish, so the caller can end the run when every slice is done instead of when
/// every worker has reported: a worker whose core the host has taken away (a descheduled vCPU) then holds up only a
/// slice it is inside, never a run it missed. The caller spins, then blocks until the last slice wakes it. A
/// slice's exception is kept before the slice counts as done, so the caller sees it when it returns. Allocation-free
/// while running.
/// </summary>
internal sealed class SliceCompletion : IDisposable
{
    /// <summary>SpinWait rounds before the caller blocks (the first ten spin, later ones yield the core).</summary>
    private const int SpinRounds = 2000;

    private readonly ManualResetEventSlim _wake = new(false, 0);
    private PaddedCounter _done;
    private PaddedCounter _callerSleeping;
    private int _total;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Starts counting a run of <paramref name="slices"/> slices (the caller, before it starts the workers).</summary>
    public void Begin(int slices)
    {
        _total = slices;
        Volatile.Write(ref _done.Value, 0);
    }

    /// <summary>Keeps the first exception of the run; call it before <see cref="SliceDone"/> for the slice that threw.</summary>
    public void Fail(Exception exception) => Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(exception), null);

    /// <summary>Marks one slice done (its results written and fenced); the last one wakes a sleeping caller.</summary>
    public void SliceDone()
    {
        // A full fence, the mirror of the caller's: either the caller sees the count or it is seen asleep.
        if (Interlocked.Increment(ref _done.Value) == _total && Volatile.Read(ref _callerSleeping.Value) != 0)
        {
            _wake.Set();
        }
    }

    /// <summary>Returns once every slice of the run is done; rethrows a slice's exception, once.</summary>
    public void Wait()
    {
        var spinner = default(SpinWait);
        for (int round = 0; round < SpinRounds && !AllDone(); round++)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        while (!AllDone())
        {
            _wake.Reset();
            Interlocked.Exchange(ref _callerSleeping.Value, 1);
            if (!AllDone())
            {
                _wake.Wait();
            }

            Volatile.Write(ref _callerSleeping.Value, 0);
        }

        if (Interlocked.Exchange(ref _failure, null) is { } failure)
        {
            failure.Throw();
        }
    }

    public void Dispose() => _wake.Dispose();

    private bool AllDone() => Volatile.Read(ref _done.Value) >= _total;
}
