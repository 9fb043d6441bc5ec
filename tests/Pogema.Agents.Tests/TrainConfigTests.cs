using Pogema.Agents.Configuration;
using Pogema.Env;

namespace Pogema.Agents.Tests;

public sealed class TrainConfigTests
{
    [Fact]
    public void PresetsFollowTheRecipe()
    {
        var b = TrainConfig.Preset("bottleneck");
        Assert.Equal((8, 1, 16, 4), (b.Model.Filters, b.Model.ResidualBlocks, b.Model.Hidden, b.Model.Heads));
        Assert.Equal((1.3e-4, "kl_adaptive_minibatch", 0.9716, 0.0156), (b.Ppo.LearningRate, b.Ppo.LearningRateSchedule, b.Ppo.Gamma, b.Ppo.EntropyCoef));
        Assert.Equal(16384, b.Env.NumEnvs * b.Env.NumAgents * b.Ppo.RolloutLength / b.Ppo.NumMinibatches);
        Assert.Equal(8, b.Ppo.Recurrence);
        // Many steps of each environment per update, as the reference's few environments gave: episodes finish
        // inside an update instead of spanning dozens of them.
        Assert.True(b.Ppo.RolloutLength >= 128, $"rollout_length {b.Ppo.RolloutLength}");
        var m = TrainConfig.Preset("lifelong-mazes");
        Assert.Equal((64, 8, 512, 8), (m.Model.Filters, m.Model.ResidualBlocks, m.Model.Hidden, m.Model.Heads));
        Assert.Equal((2.2e-4, "constant", 0.9756, 0.023), (m.Ppo.LearningRate, m.Ppo.LearningRateSchedule, m.Ppo.Gamma, m.Ppo.EntropyCoef));
        Assert.Equal(16384, m.Env.NumEnvs * m.Env.NumAgents * m.Ppo.RolloutLength / m.Ppo.NumMinibatches);
        // On 65x65 mazes the goal-only reward trained nothing in 7.3e7 steps; a reward along the path does.
        Assert.Equal(("sparse", "directional"), (b.Run.Reward, m.Run.Reward));
    }

    [Fact]
    public void YamlRoundTripsAndOverridesApply()
    {
        var config = TrainConfig.Preset("bottleneck");
        config.Set("ppo.learning_rate=1e-4");
        config.Set("env.corridor_lengths=3,4,5");
        config.Set("model.core=gru");
        config.Set("run.total_steps=2e6");
        var again = TrainConfig.Parse(config.ToYaml(), "test");
        Assert.Equal(1e-4, again.Ppo.LearningRate);
        Assert.Equal(new[] { 3, 4, 5 }, again.Env.CorridorLengths);
        Assert.Equal("gru", again.Model.Core);
        Assert.Equal(2_000_000, again.Run.TotalSteps);
        Assert.Equal(config.ToYaml(), again.ToYaml());
    }

    [Fact]
    public void MistakesNameTheField()
    {
        var config = TrainConfig.Preset("bottleneck");
        Assert.Contains("ppo.learnin_rate", Assert.Throws<PogemaInputException>(() => config.Set("ppo.learnin_rate=1")).Message);
        Assert.Contains("ppo.epochs=two", Assert.Throws<PogemaInputException>(() => config.Set("ppo.epochs=two")).Message);
        config.Set("model.core=lstm");
        Assert.Contains("model.core 'lstm'", Assert.Throws<PogemaInputException>(config.Validate).Message);
        var bad = Assert.Throws<PogemaInputException>(() => TrainConfig.Parse("ppo:\n  gama: 0.9\n", "my.yaml"));
        Assert.Contains("my.yaml", bad.Message);
        Assert.Contains("line 2", bad.Message);
    }
}
