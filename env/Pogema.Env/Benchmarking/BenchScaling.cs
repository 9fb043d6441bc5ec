namespace Pogema.Env.Benchmarking;

/// <summary>
/// Which all-core runs <c>pogema bench</c> measures beside the single-thread run: the same environments spread over
/// every thread (strong scaling: each thread gets a share of the one-thread work), the environment count multiplied
/// by the threads (weak scaling: each thread gets the one-thread work), or both.
/// </summary>
public enum BenchScaling
{
    /// <summary>The single-thread run's environments, spread over all threads.</summary>
    Fixed,

    /// <summary>Threads x the single-thread run's environments, so each thread steps as much as the single thread did.</summary>
    PerThread,

    /// <summary>Both all-core runs.</summary>
    Both,
}
