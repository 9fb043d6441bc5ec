using TorchSharp;

namespace Pogema.Agents.Distributed;

/// <summary>
/// One worker of an <see cref="InProcessAllReduceGroup"/>. Each worker publishes its buffer, waits for the others,
/// then sums all buffers in rank order, so every worker computes the bit-identical mean, as NCCL guarantees.
/// Buffers must be contiguous float32 CPU tensors.
/// </summary>
public sealed class InProcessAllReduce : IGradientAllReduce
{
    private readonly InProcessAllReduceGroup _group;

    internal InProcessAllReduce(InProcessAllReduceGroup group, int rank)
    {
        _group = group;
        Rank = rank;
    }

    /// <inheritdoc />
    public int Rank { get; }

    /// <inheritdoc />
    public int WorldSize => _group.WorldSize;

    /// <inheritdoc />
    public void AllReduceMean(torch.Tensor flatGradients)
    {
        var values = TensorMemory.CpuFloats(flatGradients);
        values.CopyTo(_group.Slot(Rank, values.Length));
        _group.Wait(Rank);

        var first = _group.ReadSlot(0);
        if (first.Length != values.Length)
        {
            throw new InvalidOperationException($"rank {Rank}: buffer of {values.Length} elements, rank 0 has {first.Length}");
        }

        first.CopyTo(values);
        for (var rank = 1; rank < WorldSize; rank++)
        {
            var other = _group.ReadSlot(rank);
            if (other.Length != values.Length)
            {
                throw new InvalidOperationException($"rank {Rank}: buffer of {values.Length} elements, rank {rank} has {other.Length}");
            }

            for (var i = 0; i < values.Length; i++)
            {
                values[i] += other[i];
            }
        }

        var scale = 1f / WorldSize;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= scale;
        }

        // Nobody may overwrite a slot before everyone has read it.
        _group.Wait(Rank);
    }

    /// <inheritdoc />
    public void Broadcast(torch.Tensor flatParameters, int root = 0)
    {
        FlatBufferChecks.RequireRoot(root, WorldSize);
        var values = TensorMemory.CpuFloats(flatParameters);
        if (Rank == root)
        {
            values.CopyTo(_group.Slot(root, values.Length));
        }

        _group.Wait(Rank);
        if (Rank != root)
        {
            var source = _group.ReadSlot(root);
            if (source.Length != values.Length)
            {
                throw new InvalidOperationException($"rank {Rank}: buffer of {values.Length} elements, root {root} has {source.Length}");
            }

            source.CopyTo(values);
        }

        _group.Wait(Rank);
    }

    /// <inheritdoc />
    public void Barrier() => _group.Wait(Rank);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
