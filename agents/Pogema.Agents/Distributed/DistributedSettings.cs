using System.Globalization;
using Pogema.Env;

namespace Pogema.Agents.Distributed;

/// <summary>
/// Who this process is in a data-parallel run and how the workers meet. Resolved from flags and the environment
/// variables other stacks use (MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK, LOCAL_RANK, NODE_RANK): a flag wins over
/// a variable, a variable over the default. A process with RANK and WORLD_SIZE set is one worker (started by
/// <see cref="WorkerLauncher"/> or by an outside launcher); otherwise it is the launcher of --gpus workers.
/// </summary>
public sealed record DistributedSettings
{
    /// <summary>The port rank 0 listens on when nothing else is said (the one PyTorch uses).</summary>
    public const int DefaultPort = 29500;

    /// <summary>Seconds the rendezvous waits for every worker by default.</summary>
    public const double DefaultTimeoutSeconds = 300;

    /// <summary>Variables read from the environment and set on launched workers.</summary>
    public const string RankVariable = "RANK";

    /// <inheritdoc cref="RankVariable"/>
    public const string LocalRankVariable = "LOCAL_RANK";

    /// <inheritdoc cref="RankVariable"/>
    public const string WorldSizeVariable = "WORLD_SIZE";

    /// <inheritdoc cref="RankVariable"/>
    public const string LocalWorldSizeVariable = "LOCAL_WORLD_SIZE";

    /// <inheritdoc cref="RankVariable"/>
    public const string NodeRankVariable = "NODE_RANK";

    /// <inheritdoc cref="RankVariable"/>
    public const string MasterAddressVariable = "MASTER_ADDR";

    /// <inheritdoc cref="RankVariable"/>
    public const string MasterPortVariable = "MASTER_PORT";

    /// <summary>Number of nodes.</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>This node's index.</summary>
    public int NodeRank { get; init; }

    /// <summary>Workers (GPUs) per node.</summary>
    public int GpusPerNode { get; init; } = 1;

    /// <summary>Total number of workers.</summary>
    public int WorldSize { get; init; } = 1;

    /// <summary>This worker's global index (0 in a launcher).</summary>
    public int Rank { get; init; }

    /// <summary>This worker's index on its node: which of the node's GPUs it uses.</summary>
    public int LocalRank { get; init; }

    /// <summary>Address of the node that runs rank 0.</summary>
    public string MasterAddress { get; init; } = "127.0.0.1";

    /// <summary>Rendezvous port on that node; 0 = pick a free one (single node only).</summary>
    public int MasterPort { get; init; } = DefaultPort;

    /// <summary>How long the rendezvous waits for every worker.</summary>
    public TimeSpan RendezvousTimeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>True in a worker process (RANK and WORLD_SIZE given by the environment).</summary>
    public bool IsWorker { get; init; }

    /// <summary>True when this process must start the node's workers instead of training itself.</summary>
    public bool NeedsLaunch => !IsWorker && WorldSize > 1;

    /// <summary>True when more than one worker trains.</summary>
    public bool IsDistributed => WorldSize > 1;

    /// <summary>Only rank 0 writes logs, metrics and checkpoints.</summary>
    public bool IsPrimary => Rank == 0;

    /// <summary>A single process on one device.</summary>
    public static DistributedSettings Single { get; } = new();

    /// <summary>Resolves the settings from <paramref name="flags"/> and the process environment.</summary>
    public static DistributedSettings Resolve(DistributedFlags flags) => Resolve(flags, Environment.GetEnvironmentVariable);

    /// <summary>Resolves the settings from <paramref name="flags"/> and <paramref name="environment"/> (a variable lookup).</summary>
    public static DistributedSettings Resolve(DistributedFlags flags, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);

        var gpus = flags.Gpus ?? 1;
        if (gpus < 1)
        {
            throw new PogemaInputException($"--gpus {gpus}: expected 1 or more GPUs per node");
        }

        var nodes = flags.Nodes ?? 1;
        if (nodes < 1)
        {
            throw new PogemaInputException($"--nodes {nodes}: expected 1 or more");
        }

