namespace Pogema.Env.Benchmarking;

/// <summary>What a <see cref="BenchRow"/> ran: one thread, or all threads on one of the two workloads of <see cref="BenchScaling"/>.</summary>
public enum BenchWorkload
{
    /// <summary>One thread (the vector env on the caller's thread, or the single environment).</summary>
    OneThread,

    /// <summary>All threads, the single-thread run's environments (strong scaling).</summary>
    SameEnvs,

    /// <summary>All threads, threads x the single-thread run's environments (weak scaling: the same work per thread).</summary>
    SameWorkPerThread,
}
