using System.Runtime.ExceptionServices;

namespace Pogema.Env.Vector;

/// <summary>
/// Counts the slices of a run as they finish, so the caller can end the run when every slice is done instead of when
/// every worker has reported: a worker whose core the host has taken away (a descheduled vCPU) then holds up only a
/// slice it is inside, never a run it missed. The caller spins, then sleeps until the last slice wakes it
/// (<see cref="SpinThenSleep"/>). A slice's exception is kept before the slice counts as done, so the caller sees it
/// when it returns. Allocation-free while running.
/// </summary>
internal sealed class SliceCompletion : IDisposable
{
    private readonly SpinThenSleep _callerWait = new();
    private PaddedCounter _done;
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
        if (Interlocked.Increment(ref _done.Value) == _total)
        {
            _callerWait.Wake();
        }
    }

    /// <summary>Returns once every slice of the run is done; rethrows a slice's exception, once.</summary>
    public void Wait()
    {
        _callerWait.Wait(new AllDone(this), pureSpinTicks: 0);
        if (Interlocked.Exchange(ref _failure, null) is { } failure)
        {
            failure.Throw();
        }
    }

    public void Dispose() => _callerWait.Dispose();

    private readonly struct AllDone(SliceCompletion completion) : SpinThenSleep.ICondition
    {
        public bool IsMet() => Volatile.Read(ref completion._done.Value) >= completion._total;
    }
}
