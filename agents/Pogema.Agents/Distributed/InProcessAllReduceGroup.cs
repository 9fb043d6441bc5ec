namespace Pogema.Agents.Distributed;

/// <summary>
/// N workers of one process (threads) that average CPU buffers through shared memory, for tests and for checking
/// the data-parallel arithmetic without GPUs. Create the group once, hand <see cref="Worker"/>(rank) to each thread.
/// </summary>
public sealed class InProcessAllReduceGroup : IDisposable
{
    private readonly Barrier _barrier;
    private readonly float[]?[] _slots;
    private readonly InProcessAllReduce[] _workers;

    /// <summary>Creates a group of <paramref name="worldSize"/> workers; a collective waits at most <paramref name="timeout"/> for the others.</summary>
    public InProcessAllReduceGroup(int worldSize, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        WorldSize = worldSize;
        Timeout = timeout ?? TimeSpan.FromSeconds(60);
        _barrier = new Barrier(worldSize);
        _slots = new float[worldSize][];
        _workers = new InProcessAllReduce[worldSize];
        for (var rank = 0; rank < worldSize; rank++)
        {
            _workers[rank] = new InProcessAllReduce(this, rank);
        }
    }

    /// <summary>Number of workers.</summary>
    public int WorldSize { get; }

    /// <summary>How long a worker waits for the others at each step of a collective.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The endpoint of worker <paramref name="rank"/>.</summary>
    public InProcessAllReduce Worker(int rank) => _workers[rank];

    /// <inheritdoc />
    public void Dispose() => _barrier.Dispose();

    internal float[] Slot(int rank, int length)
    {
        var slot = _slots[rank];
        if (slot is null || slot.Length != length)
        {
            slot = new float[length];
            _slots[rank] = slot;
        }

        return slot;
    }

    internal float[] ReadSlot(int rank) => _slots[rank] ?? throw new InvalidOperationException($"rank {rank} wrote no buffer");

    internal void Wait(int rank)
    {
        if (!_barrier.SignalAndWait(Timeout))
        {
            throw new TimeoutException($"rank {rank}: the other workers did not reach the collective within {Timeout.TotalSeconds:0.#} s");
        }
    }
}
