using Pogema.Agents.Configuration;
using Pogema.Agents.Distributed;
using Pogema.Agents.Training;
using Serilog;
using TorchSharp;

namespace Pogema.Agents.Tests.Distributed;

/// <summary>Two workers of one training run (threads, CPU): rank 0 alone writes the run folder, all stop together.</summary>
public sealed class DataParallelRunTests : IDisposable
{
    private const int NumEnvs = 8;
    private const int AgentsPerEnv = 2;

    // 8 steps x 16 agents per update, the environments split over the two workers.
    private const long StepsPerUpdate = 8L * NumEnvs * AgentsPerEnv;

    private readonly string _root = Directory.CreateTempSubdirectory("pogema-dp-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void RankZeroAloneWritesTheRunAndReplicasEndIdentical()
    {
        var results = Run(updates: 2, cancelRank1AfterUpdate: null);

        Assert.Equal(results[0].Parameters, results[1].Parameters);
        var run0 = Path.Combine(_root, "rank0", "dp");
        Assert.True(File.Exists(Path.Combine(run0, Checkpoint.FileName)));
        Assert.True(File.Exists(Path.Combine(run0, TrainingRun.ConfigFile)));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run0, TrainingRun.MetricsFile)).Length);

        // The other worker was pointed at its own folder so that anything it wrote would show.
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "rank1", "dp")));
        Assert.Equal([2 * StepsPerUpdate, 2 * StepsPerUpdate], results.Select(r => r.EnvSteps));
    }

    [Fact]
    public void CtrlCOnOneWorkerStopsEveryWorkerAfterTheSameUpdate()
    {
        var results = Run(updates: 5, cancelRank1AfterUpdate: 1);
        Assert.Equal([StepsPerUpdate, StepsPerUpdate], results.Select(r => r.EnvSteps));
        Assert.Equal(results[0].Parameters, results[1].Parameters);
    }

    [Fact]
    public void EnvironmentsAreSplitOverWorkersInWholeMinibatches()
    {
        var config = TrainConfig.Preset("lifelong-mazes");
        Assert.Equal(256, TrainingRun.EnvironmentsPerWorker(config, 2));
        var ex = Assert.Throws<Pogema.Env.PogemaInputException>(() => TrainingRun.EnvironmentsPerWorker(config, 3));
        Assert.StartsWith("env.num_envs = 512: split over 3 GPUs", ex.Message);

        var probe = new EnvProbe();
        var create = TrainingRun.ForWorker(probe.Create, rank: 1, worldSize: 2, workersPerNode: 2);
        create(config).Dispose();
        Assert.Equal((256, DataParallelOptions.SeedForRank(config.Run.Seed, 1)), (probe.NumEnvs, probe.Seed));
        Assert.Equal(512, config.Env.NumEnvs);

        TrainingRun.ForWorker(probe.Create, rank: 1, worldSize: 2, workersPerNode: 2, replicate: true)(config).Dispose();
        Assert.Equal(512, probe.NumEnvs);
    }

    [Fact]
    public void EveryWorkerResumesFromRankZerosCheckpoint()
    {
        Run(updates: 1, cancelRank1AfterUpdate: null);
        var runDir = Path.Combine(_root, "rank0", "dp");
        var before = Checkpoint.Load(Path.Combine(runDir, Checkpoint.FileName));
        Assert.Equal(1, before.Updates);

        // Both workers open rank 0's run folder, as workers sharing a file system do, and train two more updates.
        var results = InProcessAllReduceTests.RunWorkers(2, worker =>
        {
            var run = TrainingRun.Resume(runDir, [$"run.total_steps={3 * StepsPerUpdate}"]);
            using var cancel = new CancellationTokenSource();
            long steps = 0;
            using var policy = run.Train(
                c => new CorridorFakeEnv(c.Env.NumEnvs, AgentsPerEnv),
                new LoggerConfiguration().CreateLogger(),
                cancel.Token,
                m => steps = m.EnvSteps,
                new DataParallelOptions { Backend = worker, CheckReplicas = true });
            using var flat = torch.nn.utils.parameters_to_vector(policy.Model.parameters());
            return (Parameters: flat.data<float>().ToArray(), EnvSteps: steps);
        });

        Assert.Equal([3 * StepsPerUpdate, 3 * StepsPerUpdate], results.Select(r => r.EnvSteps));
        Assert.Equal(results[0].Parameters, results[1].Parameters);
        Assert.Equal(3, Checkpoint.Load(Path.Combine(runDir, Checkpoint.FileName)).Updates);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(runDir, TrainingRun.MetricsFile)).Length);
    }

    private (float[] Parameters, long EnvSteps)[] Run(int updates, int? cancelRank1AfterUpdate)
    {
        return InProcessAllReduceTests.RunWorkers(2, worker =>
        {
            var config = TrainConfig.Preset("bottleneck");
            config.Env.NumEnvs = NumEnvs;
            config.Env.NumAgents = AgentsPerEnv;
            config.Ppo.NumMinibatches = 2;
            config.Ppo.RolloutLength = 8;
            config.Run.Device = "cpu";
            config.Run.Name = "dp";
            config.Run.RunsDir = Path.Combine(_root, $"rank{worker.Rank}");
            config.Run.Seed = 3;
            config.Run.TotalSteps = updates * StepsPerUpdate;
            config.Run.CheckpointEvery = 1000;
            var run = TrainingRun.Start(config);

            using var cancel = new CancellationTokenSource();
            var parallel = new DataParallelOptions { Backend = worker, CheckReplicas = true };
            var log = new LoggerConfiguration().CreateLogger();
            long steps = 0;
            using var policy = run.Train(
                c => new CorridorFakeEnv(c.Env.NumEnvs, AgentsPerEnv),
                log,
                cancel.Token,
                m =>
                {
                    steps = m.EnvSteps;
                    if (worker.Rank == 1 && m.Update == cancelRank1AfterUpdate)
                    {
                        cancel.Cancel();
                    }
                },
                parallel);

            using var flat = torch.nn.utils.parameters_to_vector(policy.Model.parameters());
            return (flat.data<float>().ToArray(), steps);
        });
    }

    private sealed class EnvProbe
    {
        public int NumEnvs { get; private set; }

        public long Seed { get; private set; }

        public Pogema.Agents.Environments.IVectorEnv Create(TrainConfig config)
        {
            NumEnvs = config.Env.NumEnvs;
            Seed = config.Run.Seed;
            return new CorridorFakeEnv(2, 2);
        }
    }
}
