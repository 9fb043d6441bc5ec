using Pogema.Env.Maps;
using Pogema.Env.Random;
using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

/// <summary>The vector env runs exactly the single environment: same seeds, same moves, rewards, flags, observations, metrics.</summary>
public sealed class VectorEnvParityTests
{
    public static TheoryData<CollisionSystem, OnTarget> Rules() => new()
    {
        { CollisionSystem.Soft, OnTarget.Restart },
        { CollisionSystem.Priority, OnTarget.Finish },
        { CollisionSystem.BlockBoth, OnTarget.Nothing },
        { CollisionSystem.Soft, OnTarget.Finish },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void SameSeedsGiveTheSingleEnvironmentsEpisodes(CollisionSystem collisions, OnTarget onTarget)
    {
        var options = new VectorEnvOptions
        {
            NumEnvs = 3,
            AgentsPerEnv = 6,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 8, Density = 0.2 }),
            CollisionSystem = collisions,
            OnTarget = onTarget,
            ObsRadius = 2,
            MaxEpisodeSteps = 12,
            Seed = 17,
            Workers = 2,
        };
        GridConfig ConfigOf(int variant) => new()
        {
            Size = 8,
            Density = 0.2,
            NumAgents = 6,
            CollisionSystem = collisions,
            OnTarget = onTarget,
            ObsRadius = 2,
            MaxEpisodeSteps = 12,
        };

