namespace Pogema.Env.Benchmarking;

/// <summary>Seconds per vector step of trivial work (one one-agent environment per worker) with one worker setup.</summary>
/// <param name="Setup">How the workers waited and where they ran (the store mode does not matter here).</param>
/// <param name="Seconds">Seconds per step on all threads: nearly all of it starting and joining the workers.</param>
/// <param name="PoolRunSeconds">
/// Seconds per run of the same worker pool with no work at all: starting and joining the threads alone, so the rest
/// of <paramref name="Seconds"/> is the vector env's own per-step work on every thread.
/// </param>
public sealed record TrivialStep(BenchSetup Setup, double Seconds, double PoolRunSeconds);
