using System.CommandLine;
using Pogema.Agents.Distributed;

namespace Pogema.Cli.Commands;

/// <summary>
/// The multi-GPU flags of <c>pogema train</c> (--gpus, --nodes, --node-rank, --master-addr, --master-port,
/// --rendezvous-timeout, --check-replicas, --replicate-envs) and the step that turns a launcher into its worker processes.
/// </summary>
public sealed class DistributedCliOptions
{
    /// <summary>--gpus N: worker processes (one per GPU) on this node.</summary>
    public Option<int?> Gpus { get; } = new("--gpus")
    {
        Description = "GPUs to train on, on this node: one worker process per GPU, gradients averaged with NCCL (default 1)",
    };

    /// <summary>--nodes M.</summary>
    public Option<int?> Nodes { get; } = new("--nodes")
    {
        Description = "Number of nodes taking part; run the same command on each with its own --node-rank (default 1)",
    };

    /// <summary>--node-rank R.</summary>
    public Option<int?> NodeRank { get; } = new("--node-rank")
    {
        Description = "This node's index, 0..nodes-1; node 0 runs rank 0 (default NODE_RANK or 0)",
    };

    /// <summary>--master-addr.</summary>
    public Option<string?> MasterAddress { get; } = new("--master-addr")
    {
        Description = "Address of node 0, reachable from every node (default MASTER_ADDR or 127.0.0.1)",
    };

    /// <summary>--master-port.</summary>
    public Option<int?> MasterPort { get; } = new("--master-port")
    {
        Description = "TCP port of the rendezvous on node 0 (default MASTER_PORT, a free port on one node, 29500 on several)",
    };

    /// <summary>--rendezvous-timeout.</summary>
    public Option<double?> RendezvousTimeout { get; } = new("--rendezvous-timeout")
    {
        Description = "Seconds to wait for every worker to join before giving up (default 300)",
    };

    /// <summary>--check-replicas: compare every replica's parameters with rank 0's after each update.</summary>
    public Option<bool> CheckReplicas { get; } = new("--check-replicas")
    {
        Description = "After every optimizer step, check that all GPUs hold bit-identical parameters; stop with an error if not",
    };

    /// <summary>--replicate-envs: every GPU runs env.num_envs environments instead of an even share.</summary>
    public Option<bool> ReplicateEnvironments { get; } = new("--replicate-envs")
    {
        Description = "With several GPUs, give each GPU all env.num_envs environments (a batch N times larger per update) instead of splitting them",
    };

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Gpus);
        command.Options.Add(Nodes);
        command.Options.Add(NodeRank);
        command.Options.Add(MasterAddress);
        command.Options.Add(MasterPort);
        command.Options.Add(RendezvousTimeout);
        command.Options.Add(CheckReplicas);
        command.Options.Add(ReplicateEnvironments);
    }

    /// <summary>The flags as given.</summary>
    public DistributedFlags Flags(ParseResult parseResult) => new(
        parseResult.GetValue(Gpus),
        parseResult.GetValue(Nodes),
        parseResult.GetValue(NodeRank),
        parseResult.GetValue(MasterAddress),
        parseResult.GetValue(MasterPort),
        parseResult.GetValue(RendezvousTimeout));

    /// <summary>
    /// Resolves who this process is. A launcher (--gpus/--nodes asking for more than one worker, no RANK in the
    /// environment) starts the node's workers with the same arguments and returns their exit code; a worker first
    /// narrows CUDA_VISIBLE_DEVICES to its own GPU, before anything touches CUDA, then runs
    /// <paramref name="train"/>. NCCL failures and a failed replica check end the worker with exit code 1 and a
    /// one-line message.
    /// </summary>
    public int RunOrLaunch(ParseResult parseResult, Func<DistributedSettings, int> train)
    {
        var settings = DistributedSettings.Resolve(Flags(parseResult));
        if (settings.NeedsLaunch)
        {
            var (fileName, prefix) = WorkerLauncher.CurrentProgram();
            var arguments = new List<string>(prefix);
            arguments.AddRange(Environment.GetCommandLineArgs().AsSpan(1));
            return new WorkerLauncher(settings, Console.Error).Run(fileName, arguments);
        }

        if (settings.IsDistributed)
        {
            CudaDeviceIsolation.Apply(settings.LocalRank);
        }

        try
        {
            return train(settings);
        }
        catch (Exception ex) when (ex is NcclException or ReplicaMismatchException)
        {
            // Setup problems and a failed replica check are reported in one line, with the worker's rank.
            var who = settings.IsDistributed ? $"rank {settings.Rank}: " : string.Empty;
            Console.Error.WriteLine($"error: {who}{ex.Message}");
            return 1;
        }
    }
}
