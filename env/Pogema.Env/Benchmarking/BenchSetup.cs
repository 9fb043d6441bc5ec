using Pogema.Env.Vector;

namespace Pogema.Env.Benchmarking;

/// <summary>
/// How the vector env of a <c>pogema bench</c> run stores observations and runs its workers. Only
/// <see cref="StreamingStores"/> matters on one thread; the rest is how the workers are started, wait and where they
/// run, which only shows on many cores.
/// </summary>
/// <param name="StreamingStores"><see cref="VectorEnvOptions.StreamingObservationStores"/>.</param>
/// <param name="SpinMicroseconds">How long a waiting thread spins on pause instructions alone before it yields its core.</param>
/// <param name="PinThreads">Whether each worker thread is pinned to its own CPU.</param>
/// <param name="SlicesPerWorker">Slices of environments per worker; above 1, idle workers step slices others have not begun.</param>
public sealed record BenchSetup(bool StreamingStores, int SpinMicroseconds, bool PinThreads, int SlicesPerWorker)
{
    /// <summary>The vector env's defaults.</summary>
    public static BenchSetup Default { get; } = From(new VectorEnvOptions());

    /// <summary><c>streaming</c> or <c>normal</c> observation stores.</summary>
    public string StoresName => StreamingStores ? "streaming" : "normal";

    /// <summary>Everything, as the tables show it: stores, pool, spin and pinning.</summary>
    public string Label => $"{StoresName}, {WorkersLabel}";

    /// <summary>
    /// A short form for narrow tables: the store mode, spinning and pinning only when on, and the slices per worker
    /// (e.g. <c>normal 16/w</c>, <c>streaming spin 50 pinned 4/w</c>).
    /// </summary>
    public string ShortLabel => $"{StoresName}{(SpinMicroseconds != 0 ? $" spin {SpinMicroseconds}" : "")}{(PinThreads ? " pinned" : "")} {SlicesPerWorker}/w";

    /// <summary>How the workers run: spin, pinning and slices.</summary>
    public string WorkersLabel => $"spin {SpinMicroseconds} us, {(PinThreads ? "pinned" : "unpinned")}, {SlicesPerWorker} slice{(SlicesPerWorker == 1 ? "" : "s")}/worker";

    /// <summary>The setup of the options given.</summary>
    internal static BenchSetup From(VectorEnvOptions options) => new(
        options.StreamingObservationStores,
        options.PoolTuning.SpinMicroseconds,
        options.PoolTuning.PinThreads,
        options.SlicesPerWorker);

    /// <summary>Sets the options to this setup.</summary>
    internal void Apply(VectorEnvOptions options)
    {
        options.StreamingObservationStores = StreamingStores;
        options.PoolTuning = new WorkerPoolTuning(SpinMicroseconds, PinThreads);
        options.SlicesPerWorker = SlicesPerWorker;
    }

    /// <summary>
    /// Every combination of the values given (stores outermost, then spin, pinning, slices), in report order.
    /// </summary>
    public static IReadOnlyList<BenchSetup> Combine(IReadOnlyList<bool> streamingStores, IReadOnlyList<int> spinMicroseconds, IReadOnlyList<bool> pinThreads, IReadOnlyList<int> slicesPerWorker)
    {
        var setups = new List<BenchSetup>();
        foreach (bool streaming in streamingStores)
        {
            foreach (int spin in spinMicroseconds)
            {
                foreach (bool pin in pinThreads)
                {
                    foreach (int slices in slicesPerWorker)
                    {
                        setups.Add(new BenchSetup(streaming, spin, pin, slices));
                    }
                }
            }
        }

        return setups;
    }
}
