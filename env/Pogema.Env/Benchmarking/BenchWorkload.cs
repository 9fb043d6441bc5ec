namespace Pogema.Env.Benchmarking;

/// <summary>What a <see cref="BenchRow"/> ran: one thread, or all threads on one of the workloads of <see cref="BenchScaling"/>, or independent copies of the one-thread run.</summary>
public enum BenchWorkload
{
    /// <summary>One thread (the vector env on the caller's thread, or the single environment).</summary>
    OneThread,

    /// <summary>All threads, the single-thread run's environments (strong scaling).</summary>
    SameEnvs,

    /// <summary>All threads, threads x the single-thread run's environments (weak scaling: the same work per thread).</summary>
    SameWorkPerThread,

    /// <summary>
    /// All threads, each stepping its own copy of the single-thread run (its own one-worker vector env) with no
    /// synchronization between them: the scaling the machine allows (shared caches, memory bandwidth, the clock with
    /// every core busy), the ceiling of <see cref="SameWorkPerThread"/>.
    /// </summary>
    IndependentCopies,
}
