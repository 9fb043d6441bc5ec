using Pogema.Env.Random;
using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

/// <summary>Streamed observation stores (through a per-worker staging buffer) give exactly the directly stored observations.</summary>
public sealed class VectorEnvStreamingStoresTests
{
    public static TheoryData<string, ObservationPreset, int> Cases() => new()
    {
        { "bottleneck", ObservationPreset.Pogema, 2 },
        { "bottleneck", ObservationPreset.Follower, 2 },
        { "random64", ObservationPreset.Pogema, 5 },
        { "random64", ObservationPreset.Follower, 5 },

        // One observation (3 x 81 x 81 floats) is larger than the staging buffer's default size.
        { "random64", ObservationPreset.Pogema, 40 },
        { "random64", ObservationPreset.Follower, 40 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void StreamedObservationsEqualDirectOnesOverManySteps(string scenario, ObservationPreset preset, int radius)
    {
        using var direct = new VectorEnv(Options(scenario, preset, radius, streaming: false, workers: 1));
        using var streamed = new VectorEnv(Options(scenario, preset, radius, streaming: true, workers: 2));
        direct.Reset();
        streamed.Reset();
        Assert.Equal(direct.Observations, streamed.Observations);
        var rng = NumpyRandom.DefaultRng(9);
        var actions = new int[direct.NumAgents];
        int endedEpisodes = 0;
        for (int step = 0; step < 150; step++)
        {
            for (int i = 0; i < actions.Length; i++)
            {
                actions[i] = (int)rng.Integers(PogemaEnv.NumActions);
            }

            direct.Step(actions);
            streamed.Step(actions);
            Assert.True(direct.Observations.AsSpan().SequenceEqual(streamed.Observations), $"step {step}: observations differ");
            Assert.Equal(direct.EpisodeStarted, streamed.EpisodeStarted);
            endedEpisodes += direct.EpisodeStarted.Count(started => started);
        }

        streamed.RewriteObservations();
        Assert.True(direct.Observations.AsSpan().SequenceEqual(streamed.Observations));

        // The runs crossed episode ends, so observations after auto-resets were compared too.
        Assert.True(endedEpisodes > 0);
    }

    private static VectorEnvOptions Options(string scenario, ObservationPreset preset, int radius, bool streaming, int workers) => scenario switch
    {
        "bottleneck" => new VectorEnvOptions
        {
            NumEnvs = 37,
            AgentsPerEnv = 2,
            Scenario = ScenarioSource.Bottleneck([3, 20]),
            CollisionSystem = CollisionSystem.BlockBoth,
            OnTarget = OnTarget.Finish,
            ObsRadius = radius,
            MaxEpisodeSteps = 40,
            Observation = preset,
            Seed = 11,
            Workers = workers,
            StreamingObservationStores = streaming,
        },
        _ => new VectorEnvOptions
        {
            NumEnvs = 3,
            AgentsPerEnv = 64,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 64, Density = 0.3 }),
            CollisionSystem = CollisionSystem.Soft,
            OnTarget = OnTarget.Restart,
            ObsRadius = radius,
            MaxEpisodeSteps = 60,
            Observation = preset,
            Seed = 12,
            Workers = workers,
            StreamingObservationStores = streaming,
        },
    };
}
