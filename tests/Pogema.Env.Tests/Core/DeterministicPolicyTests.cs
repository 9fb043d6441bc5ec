using Pogema.Env.Tests.Support;

namespace Pogema.Env.Tests.Core;

/// <summary>
/// The metrics of POGEMA 2.x's tests/test_deterministic_policy.py: an A* policy with seeded random moves, run for
/// consecutive episodes of one environment; every mode, exact figures.
/// </summary>
public sealed class DeterministicPolicyTests
{
    [Fact]
    public void LifelongThroughputMatchesPogema()
    {
        var first = Run(new GridConfig { NumAgents = 20, Size = 8, ObsRadius = 4, Seed = 42, MaxEpisodeSteps = 64, OnTarget = OnTarget.Restart }, 2);
        Assert.Equal(1.671875, first[0].AvgThroughput);
        Assert.Equal(1.609375, first[1].AvgThroughput);

        var second = Run(new GridConfig { NumAgents = 24, Size = 8, ObsRadius = 4, Seed = 43, MaxEpisodeSteps = 64, OnTarget = OnTarget.Restart }, 1);
        Assert.Equal(0.4375, second[0].AvgThroughput);
    }

    [Fact]
    public void DisappearingMetricsMatchPogema()
    {
        var metrics = Run(new GridConfig { NumAgents = 20, Size = 8, ObsRadius = 2, Seed = 42, Density = 0.2, MaxEpisodeSteps = 32, OnTarget = OnTarget.Finish }, 2);
        Assert.Equal(22.95, metrics[0].EpLength!.Value, 9);
        Assert.Equal(0.5, metrics[0].Isr);
        Assert.Equal(0.0, metrics[0].Csr);
        Assert.Equal(15.55, metrics[1].EpLength!.Value, 9);
        Assert.Equal(0.9, metrics[1].Isr);
        Assert.Equal(0.0, metrics[1].Csr);
    }

    [Fact]
    public void NonDisappearingMetricsMatchPogema()
    {
        var four = Run(new GridConfig { NumAgents = 4, Size = 5, ObsRadius = 2, Seed = 3, Density = 0.2, MaxEpisodeSteps = 32, OnTarget = OnTarget.Nothing }, 2);
        Assert.Equal(21, four[0].EpLength);
        Assert.Equal(1.0, four[0].Csr);
        Assert.Equal(1.0, four[0].Isr);
        Assert.Equal(14, four[1].EpLength);
        Assert.Equal(1.0, four[1].Csr);
        Assert.Equal(1.0, four[1].Isr);

        var seven = Run(new GridConfig { NumAgents = 7, Size = 5, ObsRadius = 2, Seed = 3, Density = 0.2, MaxEpisodeSteps = 32, OnTarget = OnTarget.Nothing }, 1);
        Assert.Equal(32, seven[0].EpLength);
        Assert.Equal(0.0, seven[0].Csr);
        Assert.Equal(5.0 / 7.0, seven[0].Isr!.Value, 9);
    }

    private static EpisodeMetrics[] Run(GridConfig config, int episodes)
    {
        var env = new PogemaEnv(config);
        var policy = new DeterministicPolicy();
        var observations = new float[env.NumAgents * env.ObservationSize];
        var actions = new int[env.NumAgents];
        var result = new EpisodeMetrics[episodes];
        for (int e = 0; e < episodes; e++)
        {
            env.Reset();
            while (!env.EpisodeEnded)
            {
                policy.Act(env, observations, actions);
                env.Step(actions);
            }

            result[e] = env.Metrics!.Value;
        }

        return result;
    }
}
