using TorchSharp;

namespace Pogema.Agents.Distributed;

/// <summary>The single-worker case: the mean over one worker is its own buffer, so every operation is a no-op.</summary>
public sealed class LocalAllReduce : IGradientAllReduce
{
    /// <inheritdoc />
    public int Rank => 0;

    /// <inheritdoc />
    public int WorldSize => 1;

    /// <inheritdoc />
    public void AllReduceMean(torch.Tensor flatGradients)
    {
        FlatBufferChecks.Require(flatGradients, nameof(flatGradients));
    }

    /// <inheritdoc />
    public void Broadcast(torch.Tensor flatParameters, int root = 0)
    {
        FlatBufferChecks.Require(flatParameters, nameof(flatParameters));
        FlatBufferChecks.RequireRoot(root, 1);
    }

    /// <inheritdoc />
    public void Barrier()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
