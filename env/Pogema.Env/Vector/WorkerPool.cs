using System.Runtime.ExceptionServices;

namespace Pogema.Env.Vector;

/// <summary>
/// Threads that run one piece of work per worker index (worker 0 on the caller's thread) and wait for all to finish,
/// allocating nothing per run: the work delegate is fixed at construction and the signals are reused. The threads,
/// the caller's share and the hand-back of a worker's exception live here; how a run is started and its end awaited
/// is the subclass's (<see cref="EventWorkerPool"/>, <see cref="GenerationWorkerPool"/>).
/// </summary>
internal abstract class WorkerPool : IDisposable
{
    /// <summary>SpinWait rounds before blocking: the first ten spin, later ones yield the core, in all about a millisecond.</summary>
    protected const int SpinRounds = 2000;

    private readonly Action<int> _work;
    private readonly Thread[] _threads;
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _failure;

    private readonly int[] _helperCpus;

    protected WorkerPool(int workers, Action<int> work, WorkerPoolTuning tuning)
    {
        _work = work;
        Count = workers;
        _threads = new Thread[workers - 1];
        SpinTicks = tuning.SpinTicks;
        _helperCpus = tuning.PinThreads ? HelperCpus(workers) : [];
    }

    /// <summary>How long a waiting thread spins on pause instructions alone (<see cref="PureSpinner"/>), in stopwatch ticks.</summary>
    protected long SpinTicks { get; }

    /// <summary>Number of workers, the caller's thread included.</summary>
    public int Count { get; }

    /// <summary>Number of threads besides the caller's.</summary>
    protected int Helpers => _threads.Length;

    /// <summary>True once <see cref="Dispose"/> has begun: a woken worker returns instead of working.</summary>
    protected bool Stopping => _stopping;

    /// <summary>Runs the work for every worker index and returns when all are done; rethrows a worker's exception.</summary>
    public void Run()
    {
        if (_threads.Length == 0)
        {
            _work(0);
            return;
        }

        long run = BeginRun();
        try
        {
            _work(0);
        }
        finally
        {
            AwaitRun(run);
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
        WakeForStop();
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        DisposeSignals();
    }

    /// <summary>Starts the helper threads; a subclass calls it last in its constructor, once its signals exist.</summary>
    protected void StartThreads()
    {
        for (int w = 0; w < _threads.Length; w++)
        {
            int index = w + 1;
            _threads[w] = new Thread(() =>
            {
                PinHelper(index);
                Loop(index);
            }) { IsBackground = true, Name = $"vector-env-{index}" };
            _threads[w].Start();
        }
    }

    /// <summary>A helper thread's first act: pin itself to its CPU when the pool pins.</summary>
    protected void PinHelper(int index)
    {
        if (_helperCpus.Length != 0)
        {
            ThreadAffinity.PinCurrentThread(_helperCpus[index - 1]);
        }
    }

    /// <summary>Runs worker <paramref name="index"/>'s share on its thread, keeping an exception for the caller.</summary>
    protected void Work(int index)
    {
        try
        {
            _work(index);
        }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
    }

    /// <summary>
    /// The CPU for each helper: the caller's allowed CPUs in order, without the one the caller runs on now (its share
    /// runs there); none when there are fewer allowed CPUs than workers, where pinning would stack threads on a core.
    /// </summary>
    private static int[] HelperCpus(int workers)
    {
        int[] allowed = ThreadAffinity.AllowedCpus();
        if (allowed.Length < workers)
        {
            return [];
        }

        int callerCpu = Thread.GetCurrentProcessorId();
        var cpus = new int[workers - 1];
        int next = 0;
        foreach (int cpu in allowed)
        {
            if (next < cpus.Length && cpu != callerCpu)
            {
                cpus[next++] = cpu;
            }
        }

        return cpus;
    }

    /// <summary>Signals the helpers to start a run; returns a token that <see cref="AwaitRun"/> gets back.</summary>
    protected abstract long BeginRun();

    /// <summary>Returns once every helper has finished the run <paramref name="run"/>.</summary>
    protected abstract void AwaitRun(long run);

    /// <summary>A helper thread's life: wait for a run, <see cref="Work"/>, report, until <see cref="Stopping"/>.</summary>
    protected abstract void Loop(int index);

    /// <summary>Wakes every helper so that it sees <see cref="Stopping"/>.</summary>
    protected abstract void WakeForStop();

    /// <summary>Disposes the signals once every helper has exited.</summary>
    protected abstract void DisposeSignals();
}