        AssertParity(options, ConfigOf, rebuildEachEpisode: false, minEpisodes: 3 * 4);
    }

    /// <summary>
    /// A slot switching between maps of different sizes (some with start and goal pools) runs each episode exactly
    /// as a new environment built for that episode's map.
    /// </summary>
    [Theory]
    [MemberData(nameof(Rules))]
    public void MapSetEpisodesAreThoseOfNewEnvironments(CollisionSystem collisions, OnTarget onTarget)
    {
        NamedMap[] maps = MixedSizeMaps.Create(9);
        var options = new VectorEnvOptions
        {
            NumEnvs = 3,
            AgentsPerEnv = 6,
            Scenario = ScenarioSource.Maps(maps),
            CollisionSystem = collisions,
            OnTarget = onTarget,
            ObsRadius = 2,
            MaxEpisodeSteps = 5,
            Seed = 23,
            Workers = 2,
        };
        GridConfig ConfigOf(int variant) => new()
        {
            Map = maps[variant].Text,
            NumAgents = 6,
            CollisionSystem = collisions,
            OnTarget = onTarget,
            ObsRadius = 2,
            MaxEpisodeSteps = 5,
        };

        AssertParity(options, ConfigOf, rebuildEachEpisode: true, minEpisodes: 3 * 10);
    }

    /// <summary>
    /// Steps the vector env with random actions beside one single environment per slot (the config of the slot's
    /// variant; built anew for every episode when <paramref name="rebuildEachEpisode"/>, else reset) and compares
    /// every output and the drained metrics.
    /// </summary>
    private static void AssertParity(VectorEnvOptions options, Func<int, GridConfig> configOf, bool rebuildEachEpisode, int minEpisodes)
    {
        using var vec = new VectorEnv(options);
        vec.Reset();

        var mirrors = new PogemaEnv[vec.NumEnvs];
        for (int e = 0; e < vec.NumEnvs; e++)
        {
            mirrors[e] = new PogemaEnv(configOf(vec.GetVariant(e)));
            mirrors[e].Reset(vec.GetEpisodeSeed(e));
        }

        int a = vec.AgentsPerEnv;
        int stride = vec.ObservationChannels * vec.ObservationSize * vec.ObservationSize;
        var expectedObs = new float[a * stride];
        var rng = NumpyRandom.DefaultRng(5);
        var actions = new int[vec.NumAgents];
        var drained = new List<EpisodeMetrics>();
        var expectedMetrics = new List<EpisodeMetrics>();
        var pending = new List<EpisodeMetrics>[vec.NumEnvs];
        for (int e = 0; e < pending.Length; e++)
        {
            pending[e] = [];
        }

        void Drain()
        {
            int count = vec.DrainEpisodes(drained);
            int before = expectedMetrics.Count;
            foreach (List<EpisodeMetrics> list in pending)
            {
                expectedMetrics.AddRange(list);
                list.Clear();
            }

            Assert.Equal(expectedMetrics.Count - before, count);
        }

        int episodes = 0;
        CompareObservations(vec, mirrors, expectedObs, stride);
        for (int t = 0; t < 60; t++)
        {
            for (int i = 0; i < actions.Length; i++)
            {
                actions[i] = (int)rng.Integers(5);
            }

            vec.Step(actions);
            for (int e = 0; e < vec.NumEnvs; e++)
            {
                PogemaEnv mirror = mirrors[e];
                for (int i = 0; i < a; i++)
                {
                    Assert.Equal(mirror.Active[i], vec.Active[(e * a) + i]);
                }

                mirror.Step(actions.AsSpan(e * a, a));
                for (int i = 0; i < a; i++)
                {
                    Assert.Equal(mirror.Rewards[i], vec.Rewards[(e * a) + i]);
                    Assert.Equal(mirror.Terminated[i], vec.Terminated[(e * a) + i]);
                    Assert.Equal(mirror.Truncated[i], vec.Truncated[(e * a) + i]);
                    Assert.Equal(mirror.EpisodeEnded, vec.EpisodeStarted[(e * a) + i]);
                }

                if (mirror.EpisodeEnded)
                {
                    pending[e].Add(mirror.Metrics!.Value);
                    episodes++;
                    if (rebuildEachEpisode)
                    {
                        mirrors[e] = new PogemaEnv(configOf(vec.GetVariant(e)));
                    }

                    mirrors[e].Reset(vec.GetEpisodeSeed(e));
                }
            }

            CompareObservations(vec, mirrors, expectedObs, stride);
            if (t % 7 == 0)
            {
                Drain();
            }
        }

        Drain();
        Assert.True(episodes >= minEpisodes, $"only {episodes} episodes ended");
        Assert.Equal(expectedMetrics, drained);
    }

    [Fact]
    public void ResetReplaysTheSameEpisodeSeeds()
    {
        using var vec = new VectorEnv(new VectorEnvOptions
        {
            NumEnvs = 4,
            AgentsPerEnv = 3,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 6 }),
            Seed = 99,
        });
        vec.Reset();
        ulong[] first = [.. Enumerable.Range(0, 4).Select(vec.GetEpisodeSeed)];
        float[] obs = (float[])vec.Observations.Clone();
        Assert.Equal(4, first.Distinct().Count());
        vec.Step(new int[12]);
        vec.Reset();
        Assert.Equal(first, Enumerable.Range(0, 4).Select(vec.GetEpisodeSeed));
        Assert.Equal(obs, vec.Observations);

        using var other = new VectorEnv(new VectorEnvOptions
        {
            NumEnvs = 4,
            AgentsPerEnv = 3,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 6 }),
            Seed = 100,
        });
        other.Reset();
        Assert.NotEqual(first, Enumerable.Range(0, 4).Select(other.GetEpisodeSeed));
    }

    [Fact]
    public void WithoutDistancesOnlyTheDistanceOutputsChange()
    {
        VectorEnvOptions Options(bool track) => new()
        {
            NumEnvs = 2,
            AgentsPerEnv = 4,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 8 }),
            MaxEpisodeSteps = 10,
            Seed = 8,
            TrackDistances = track,
        };
        using var with = new VectorEnv(Options(true));
        using var without = new VectorEnv(Options(false));
        with.Reset();
        without.Reset();
        var rng = NumpyRandom.DefaultRng(2);
        var actions = new int[8];
        bool progress = false;
        for (int t = 0; t < 30; t++)
        {
            for (int i = 0; i < actions.Length; i++)
            {
                actions[i] = (int)rng.Integers(5);
            }

            with.Step(actions);
            without.Step(actions);
            Assert.Equal(with.Observations, without.Observations);
            Assert.Equal(with.Rewards, without.Rewards);
            Assert.Equal(with.EpisodeStarted, without.EpisodeStarted);
            Assert.All(without.DistanceToGoal, d => Assert.Equal(-1, d));
            Assert.All(without.MadePathProgress, Assert.False);
            Assert.All(with.DistanceToGoal, d => Assert.True(d >= 0));
            progress |= with.MadePathProgress.Any(p => p);
        }

        Assert.True(progress);
    }

    private static void CompareObservations(VectorEnv vec, PogemaEnv[] mirrors, float[] expected, int stride)
    {
        int a = vec.AgentsPerEnv;
        for (int e = 0; e < mirrors.Length; e++)
        {
            mirrors[e].WriteObservations(expected);
            Assert.True(
                expected.AsSpan().SequenceEqual(vec.Observations.AsSpan(e * a * stride, a * stride)),
                $"observations of env {e} differ");
            for (int i = 0; i < a; i++)
            {
                Assert.Equal(mirrors[e].GetPosition(i), vec.GetEnvironment(e).GetPosition(i));
                Assert.Equal(mirrors[e].GetTarget(i), vec.GetEnvironment(e).GetTarget(i));
            }
        }
    }
}
