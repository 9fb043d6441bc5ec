using System.Runtime.ExceptionServices;

namespace Pogema.Env.Vector;

/// <summary>
/// A fixed set of threads that run one piece of work per worker index and wait for all to finish. Worker 0 is the
/// caller's thread. Nothing is allocated per run: the work delegate is fixed at construction and the signals are
/// reused, so stepping stays allocation-free with any number of workers.
/// </summary>
/// <remarks>
/// A step of many small environments takes tens of microseconds, about as long as waking a blocked thread, so both
/// sides spin (yielding the core after the first rounds) for a while before they block: the workers for the next
/// run, and the caller, once its own share is done, for the last worker. The caller starts a run by setting one event
/// per worker, one after another; <see cref="GenerationWorkerPool"/> starts it with one write.
/// </remarks>
internal sealed class EventWorkerPool : IWorkerPool
{
    // SpinWait rounds before blocking: the first ten spin, later ones yield the core, in all about a millisecond.
    private const int SpinCount = 2000;

    private readonly Action<int> _work;
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _start;
    private readonly ManualResetEventSlim _done;
    private int _pending;
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _failure;

    public EventWorkerPool(int workers, Action<int> work)
    {
        _work = work;
        Count = workers;
        _threads = new Thread[workers - 1];
        _start = new ManualResetEventSlim[workers - 1];
        _done = new ManualResetEventSlim(false, SpinCount);
        for (int w = 0; w < _threads.Length; w++)
        {
            _start[w] = new ManualResetEventSlim(false, SpinCount);
            int index = w + 1;
            _threads[w] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"vector-env-{index}" };
            _threads[w].Start();
        }
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public void Run()
    {
        if (_threads.Length == 0)
        {
            _work(0);
            return;
        }

        Volatile.Write(ref _pending, _threads.Length);
        for (int w = 0; w < _start.Length; w++)
        {
            _start[w].Set();
        }

        try
        {
            _work(0);
        }
        finally
        {
            // Only the last worker of this run sets the event, so it can be cleared for the next run here.
            _done.Wait();
            _done.Reset();
        }

        if (_failure is { } failure)
        {
            _failure = null;
            failure.Throw();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        for (int w = 0; w < _start.Length; w++)
        {
            _start[w].Set();
        }

        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        foreach (ManualResetEventSlim signal in _start)
        {
            signal.Dispose();
        }

        _done.Dispose();
    }

    private void Loop(int index)
    {
        ManualResetEventSlim start = _start[index - 1];
        while (true)
        {
            start.Wait();
            start.Reset();
            if (_stopping)
            {
                return;
            }

            try
            {
                _work(index);
            }
            catch (Exception ex)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
            }

            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _done.Set();
            }
        }
    }
}
