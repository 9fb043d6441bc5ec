using Pogema.Agents.Environments;

namespace Pogema.Agents.Tests;

/// <summary>The environments of a run track distances (a BFS field per goal) only when the reward reads path progress.</summary>
public sealed class VectorEnvFactoryTests
{
    [Theory]
    [InlineData("sparse", false)]
    [InlineData("dense", false)]
    [InlineData("moving-negative", false)]
    [InlineData("directional", true)]
    [InlineData("directional-negative", true)]
    public void TrainingTracksDistancesOnlyForPathProgressRewards(string reward, bool tracked)
    {
        var config = SmallTrainConfig.Create(dropout: 0.0);
        config.Run.Reward = reward;
        using var env = (PogemaVectorEnv)VectorEnvFactory.CreateTraining(config);
        Assert.Equal(tracked, env.Inner.Options.TrackDistances);
    }

    [Fact]
    public void EvaluationTracksNoDistances()
    {
        var config = SmallTrainConfig.Create(dropout: 0.0);
        config.Run.Reward = "directional";
        var (_, env, _) = VectorEnvFactory.CreateEvaluation(config, episodesPerGroup: 2).First();
        using (env)
        {
            Assert.False(((PogemaVectorEnv)env).Inner.Options.TrackDistances);
        }
    }
}

/// <summary>Lifelong training episodes end at max_episode_steps and report their throughput.</summary>
public sealed class LifelongTrainingEnvTests
{
    [Fact]
    public void LifelongEpisodesTruncateAndReportThroughput()
    {
        var config = Pogema.Agents.Configuration.TrainConfig.Preset("lifelong-mazes");
        config.Env.NumEnvs = 2;
        config.Env.NumAgents = 8;
        config.Env.MaxEpisodeSteps = 40;
        config.Env.WorkerThreads = 1;
        using var env = VectorEnvFactory.CreateTraining(config);
        env.Reset();
        var actions = new int[env.NumEnvs * env.AgentsPerEnv];
        var random = new Random(1);
        var episodes = new List<EpisodeSummary>();
        var truncations = 0;
        for (var step = 0; step < 100; step++)
        {
            for (var i = 0; i < actions.Length; i++)
            {
                actions[i] = random.Next(5);
            }

            env.Step(actions);
            for (var i = 0; i < actions.Length; i++)
            {
                truncations += env.Truncated[i] ? 1 : 0;
            }

            env.DrainEpisodes(episodes);
        }

        Assert.Equal(2 * 2 * 8, truncations);
        Assert.Equal(4, episodes.Count);
    }
}