        var timeoutSeconds = flags.RendezvousTimeoutSeconds ?? DefaultTimeoutSeconds;
        if (!(timeoutSeconds > 0))
        {
            throw new PogemaInputException($"--rendezvous-timeout {timeoutSeconds}: expected a positive number of seconds");
        }

        var address = flags.MasterAddress ?? environment(MasterAddressVariable);
        if (string.IsNullOrWhiteSpace(address))
        {
            address = null;
        }

        var port = flags.MasterPort ?? ReadInt(environment, MasterPortVariable, 1, 65535);
        if (port is < 1 or > 65535)
        {
            throw new PogemaInputException($"--master-port {port}: expected a TCP port in 1..65535");
        }

        var worldText = environment(WorldSizeVariable);
        var rankText = environment(RankVariable);
        if (!string.IsNullOrWhiteSpace(worldText) && !string.IsNullOrWhiteSpace(rankText))
        {
            var worldSize = ReadInt(environment, WorldSizeVariable, 1, int.MaxValue)!.Value;
            var rank = ReadInt(environment, RankVariable, 0, worldSize - 1)!.Value;
            var localRank = ReadInt(environment, LocalRankVariable, 0, int.MaxValue) ?? rank % gpus;
            var localWorld = ReadInt(environment, LocalWorldSizeVariable, 1, int.MaxValue) ?? flags.Gpus ?? worldSize;
            if (worldSize > 1 && address is null && port is null)
            {
                throw new PogemaInputException(
                    $"{WorldSizeVariable}={worldSize} and {RankVariable}={rank} are set but {MasterAddressVariable}/{MasterPortVariable} are not: set them (or --master-addr/--master-port) to rank 0's address");
            }

            return new DistributedSettings
            {
                IsWorker = true,
                WorldSize = worldSize,
                Rank = rank,
                LocalRank = localRank,
                GpusPerNode = localWorld,
                Nodes = Math.Max(1, worldSize / Math.Max(1, localWorld)),
                NodeRank = ReadInt(environment, NodeRankVariable, 0, int.MaxValue) ?? rank / Math.Max(1, localWorld),
                MasterAddress = address ?? "127.0.0.1",
                MasterPort = port ?? DefaultPort,
                RendezvousTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            };
        }

        var nodeRank = flags.NodeRank ?? ReadInt(environment, NodeRankVariable, 0, int.MaxValue) ?? 0;
        if (nodeRank < 0 || nodeRank >= nodes)
        {
            throw new PogemaInputException($"--node-rank {nodeRank}: expected 0..{nodes - 1} for --nodes {nodes}");
        }

        if (nodes > 1 && (address is null || RendezvousServer.IsLoopback(address)))
        {
            throw new PogemaInputException(
                $"--nodes {nodes}: give --master-addr (or {MasterAddressVariable}), the address of node 0 that every node can reach, not '{address ?? "unset"}'");
        }

        return new DistributedSettings
        {
            Nodes = nodes,
            NodeRank = nodeRank,
            GpusPerNode = gpus,
            WorldSize = nodes * gpus,
            Rank = nodeRank * gpus,
            LocalRank = 0,
            MasterAddress = address ?? "127.0.0.1",

            // One node with no port given: the launcher picks a free one, so two runs on one machine do not collide.
            MasterPort = port ?? (nodes == 1 ? 0 : DefaultPort),
            RendezvousTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        };
    }

    /// <summary>
    /// The environment seed offset of this worker: environments differ per rank (or every worker would collect the
    /// same episodes) while rank 0 keeps the seed a single-process run uses.
    /// </summary>
    public long EnvironmentSeed(long baseSeed) => DataParallelOptions.SeedForRank(baseSeed, Rank);

    private static int? ReadInt(Func<string, string?> environment, string name, int min, int max)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            var range = max == int.MaxValue ? $"an integer ≥ {min}" : $"an integer in {min}..{max}";
            throw new PogemaInputException($"environment variable {name}='{text}': expected {range}");
        }

        return value;
    }
}
