using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Pogema.Env.Vector;

/// <summary>
/// Threads that run one piece of work per worker index (worker 0 on the caller's thread) and wait for all to finish,
/// allocating nothing per run: the work delegate is fixed at construction and the signals are reused.
/// </summary>
/// <remarks>
/// A step of many small environments takes a few microseconds per worker, so the signals are plain counters that
/// both sides spin on (optionally on pause instructions alone first, <see cref="WorkerPoolTuning.SpinMicroseconds"/>;
/// then yielding the core) before they block. A run starts with one write of a generation counter that every worker
/// sees at once; each worker reports completion in its own cache line, so no two workers write the same line and the
/// caller reads each once. On 16 cores of the GPU test machine this beat one event per worker, set one after another
/// with one shared completion counter, in 15 of 16 all-core runs (docs/performance.md), and replaced it.
/// </remarks>
internal sealed class WorkerPool : IDisposable
{
    /// <summary>SpinWait rounds before blocking: the first ten spin, later ones yield the core, in all about a millisecond.</summary>
    private const int SpinRounds = 2000;

    private readonly Action<int> _work;
    private readonly Thread[] _threads;
    private readonly int[] _helperCpus;
    private readonly WorkerSignal[] _signals;
    private readonly ManualResetEventSlim[] _wake;
    private readonly ManualResetEventSlim _done;
    private PaddedCounter _generation;
    private PaddedCounter _callerSleeping;

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
        _signals = new WorkerSignal[workers - 1];
        _wake = new ManualResetEventSlim[workers - 1];
        _done = new ManualResetEventSlim(false, 0);
        for (int w = 0; w < _wake.Length; w++)
        {
            _wake[w] = new ManualResetEventSlim(false, 0);
        }

        StartThreads();
    }

    /// <summary>How long a waiting thread spins on pause instructions alone (<see cref="PureSpinner"/>), in stopwatch ticks.</summary>
    private long SpinTicks { get; }

    /// <summary>Number of workers, the caller's thread included.</summary>
    public int Count { get; }

    /// <summary>
    /// Runs the work for every worker index and returns when all are done; rethrows a worker's exception. With
    /// <paramref name="join"/> false it returns as soon as the caller's own share does: the work then decides when the
    /// run is over (the caller's share waits for it), and a worker still reporting a finished run, or waking late for
    /// it, must find nothing left to do.
    /// </summary>
    public void Run(bool join = true)
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
            if (join)
            {
                WaitForWorkers(run);
            }
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

    private long BeginRun()
    {
        // A full fence: a worker going to sleep either sees the new generation or is seen sleeping here.
        long generation = Interlocked.Increment(ref _generation.Value);
        for (int w = 0; w < _signals.Length; w++)
        {
            if (Volatile.Read(ref _signals[w].Sleeping) != 0)
            {
                _wake[w].Set();
            }
        }

        return generation;
    }

        private void WakeForStop()
    {
        Interlocked.Increment(ref _generation.Value);
        foreach (ManualResetEventSlim wake in _wake)
        {
            wake.Set();
        }
    }

    private void DisposeSignals()
    {
        foreach (ManualResetEventSlim wake in _wake)
        {
            wake.Dispose();
        }

        _done.Dispose();
    }

    private bool AllDone(long generation)
    {
        for (int w = 0; w < _signals.Length; w++)
        {
            if (Volatile.Read(ref _signals[w].Done) != generation)
            {
                return false;
            }
        }

        return true;
    }

    private void WaitForWorkers(long generation)
    {
        var pure = new PureSpinner(SpinTicks);
        while (!AllDone(generation))
        {
            if (!pure.Spin())
            {
                break;
            }
        }

        var spinner = default(SpinWait);
        for (int round = 0; round < SpinRounds; round++)
        {
            if (AllDone(generation))
            {
                return;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        while (true)
        {
            _done.Reset();
            Interlocked.Exchange(ref _callerSleeping.Value, 1);
            bool done = AllDone(generation);
            if (!done)
            {
                _done.Wait();
            }

            Volatile.Write(ref _callerSleeping.Value, 0);
            if (done || AllDone(generation))
            {
                return;
            }
        }
    }

    private void Loop(int index)
    {
        ref WorkerSignal signal = ref _signals[index - 1];
        ManualResetEventSlim wake = _wake[index - 1];
        long seen = 0;
        while (true)
        {
            seen = WaitForRun(ref signal, wake, seen);
            if (_stopping)
            {
                return;
            }

            Work(index);

            // A full fence, the mirror of the caller's: either the caller sees this worker done or it is seen asleep.
            Interlocked.Exchange(ref signal.Done, seen);
            if (Volatile.Read(ref _callerSleeping.Value) != 0)
            {
                _done.Set();
            }
        }
    }

    /// <summary>Waits until the generation moves past <paramref name="seen"/>; returns the new one.</summary>
    private long WaitForRun(ref WorkerSignal signal, ManualResetEventSlim wake, long seen)
    {
        var pure = new PureSpinner(SpinTicks);
        do
        {
            long generation = Volatile.Read(ref _generation.Value);
            if (generation != seen)
            {
                return generation;
            }
        }
        while (pure.Spin());

        while (true)
        {
            var spinner = default(SpinWait);
            for (int round = 0; round < SpinRounds; round++)
            {
                long generation = Volatile.Read(ref _generation.Value);
                if (generation != seen)
                {
                    return generation;
                }

                spinner.SpinOnce(sleep1Threshold: -1);
            }

            // A wake-up left over from an earlier run only costs one more round of spinning.
            wake.Reset();
            Interlocked.Exchange(ref signal.Sleeping, 1);
            if (Volatile.Read(ref _generation.Value) == seen)
            {
                wake.Wait();
            }

            Volatile.Write(ref signal.Sleeping, 0);
        }
    }

    /// <summary>One worker's signals, 128 bytes apart from the next worker's.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct WorkerSignal
    {
        /// <summary>The last generation this worker finished.</summary>
        [FieldOffset(64)]
        public long Done;

        /// <summary>1 while the worker is (about to be) blocked on its wake event.</summary>
        [FieldOffset(72)]
        public int Sleeping;
    }
}
