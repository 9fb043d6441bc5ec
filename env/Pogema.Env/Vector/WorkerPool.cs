using System.Runtime.ExceptionServices;

namespace Pogema.Env.Vector;

/// <summary>
/// Threads that run one piece of work per worker index (worker 0 on the caller's thread) and wait for all to finish,
/// allocating nothing per run: the work delegate is fixed at construction and the signals are reused.
/// </summary>
/// <remarks>
/// A step of many small environments takes a few microseconds per worker, so the signals are plain counters that
/// both sides spin on before they sleep (<see cref="SpinThenSleep"/>; on pause instructions alone first for
/// <see cref="WorkerPoolTuning.SpinMicroseconds"/>). A run starts with one write of a generation counter that every worker
/// sees at once; each worker reports completion in its own cache line, so no two workers write the same line and the
/// caller reads each once. On 16 cores of the GPU test machine this beat one event per worker, set one after another
/// with one shared completion counter, in 15 of 16 all-core runs (docs/performance.md), and replaced it.
/// </remarks>
internal sealed class WorkerPool : IDisposable
{
    private readonly Action<int> _work;
    private readonly Thread[] _threads;
    private readonly int[] _helperCpus;

    // Per helper: the last generation it finished (each in its own cache line), and its wait for the next run.
    private readonly PaddedCounter[] _finished;
    private readonly SpinThenSleep[] _helperWaits;

    // The caller's wait for the helpers.
    private readonly SpinThenSleep _callerWait = new();
    private PaddedCounter _generation;

    // True once Dispose has begun: a woken worker returns instead of working.
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _failure;

    public WorkerPool(int workers, Action<int> work, WorkerPoolTuning tuning = default)
    {
        _work = work;
        Count = workers;
        _threads = new Thread[workers - 1];
        SpinTicks = tuning.SpinTicks;
        _helperCpus = tuning.PinThreads ? HelperCpus(workers) : [];
        _finished = new PaddedCounter[workers - 1];
        _helperWaits = new SpinThenSleep[workers - 1];
        for (int w = 0; w < _helperWaits.Length; w++)
        {
            _helperWaits[w] = new SpinThenSleep();
        }

        StartThreads();
    }

    /// <summary>How long a waiting thread spins on pause instructions alone (<see cref="PureSpinner"/>), in stopwatch ticks.</summary>
    private long SpinTicks { get; }

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

        long run = BeginRun();
        try
        {
            _work(0);
        }
        finally
        {
            _callerWait.Wait(new AllFinished(this, run), SpinTicks);
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
        BeginRun();
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        foreach (SpinThenSleep wait in _helperWaits)
        {
            wait.Dispose();
        }

        _callerWait.Dispose();
    }

    /// <summary>Starts the helper threads, last in the constructor, once the signals exist.</summary>
    private void StartThreads()
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
    private void PinHelper(int index)
    {
        if (_helperCpus.Length != 0)
        {
            ThreadAffinity.PinCurrentThread(_helperCpus[index - 1]);
        }
    }

    /// <summary>Runs worker <paramref name="index"/>'s share on its thread, keeping an exception for the caller.</summary>
    private void Work(int index)
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

    /// <summary>Starts a run (or, once <see cref="_stopping"/> is set, the helpers' exit): one new generation for all.</summary>
    private long BeginRun()
    {
        // A full fence: a helper going to sleep either sees the new generation or is seen sleeping.
        long generation = Interlocked.Increment(ref _generation.Value);
        foreach (SpinThenSleep wait in _helperWaits)
        {
            wait.Wake();
        }

        return generation;
    }

    private void Loop(int index)
    {
        ref long finished = ref _finished[index - 1].Value;
        SpinThenSleep wait = _helperWaits[index - 1];
        long seen = 0;
        while (true)
        {
            wait.Wait(new NewRun(this, seen), SpinTicks);
            seen = Volatile.Read(ref _generation.Value);
            if (_stopping)
            {
                return;
            }

            Work(index);

            // A full fence, the mirror of the caller's: either the caller sees this helper done or it is seen asleep.
            Interlocked.Exchange(ref finished, seen);
            _callerWait.Wake();
        }
    }

    /// <summary>Every helper has finished run <c>generation</c>.</summary>
    private readonly struct AllFinished(WorkerPool pool, long generation) : SpinThenSleep.ICondition
    {
        public bool IsMet()
        {
            foreach (ref PaddedCounter finished in pool._finished.AsSpan())
            {
                if (Volatile.Read(ref finished.Value) != generation)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The generation has moved past the one a helper last ran.</summary>
    private readonly struct NewRun(WorkerPool pool, long seen) : SpinThenSleep.ICondition
    {
        public bool IsMet() => Volatile.Read(ref pool._generation.Value) != seen;
    }
}
