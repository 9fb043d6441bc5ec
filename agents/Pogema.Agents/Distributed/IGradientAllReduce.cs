using TorchSharp;

namespace Pogema.Agents.Distributed;

/// <summary>
/// The collective operations data-parallel training needs: averaging one flat float32 buffer of gradients across
/// all workers, copying rank 0's parameters to everyone, and a barrier. Every worker calls each operation in the
/// same order with a buffer of the same length; the buffer is changed in place.
/// </summary>
public interface IGradientAllReduce : IDisposable
{
    /// <summary>This worker's index, 0 ≤ Rank &lt; WorldSize. Rank 0 writes logs, metrics and checkpoints.</summary>
    int Rank { get; }

    /// <summary>Number of workers taking part.</summary>
    int WorldSize { get; }

    /// <summary>Replaces <paramref name="flatGradients"/> (contiguous float32) with the element-wise mean over all workers.</summary>
    void AllReduceMean(torch.Tensor flatGradients);

    /// <summary>Overwrites <paramref name="flatParameters"/> (contiguous float32) on every worker with the values of <paramref name="root"/>.</summary>
    void Broadcast(torch.Tensor flatParameters, int root = 0);

    /// <summary>Returns once every worker has called it.</summary>
    void Barrier();
}
