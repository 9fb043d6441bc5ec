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
