using Pogema.Agents.Configuration;

namespace Pogema.Agents.Tests;

/// <summary>The Bottleneck preset shrunk to a few environments, for tests that train or checkpoint in seconds.</summary>
internal static class SmallTrainConfig
{
    public static TrainConfig Create(double dropout)
    {
        var config = TrainConfig.Preset("bottleneck");
        config.Env.NumEnvs = 8;
        config.Model.Dropout = dropout;
        config.Ppo.NumMinibatches = 2;
        // Two BPTT windows per update: the windowed path is exercised, and an update stays small.
        config.Ppo.RolloutLength = 16;
        config.Ppo.LearningRate = 1e-3;
        return config;
    }
}
