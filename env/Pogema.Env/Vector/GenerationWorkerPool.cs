using System.Runtime.InteropServices;

namespace Pogema.Env.Vector;

/// <summary>
/// A <see cref="WorkerPool"/> whose caller starts a run with one write that every worker sees at once, and whose
/// workers each report completion in their own cache line.
/// </summary>
/// <remarks>
/// A step of many small environments takes a few microseconds per worker, so the signals are plain counters that
/// both sides spin on (yielding the core after the first rounds) before they block. A run starts with one write
/// that every worker sees at once, rather than one event set after another by the caller; each worker reports
/// completion in its own cache line, so no two workers write the same line and the caller reads each once.
/// <see cref="EventWorkerPool"/> instead sets one event per worker, one after another, and counts completions on
/// one shared counter; which is faster on many cores is what the bench's synchronization line compares.
/// </remarks>
internal sealed class GenerationWorkerPool : WorkerPool
{
    private readonly WorkerSignal[] _signals;
    private readonly ManualResetEventSlim[] _wake;
    private readonly ManualResetEventSlim _done;
    private PaddedCounter _generation;
    private PaddedCounter _callerSleeping;

    public GenerationWorkerPool(int workers, Action<int> work, WorkerPoolTuning tuning = default)
        : base(workers, work, tuning)
    {
        _signals = new WorkerSignal[Helpers];
        _wake = new ManualResetEventSlim[Helpers];
        _done = new ManualResetEventSlim(false, 0);
        for (int w = 0; w < _wake.Length; w++)
        {
            _wake[w] = new ManualResetEventSlim(false, 0);
        }

        StartThreads();
    }

    protected override long BeginRun()
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

    protected override void AwaitRun(long run) => WaitForWorkers(run);

    protected override void WakeForStop()
    {
        Interlocked.Increment(ref _generation.Value);
        foreach (ManualResetEventSlim wake in _wake)
        {
            wake.Set();
        }
    }

    protected override void DisposeSignals()
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

    protected override void Loop(int index)
    {
        ref WorkerSignal signal = ref _signals[index - 1];
        ManualResetEventSlim wake = _wake[index - 1];
        long seen = 0;
        while (true)
        {
            seen = WaitForRun(ref signal, wake, seen);
            if (Stopping)
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

    /// <summary>A counter alone in its cache line (64 bytes of padding on each side, for adjacent-line prefetch too).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct PaddedCounter
    {
        [FieldOffset(64)]
        public long Value;
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
