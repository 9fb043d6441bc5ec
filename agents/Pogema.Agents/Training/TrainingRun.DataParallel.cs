using Pogema.Agents.Configuration;
using Pogema.Agents.Distributed;
using Pogema.Agents.Environments;
using Pogema.Agents.Models;
using TorchSharp;

namespace Pogema.Agents.Training;

/// <summary>
/// The data-parallel side of <see cref="TrainingRun"/>: connecting the workers, per-rank seeds and environments,
/// and agreeing on when to stop. Rank 0 alone writes the run folder; see docs/distributed.md.
/// </summary>
public sealed partial class TrainingRun
{
    /// <summary>
    /// The training environments of worker <paramref name="rank"/> of <paramref name="worldSize"/>, seeded by
    /// <see cref="DataParallelOptions.SeedForRank"/> so workers collect different episodes. By default the config's
    /// env.num_envs are split evenly over the workers, so the global batch, the minibatches and every hyperparameter
    /// mean what they mean on one GPU; with <paramref name="replicate"/> every worker runs env.num_envs of its own
    /// (a batch worldSize times larger per update). When the config leaves the environment threads to the machine,
    /// each worker takes an equal share of the node's cores.
    /// </summary>
    public static Func<TrainConfig, IVectorEnv> ForWorker(Func<TrainConfig, IVectorEnv> createEnv, int rank, int worldSize, int workersPerNode, bool replicate = false)
    {
        ArgumentNullException.ThrowIfNull(createEnv);
        if (worldSize <= 1 && workersPerNode <= 1)
        {
            return createEnv;
        }

        return config =>
        {
            // A copy: config.yaml and checkpoints keep the run's own seed, environment count and thread setting.
            var copy = TrainConfig.Parse(config.ToYaml(), "config");
            copy.Run.Seed = DataParallelOptions.SeedForRank(config.Run.Seed, rank);
            if (!replicate && worldSize > 1)
            {
                copy.Env.NumEnvs = EnvironmentsPerWorker(config, worldSize);
            }

            if (copy.Env.WorkerThreads <= 0)
            {
                copy.Env.WorkerThreads = Math.Max(1, System.Environment.ProcessorCount / Math.Max(1, workersPerNode));
            }

            return createEnv(copy);
        };
    }

    /// <summary>env.num_envs / worldSize, checked to give every worker whole minibatches.</summary>
    public static int EnvironmentsPerWorker(TrainConfig config, int worldSize)
    {
        var total = config.Env.NumEnvs;
        var minibatches = config.Ppo.NumMinibatches;
        var windows = Math.Max(1, config.Ppo.RolloutLength / Math.Max(1, config.Ppo.Recurrence));
        if (total % worldSize != 0 || (long)(total / worldSize) * windows % minibatches != 0)
        {
            throw new Pogema.Env.PogemaInputException(
                $"env.num_envs = {total}: split over {worldSize} GPUs, each GPU's environment windows ({total / worldSize} environments x {windows} windows) must be a multiple of ppo.num_minibatches = {minibatches}; " +
                $"use a num_envs divisible by {worldSize * minibatches}, or --replicate-envs to give each GPU all {total}");
        }

        return total / worldSize;
    }

    private static IGradientAllReduce ConnectWorkers(DataParallelOptions? parallel, torch.Device device)
    {
        if (parallel is null)
        {
            return new LocalAllReduce();
        }

        return parallel.Backend ?? DistributedBackend.Connect(parallel.Settings, device, parallel.ConnectionLog);
    }

    private static DataParallelSync JoinWorkers(IGradientAllReduce workers, ActorCritic model, PpoTrainer trainer, DataParallelOptions? parallel, long seed)
    {
        var sync = new DataParallelSync(workers, model.parameters(), parallel?.CheckReplicas ?? false);
        if (sync.IsDistributed)
        {
            // Every replica starts from rank 0's weights, whether freshly initialized or loaded from the checkpoint;
            // the global generator (dropout) then differs per rank, as the environments and sampling do.
            trainer.UseDataParallel(sync);
            if (workers.Rank > 0)
            {
                torch.manual_seed(DataParallelOptions.SeedForRank(seed, workers.Rank));
            }
        }

        return sync;
    }

    private static void ReportReplicas(Serilog.ILogger log, DataParallelSync sync)
    {
        if (sync.IsDistributed && sync.CheckReplicas)
        {
            log.Information("replica check: all {Workers} replicas identical after each of {Steps} optimizer steps", sync.AllReduce.WorldSize, sync.StepsChecked);
        }
    }

    /// <summary>All workers stop after the same update: Ctrl+C on any of them stops every one.</summary>
    private static bool StopRequested(CancellationToken cancel, DataParallelSync sync)
    {
        var local = cancel.IsCancellationRequested;
        return sync.IsDistributed ? sync.AverageScalar(local ? 1 : 0) > 0 : local;
    }
}
