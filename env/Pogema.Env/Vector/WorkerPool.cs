using System.Runtime.ExceptionServices;

namespace Pogema.Env.Vector;

/// <summary>
/// A fixed set of threads that run one piece of work per worker index and wait for all to finish. Worker 0 is the
/// caller's thread. Nothing is allocated per run: the work delegate is fixed at construction and the signals are
/// reused, so stepping stays allocation-free with any number of workers.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly Action<int> _work;
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _start;
    private readonly CountdownEvent _done;
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _failure;

    public WorkerPool(int workers, Action<int> work)
    {
        _work = work;
        Count = workers;
        _threads = new Thread[workers - 1];
        _start = new ManualResetEventSlim[workers - 1];
        _done = new CountdownEvent(1);
        for (int w = 0; w < _threads.Length; w++)
        {
            _start[w] = new ManualResetEventSlim(false, spinCount: 2000);
            int index = w + 1;
            _threads[w] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"vector-env-{index}" };
            _threads[w].Start();
        }
    }

    /// <summary>Number of workers, the caller's thread included.</summary>
    public int Count { get; }

    /// <summary>Runs the work for every worker index and returns when all are done; rethrows a worker's exception.</summary>
    public void Run()
    {
        if (_threads.Length == 0)
        {
            _work(0);
            return;
        }

        _done.Reset(_threads.Length);
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
            _done.Wait();
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

            _done.Signal();
        }
    }
}
