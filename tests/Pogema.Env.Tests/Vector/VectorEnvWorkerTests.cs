using Pogema.Env.Maps;
using Pogema.Env.Random;
using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

/// <summary>Results do not depend on the number of workers; scenarios draw maps and tasks per episode.</summary>
public sealed class VectorEnvWorkerTests
{
    private static readonly (string Scenario, ObservationPreset Preset)[] ScenarioList =
    [
        ("bottleneck", ObservationPreset.Follower),
        ("mazes", ObservationPreset.Follower),
        ("mapset", ObservationPreset.Follower),
        ("mapset", ObservationPreset.Pogema),
        ("random", ObservationPreset.Pogema),
        ("warehouse", ObservationPreset.Follower),
    ];

    public static TheoryData<string, ObservationPreset> Scenarios()
    {
        var data = new TheoryData<string, ObservationPreset>();
        foreach ((string scenario, ObservationPreset preset) in ScenarioList)
        {
            data.Add(scenario, preset);
        }

        return data;
    }

    internal static VectorEnvOptions Options(string scenario, ObservationPreset preset, int workers) => scenario switch
    {
        "bottleneck" => new VectorEnvOptions
        {
            NumEnvs = 7,
            AgentsPerEnv = 2,
            Scenario = ScenarioSource.Bottleneck([3, 5, 8]),
            CollisionSystem = CollisionSystem.BlockBoth,
            OnTarget = OnTarget.Finish,
            ObsRadius = 2,
            MaxEpisodeSteps = 20,
            Observation = preset,
            Seed = 3,
            Workers = workers,
        },
        "mazes" => new VectorEnvOptions
        {
            NumEnvs = 5,
            AgentsPerEnv = 8,
            Scenario = ScenarioSource.Maps([.. MazeMaps()]),
            CollisionSystem = CollisionSystem.Soft,
            OnTarget = OnTarget.Restart,
            ObsRadius = 3,
            MaxEpisodeSteps = 15,
            Observation = preset,
            Seed = 4,
            Workers = workers,
            DistanceCacheBytes = 1 << 14,
        },
        "mapset" => new VectorEnvOptions
        {
            // More maps than a slot could keep built, and episodes of 3 steps: nearly every reset switches maps.
            NumEnvs = 6,
            AgentsPerEnv = 6,
            Scenario = ScenarioSource.Maps(MixedSizeMaps.Create(24)),
            CollisionSystem = CollisionSystem.Soft,
            OnTarget = OnTarget.Restart,
            ObsRadius = 2,
            MaxEpisodeSteps = 3,
            Observation = preset,
            Seed = 7,
            Workers = workers,
        },
        "warehouse" => new VectorEnvOptions
        {
            NumEnvs = 3,
            AgentsPerEnv = 16,
            Scenario = ScenarioSource.Maps([WarehouseMap.Create()]),
            CollisionSystem = CollisionSystem.Priority,
            OnTarget = OnTarget.Restart,
            ObsRadius = 5,
            MaxEpisodeSteps = 10,
            Observation = preset,
            Seed = 5,
            Workers = workers,
        },
        _ => new VectorEnvOptions
        {
            NumEnvs = 6,
            AgentsPerEnv = 5,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 10, Density = 0.3 }),
            CollisionSystem = CollisionSystem.Soft,
            OnTarget = OnTarget.Nothing,
            ObsRadius = 4,
            MaxEpisodeSteps = 9,
            Observation = preset,
            Seed = 6,
            Workers = workers,
        },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void AnyWorkerCountGivesTheSameRun(string scenario, ObservationPreset preset) =>
        AssertSameRun(Options(scenario, preset, 1), Options(scenario, preset, 3));

    [Fact]
    public void SpinningAndPinnedWorkersGiveTheSameRun()
    {
        VectorEnvOptions tuned = Options("random", ObservationPreset.Follower, 3);
        tuned.PoolTuning = new WorkerPoolTuning(SpinMicroseconds: 50, PinThreads: true);
        AssertSameRun(Options("random", ObservationPreset.Follower, 1), tuned);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void WorkersStealingSlicesGiveTheSameRun(string scenario, ObservationPreset preset)
    {
        // Slices of one or two environments each: the caller's thread, first to start, steps many of the helpers'.
        VectorEnvOptions slices = Options(scenario, preset, 3);
        slices.SlicesPerWorker = 4;
        slices.MinAgentsPerSlice = 1;
        AssertSameRun(Options(scenario, preset, 1), slices);
    }

    private static void AssertSameRun(VectorEnvOptions oneWorker, VectorEnvOptions threeWorkers)
    {
        using var one = new VectorEnv(oneWorker);
        using var three = new VectorEnv(threeWorkers);
        Assert.Equal(3, three.Workers);
        one.Reset();
        three.Reset();
        AssertSame(one, three);
        var rng = NumpyRandom.DefaultRng(11);
        var actions = new int[one.NumAgents];
        var metricsOne = new List<EpisodeMetrics>();
        var metricsThree = new List<EpisodeMetrics>();
        int restarts = 0;
        for (int t = 0; t < 50; t++)
        {
            for (int i = 0; i < actions.Length; i++)
            {
                actions[i] = (int)rng.Integers(5);
            }

            one.Step(actions);
            three.Step(actions);
            AssertSame(one, three);
            restarts += one.EpisodeStarted.Count(s => s);
        }

        Assert.True(restarts > 0);
        Assert.Equal(one.DrainEpisodes(metricsOne), three.DrainEpisodes(metricsThree));
        Assert.NotEmpty(metricsOne);
        Assert.Equal(metricsOne, metricsThree);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void DrainingHandsOutEpisodesEnvironmentByEnvironmentWhateverOrderTheyFinished(int workers)
    {
        // One agent two cells left of its goal per environment; environment e moves right at steps 3-e and 4-e only,
        // so environment 3 finishes first (after 2 steps) and environment 0 last (after 5). Drained once at the end.
        using var vec = new VectorEnv(new VectorEnvOptions
        {
            NumEnvs = 4,
            AgentsPerEnv = 1,
            Scenario = ScenarioSource.Fixed(new GridConfig { Map = "a.A" }),
            OnTarget = OnTarget.Finish,
            ObsRadius = 1,
            MaxEpisodeSteps = 20,
            Workers = workers,
            SlicesPerWorker = 2,
            MinAgentsPerSlice = 1,
        });
        vec.Reset();
        var actions = new int[vec.NumAgents];
        for (int t = 0; t < 5; t++)
        {
            for (int e = 0; e < vec.NumEnvs; e++)
            {
                actions[e] = t == 3 - e || t == 4 - e ? 4 : 0;
            }

            vec.Step(actions);
        }

        var sink = new List<EpisodeMetrics>();
        Assert.Equal(4, vec.DrainEpisodes(sink));
        Assert.Equal([5.0, 4.0, 3.0, 2.0], sink.Select(m => m.EpLength!.Value));
    }

    [Fact]
    public void DrainingHandsOutEachFinishedEpisodeOnceAndResetDiscardsThem()
    {
        // Three workers; episodes of at most 9 steps, so every environment finishes at least two in 25 steps.
        using var vec = new VectorEnv(Options("random", ObservationPreset.Pogema, 3));
        vec.Reset();
        var actions = new int[vec.NumAgents];
        var sink = new List<EpisodeMetrics>();
        for (int t = 0; t < 25; t++)
        {
            vec.Step(actions);
        }

        Assert.True(vec.DrainEpisodes(sink) >= 2 * vec.NumEnvs);
        Assert.Equal(0, vec.DrainEpisodes(sink));
        for (int t = 0; t < 25; t++)
        {
            vec.Step(actions);
        }

        vec.Reset();
        sink.Clear();
        Assert.Equal(0, vec.DrainEpisodes(sink));
        Assert.Empty(sink);
    }

    [Fact]
    public void BottleneckDrawsLengthsAndTasksPerEpisode()
    {
        using var vec = new VectorEnv(Options("bottleneck", ObservationPreset.Follower, 2));
        vec.Reset();
        var lengths = new HashSet<int>();
        var tasks = new HashSet<string>();
        var actions = new int[vec.NumAgents];
        for (int t = 0; t < 100; t++)
        {
            for (int e = 0; e < vec.NumEnvs; e++)
            {
                PogemaEnv env = vec.GetEnvironment(e);
                int length = env.Height - 4;
                Assert.Equal(new[] { 3, 5, 8 }[vec.GetVariant(e)], length);
                lengths.Add(length);
                if (vec.EpisodeStarted[e * 2])
                {
                    // Agent 0 starts in room A (rows 0-1) with its goal in room B; agent 1 the reverse.
                    Assert.InRange(env.GetPosition(0).Row, 0, 1);
                    Assert.InRange(env.GetTarget(0).Row, length + 2, length + 3);
                    Assert.InRange(env.GetPosition(1).Row, length + 2, length + 3);
                    Assert.InRange(env.GetTarget(1).Row, 0, 1);
                    tasks.Add($"{env.GetPosition(0)}{env.GetTarget(0)}{env.GetPosition(1)}{env.GetTarget(1)}");
                }
            }

            vec.Step(actions);
        }

        Assert.Equal(3, lengths.Count);
        Assert.True(tasks.Count > 20, $"{tasks.Count} distinct tasks");
    }

    [Fact]
    public void ScenarioThatDoesNotFitTheOptionsIsAnInputError()
    {
        var bottleneck = Options("bottleneck", ObservationPreset.Pogema, 1);
        bottleneck.AgentsPerEnv = 3;
        var error = Assert.Throws<PogemaInputException>(() => new VectorEnv(bottleneck));
        Assert.Contains("exactly 2 agents", error.Message);

        var letters = new VectorEnvOptions { AgentsPerEnv = 3, Scenario = ScenarioSource.Fixed(new GridConfig { Map = "a.A\nb.B" }) };
        error = Assert.Throws<PogemaInputException>(() => new VectorEnv(letters));
        Assert.Contains("places 2 agents; agents per env is 3", error.Message);

        Assert.Throws<PogemaInputException>(() => new VectorEnv(new VectorEnvOptions { NumEnvs = 0 }));
        Assert.Throws<PogemaInputException>(() => new VectorEnv(new VectorEnvOptions { Workers = 0 }));
    }

    private static IEnumerable<NamedMap> MazeMaps()
    {
        for (ulong seed = 0; seed < 3; seed++)
        {
            yield return new NamedMap($"maze-{seed}", TrainingMazeGenerator.Generate(seed));
        }
    }

    private static void AssertSame(VectorEnv x, VectorEnv y)
    {
        Assert.True(x.Observations.AsSpan().SequenceEqual(y.Observations), "observations differ");
        Assert.Equal(x.Rewards, y.Rewards);
        Assert.Equal(x.Terminated, y.Terminated);
        Assert.Equal(x.Truncated, y.Truncated);
        Assert.Equal(x.Active, y.Active);
        Assert.Equal(x.EpisodeStarted, y.EpisodeStarted);
        Assert.Equal(x.DistanceToGoal, y.DistanceToGoal);
        Assert.Equal(x.MadePathProgress, y.MadePathProgress);
    }
}
