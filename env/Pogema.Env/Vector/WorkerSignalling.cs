namespace Pogema.Env.Vector;

/// <summary>How a <see cref="VectorEnv"/> starts its workers on a step and learns that they are done.</summary>
internal enum WorkerSignalling
{
    /// <summary><see cref="EventWorkerPool"/>: one event per worker, set one after another; one shared completion counter.</summary>
    Events,

    /// <summary><see cref="GenerationWorkerPool"/>: one generation counter for all workers; a completion flag per worker, each in its own cache line.</summary>
    Generation,
}
