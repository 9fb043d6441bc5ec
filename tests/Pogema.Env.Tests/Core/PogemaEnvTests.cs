using Pogema.Env.Random;
using Pogema.Env.Tests.Support;

namespace Pogema.Env.Tests.Core;

/// <summary>The expectations of POGEMA's tests/test_pogema_env.py: a scripted episode and random-action metrics.</summary>
public sealed class PogemaEnvTests
{
    private const int Up = 1;
    private const int Down = 2;
    private const int Left = 3;
    private const int Right = 4;

    [Fact]
    public void ScriptedMovesReachTheGoalAsInPogema()
    {
        var env = new PogemaEnv(new GridConfig { NumAgents = 2, Size = 6, ObsRadius = 2, Density = 0.3, Seed = 42 });
        env.Reset();
        int[] moves = [Right, Up, Left, Down, Down, Left, Left, Up, Up, Up, Right, Up, Right, Down, Right];
        for (int t = 0; t < moves.Length; t++)
        {
            env.Step([moves[t], 0]);
            if (t < moves.Length - 1)
            {
                Assert.False(env.Terminated[0]);
            }
        }

        Assert.Equal(new[] { 1f, 0f }, env.Rewards.ToArray());
        Assert.Equal(new[] { true, false }, env.Terminated.ToArray());
        Assert.Equal(new[] { false, true }, env.Active.ToArray());
    }

    [Theory]
    [InlineData(2, 64, 0.0, 0.5)]
    [InlineData(2, 512, 1.0, 1.0)]
    [InlineData(5, 64, 0.0, 0.2)]
    public void RandomActionMetricsMatchPogema(int agents, int maxSteps, double csr, double isr)
    {
        // POGEMA's ActionsSampler: default_rng(seed).integers(5, size=num_agents) per step.
        var config = new GridConfig { NumAgents = agents, Seed = 5, Size = 5, MaxEpisodeSteps = maxSteps };
        var env = new PogemaEnv(config);
        env.Reset();
        var sampler = NumpyRandom.DefaultRng(5);
        var actions = new int[agents];
        while (!env.EpisodeEnded)
        {
            for (int i = 0; i < agents; i++)
            {
                actions[i] = (int)sampler.Integers(5);
            }

            env.Step(actions);
        }

        EpisodeMetrics metrics = env.Metrics!.Value;
        Assert.Equal(csr, metrics.Csr);
        Assert.Equal(isr, metrics.Isr);
        Assert.NotNull(metrics.EpLength);
        Assert.Null(metrics.AvgThroughput);
    }

    [Fact]
    public void StepBeforeResetOrAfterTheEndIsRefused()
    {
        var env = new PogemaEnv(new GridConfig { Seed = 1, MaxEpisodeSteps = 1 });
        Assert.Throws<InvalidOperationException>(() => env.Step([0]));
        env.Reset();
        env.Step([0]);
        Assert.True(env.EpisodeEnded);
        Assert.True(env.Truncated[0]);
        Assert.Throws<InvalidOperationException>(() => env.Step([0]));
    }

    [Fact]
    public void WrongActionsAreRejected()
    {
        var env = new PogemaEnv(new GridConfig { Seed = 1, NumAgents = 2 });
        env.Reset();
        Assert.Throws<ArgumentException>(() => env.Step([0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step([0, 5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step([-1, 0]));
    }

    [Fact]
    public void SameSeedGivesTheSameTaskOnEveryReset()
    {
        var env = new PogemaEnv(new GridConfig { Seed = 9, NumAgents = 6, Size = 10, Map = null, OnTarget = OnTarget.Restart });
        env.Reset();
        int[] first = env.PaddedPositions.ToArray();
        int[] goals = env.PaddedTargets.ToArray();
        env.Step([1, 2, 3, 4, 0, 1]);
        env.Reset();
        Assert.Equal(first, env.PaddedPositions.ToArray());
        Assert.Equal(goals, env.PaddedTargets.ToArray());
        env.Reset(10);
        Assert.NotEqual(first, env.PaddedPositions.ToArray());
        Assert.Equal(10UL, env.CurrentSeed);
    }

    [Fact]
    public void PoolPlacementRepeatsAcrossResets()
    {
        var config = new GridConfig { Seed = 4, NumAgents = 3, Map = "@@@@\n....\n$$$$" };
        var env = new PogemaEnv(config);
        env.Reset();
        int[] first = env.PaddedPositions.ToArray();
        int[] goals = env.PaddedTargets.ToArray();
        env.Reset();
        Assert.Equal(first, env.PaddedPositions.ToArray());
        Assert.Equal(goals, env.PaddedTargets.ToArray());
    }

    [Fact]
    public void ObservationShowsObstaclesAgentsAndAClampedGoal()
    {
        // Agent a at (0,0) with its goal far to the lower right; agent b next to it.
        var env = new PogemaEnv(new GridConfig { ObsRadius = 1, Map = "ab..\n....\n...B\n#..A" });
        env.Reset();
        var obs = new float[env.NumAgents * env.ObservationSize];
        env.WriteObservations(obs);
        float[] a = obs[..27];

        // Channel 0: the obstacle ring above and left of the map corner.
        Assert.Equal(new float[] { 1, 1, 1, 1, 0, 0, 1, 0, 0 }, a[..9]);

        // Channel 1: itself at the centre, agent b to the right.
        Assert.Equal(new float[] { 0, 0, 0, 0, 1, 1, 0, 0, 0 }, a[9..18]);

        // Channel 2: the goal (3,3) projected onto the lower-right corner.
        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 0, 0, 0, 1 }, a[18..27]);
    }

    [Fact]
    public void StepDoesNotAllocate()
    {
        foreach (CollisionSystem system in Enum.GetValues<CollisionSystem>())
        {
            var env = new PogemaEnv(new GridConfig { Seed = 3, NumAgents = 16, Size = 16, CollisionSystem = system, OnTarget = OnTarget.Restart, MaxEpisodeSteps = 1000 });
            env.Reset();
            var rng = NumpyRandom.DefaultRng(1);
            var actions = new int[16];
            var obs = new float[16 * env.ObservationSize];
            env.Step(actions);
            env.WriteObservations(obs);
            Assert.Equal(0, AllocationWindows.Least(() =>
            {
                for (int t = 0; t < 200; t++)
                {
                    for (int i = 0; i < actions.Length; i++)
                    {
                        actions[i] = (int)rng.Integers(5);
                    }

                    env.Step(actions);
                    env.WriteObservations(obs);
                }
            }));
        }
    }
}
