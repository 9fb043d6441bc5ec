namespace Pogema.Env.Vector;

/// <summary>
/// Threads that run one piece of work per worker index (worker 0 on the caller's thread) and wait for all to finish,
/// allocating nothing per run.
/// </summary>
internal interface IWorkerPool : IDisposable
{
    /// <summary>Number of workers, the caller's thread included.</summary>
    int Count { get; }

    /// <summary>Runs the work for every worker index and returns when all are done; rethrows a worker's exception.</summary>
    void Run();
}
