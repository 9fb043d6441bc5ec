namespace Pogema.Env.Vector;

/// <summary>
/// A <see cref="WorkerPool"/> whose caller starts a run by setting one event per worker, one after another, and
/// whose workers count completions down on one shared counter.
/// </summary>
/// <remarks>
/// A step of many small environments takes tens of microseconds, about as long as waking a blocked thread, so both
/// sides spin (yielding the core after the first rounds) for a while before they block: the workers for the next
/// run, and the caller, once its own share is done, for the last worker. <see cref="GenerationWorkerPool"/> starts a
/// run with one write instead.
/// </remarks>
internal sealed class EventWorkerPool : WorkerPool
{
    private readonly ManualResetEventSlim[] _start;
    private readonly ManualResetEventSlim _done;
    private int _pending;

    public EventWorkerPool(int workers, Action<int> work, WorkerPoolTuning tuning = default)
        : base(workers, work, tuning)
    {
        _start = new ManualResetEventSlim[Helpers];
        _done = new ManualResetEventSlim(false, SpinRounds);
        for (int w = 0; w < _start.Length; w++)
        {
            _start[w] = new ManualResetEventSlim(false, SpinRounds);
        }

        StartThreads();
    }

    protected override long BeginRun()
    {
        Volatile.Write(ref _pending, _start.Length);
        for (int w = 0; w < _start.Length; w++)
        {
            _start[w].Set();
        }

        return 0;
    }

    protected override void AwaitRun(long run)
    {
        // Only the last worker of this run sets the event, so it can be cleared for the next run here.
        var spinner = new PureSpinner(SpinTicks);
        while (!_done.IsSet && spinner.Spin())
        {
        }

        _done.Wait();
        _done.Reset();
    }

    protected override void Loop(int index)
    {
        ManualResetEventSlim start = _start[index - 1];
        while (true)
        {
            var spinner = new PureSpinner(SpinTicks);
            while (!start.IsSet && spinner.Spin())
            {
            }

            start.Wait();
            start.Reset();
            if (Stopping)
            {
                return;
            }

            Work(index);
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _done.Set();
            }
        }
    }

    protected override void WakeForStop()
    {
        foreach (ManualResetEventSlim start in _start)
        {
            start.Set();
        }
    }

    protected override void DisposeSignals()
    {
        foreach (ManualResetEventSlim start in _start)
        {
            start.Dispose();
        }

        _done.Dispose();
    }
}
