using Pogema.Agents.Distributed;
using Pogema.Agents.Models;
using Pogema.Agents.Rewards;
using Pogema.Agents.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Pogema.Agents.Tests.Distributed;

/// <summary>Two PPO trainers (threads, CPU) train one model data-parallel: the replicas must stay identical.</summary>
public sealed class DataParallelTrainerTests
{
    private const int NumEnvs = 8;
    private const int AgentsPerEnv = 2;
    private const int Updates = 2;

    private static readonly Lock s_initLock = new();

    [Fact]
    public void ReplicasStayIdenticalAndStatisticsCoverEveryWorker()
    {
        var ppo = new PpoOptions { NumMinibatches = 2, Epochs = 2, LearningRate = 3e-3, LearningRateSchedule = "kl_adaptive", TargetKl = 1e-7 };
        var results = InProcessAllReduceTests.RunWorkers(2, worker =>
        {
            using var env = new CorridorFakeEnv(NumEnvs, AgentsPerEnv);
            ActorCritic model;
            lock (s_initLock)
            {
                // Different initial weights per rank: the trainer must start every replica from rank 0's.
                manual_seed(10 + worker.Rank);
                var options = ModelOptions.Preset("bottleneck");
                model = new ActorCritic(options, env.ObservationChannels, env.ObservationSize);
            }

            using (model)
            using (var trainer = new PpoTrainer(env, model, ppo, RewardFunction.Create("sparse"), CPU, seed: 1 + worker.Rank))
            using (var sync = new DataParallelSync(worker, model.parameters(), checkReplicas: true))
            {
                trainer.UseDataParallel(sync);
                var metrics = new List<UpdateMetrics>();
                for (var u = 0; u < Updates; u++)
                {
                    metrics.Add(trainer.Update());
                }

                using var flat = nn.utils.parameters_to_vector(model.parameters());
                return (Parameters: flat.data<float>().ToArray(), Metrics: metrics, sync.StepsChecked, trainer.WorldSize);
            }
        });

        var (rank0, rank1) = (results[0], results[1]);
        Assert.Equal(2, rank0.WorldSize);
        Assert.Equal(Updates * ppo.NumMinibatches * ppo.Epochs, rank0.StepsChecked);
        Assert.Equal(rank0.Parameters, rank1.Parameters);

        for (var u = 0; u < Updates; u++)
        {
            var (a, b) = (rank0.Metrics[u], rank1.Metrics[u]);

            // Agent-steps count both workers: 8 steps x 32 agents x 2 workers per update.
            Assert.Equal((u + 1) * ppo.RolloutLength * NumEnvs * AgentsPerEnv * 2L, a.EnvSteps);
            Assert.Equal(a.EnvSteps, b.EnvSteps);

            // Every worker adapts its learning rate to the same, combined approx_kl.
            Assert.Equal(a.ApproxKl, b.ApproxKl);
            Assert.Equal(a.LearningRate, b.LearningRate);
            Assert.Equal(a.PolicyLoss, b.PolicyLoss);
            Assert.Equal(a.Episodes, b.Episodes);
            Assert.Equal(a.AgentEpisodes, b.AgentEpisodes);
        }

        // The tiny KL target forces the schedule to move: identical rates are not just the unchanged initial one.
        Assert.NotEqual(ppo.LearningRate, rank0.Metrics[^1].LearningRate);
    }
}
