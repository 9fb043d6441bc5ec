namespace Pogema.Agents.Distributed;

/// <summary>How a training run takes part in data-parallel training.</summary>
public sealed record DataParallelOptions
{
    /// <summary>Who this worker is and where rank 0 listens; used to connect when <see cref="Backend"/> is null.</summary>
    public DistributedSettings Settings { get; init; } = DistributedSettings.Single;

    /// <summary>An already connected backend (tests pass an in-process one); null = connect through NCCL.</summary>
    public IGradientAllReduce? Backend { get; init; }

    /// <summary>Compare every replica with rank 0 after each optimizer step (--check-replicas).</summary>
    public bool CheckReplicas { get; init; }

    /// <summary>
    /// Every worker runs the config's full env.num_envs (a batch WorldSize times larger per update) instead of an
    /// even share of them (--replicate-envs).
    /// </summary>
    public bool ReplicateEnvironments { get; init; }

    /// <summary>Where connection details (rank, NCCL version, device) are written; null = nowhere.</summary>
    public TextWriter? ConnectionLog { get; init; }

    /// <summary>The seed of worker <paramref name="rank"/>'s environments and sampling: rank 0 keeps <paramref name="baseSeed"/>.</summary>
    public static long SeedForRank(long baseSeed, int rank) => baseSeed + 1_000_003L * rank;
}
