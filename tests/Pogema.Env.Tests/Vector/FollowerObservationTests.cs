using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

/// <summary>The follower preset, the BFS distances and the path-progress flag on a hand-made map with worked-out windows.</summary>
public sealed class FollowerObservationTests
{
    // Agent a at (0,0) goes to A at (2,4); agent b at (0,4) goes to B at (2,0). Both goals are 6 moves away, and
    // the tie-break (up, down, left, right) sends both down first, then along the bottom row.
    private const string Map = "a...b\n.###.\nB...A";

    private static VectorEnv Create()
    {
        var vec = new VectorEnv(new VectorEnvOptions
        {
            NumEnvs = 1,
            AgentsPerEnv = 2,
            Scenario = ScenarioSource.Fixed(new GridConfig { Map = Map }),
            CollisionSystem = CollisionSystem.Soft,
            OnTarget = OnTarget.Finish,
            ObsRadius = 2,
            Observation = ObservationPreset.Follower,
            MaxEpisodeSteps = 64,
        });
        vec.Reset();
        return vec;
    }

    [Fact]
    public void FirstObservationShowsPathAgentsAndOtherGoals()
    {
        using var vec = Create();
        Assert.Equal(3, vec.ObservationChannels);
        Assert.Equal(5, vec.ObservationSize);
        Assert.Equal([6, 6], vec.DistanceToGoal);
        Assert.Equal([true, true], vec.EpisodeStarted);

        float[][] agentA =
        [
            [
                0, 0, 0, 0, 0,
                0, -1, -1, -1, -1,
                0, -1, 1, 0, 0,
                0, -1, 1, -1, -1,
                0, -1, 1, 1, 1,
            ],
            [
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0,
                0, 0, 1, 0, 0,
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0,
            ],
            [
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0,
                0, 0, 1, 0, 0,
            ],
        ];
        float[][] agentB =
        [
            [
                0, 0, 0, 0, 0,
                -1, -1, -1, -1, 0,
                0, 0, 1, -1, 0,
                -1, -1, 1, -1, 0,
                1, 1, 1, -1, 0,
            ],
            agentA[1],
            agentA[2],
        ];
        AssertObservation(vec, 0, agentA);
        AssertObservation(vec, 1, agentB);
    }

    [Fact]
    public void StepsAlongThePathCountAsProgress()
    {
        using var vec = Create();
        vec.Step([2, 2]);
        Assert.Equal([true, true], vec.MadePathProgress);
        Assert.Equal([5, 5], vec.DistanceToGoal);
        Assert.Equal([false, false], vec.EpisodeStarted);

        // a waits, b walks into the wall: neither is progress.
        vec.Step([0, 3]);
        Assert.Equal([false, false], vec.MadePathProgress);
        Assert.Equal([5, 5], vec.DistanceToGoal);

        // A legal move off the path is not progress either: a goes back up.
        vec.Step([1, 2]);
        Assert.Equal([false, true], vec.MadePathProgress);
        Assert.Equal([6, 4], vec.DistanceToGoal);
    }

    [Fact]
    public void OwnGoalIsRemovedFromTheGoalChannel()
    {
        using var vec = Create();

        // b goes down twice to (2,4), a's goal A; a goes down twice onto (2,0), b's goal B, then right to (2,1).
        vec.Step([0, 2]);
        vec.Step([2, 2]);
        vec.Step([2, 0]);
        vec.Step([4, 0]);
        int d = vec.ObservationSize;
        int area = d * d;
        int stride = 3 * area;

        // a at (2,1): window rows 0..4, cols -1..3. Goal channel: B at (2,0) -> (2,1); A is a's own goal, at col 4 (outside).
        Assert.Equal(new GridPosition(2, 1), vec.GetEnvironment(0).GetPosition(0));
        Span<float> goalsA = vec.Observations.AsSpan(2 * area, area);
        Assert.Equal(1f, goalsA[(2 * d) + 1]);
        Assert.Equal(1f, Sum(goalsA));

        // b at (2,4) stands on a's goal A, 4 moves from its own B: the goal channel shows A (B is outside).
        Assert.Equal(new GridPosition(2, 4), vec.GetEnvironment(0).GetPosition(1));
        Span<float> goalsB = vec.Observations.AsSpan(stride + (2 * area), area);
        Assert.Equal(1f, goalsB[(2 * d) + 2]);
        Assert.Equal(1f, Sum(goalsB));
        Assert.Equal(4, vec.DistanceToGoal[1]);
    }

    [Fact]
    public void DistanceFieldTieBreakIsUpDownLeftRight()
    {
        // 3 x 3 open map padded by 1 (5 x 5): goal at the bottom-right corner (map 2,2 = padded 3,3).
        var obstacles = new byte[25];
        for (int k = 0; k < 5; k++)
        {
            obstacles[k] = obstacles[20 + k] = obstacles[k * 5] = obstacles[(k * 5) + 4] = 1;
        }

        var field = new int[25];
        DistanceField.Compute(obstacles, 5, 18, field, new int[25]);
        int[] distance = [.. Enumerable.Range(0, 25).Select(c => DistanceField.Distance(field, c))];
        Assert.Equal(
            [
                -2, -2, -2, -2, -2,
                -2, 4, 3, 2, -2,
                -2, 3, 2, 1, -2,
                -2, 2, 1, 0, -2,
                -2, -2, -2, -2, -2,
            ],
            distance);

        // From the top-left corner both down and right are shortest: down wins. Along the bottom row only right is.
        Assert.Equal(11, DistanceField.NextCell(field, 5, 6));
        Assert.Equal(2, DistanceField.Move(field, 6));
        Assert.Equal(4, DistanceField.Move(field, 17));
        Assert.Equal(4, DistanceField.Move(field, 16));
        Assert.Equal(-1, DistanceField.NextCell(field, 5, 18));
        Assert.Equal(0, DistanceField.Move(field, 18));
    }

    [Theory]
    [InlineData(OnTarget.Restart, true)]
    [InlineData(OnTarget.Finish, true)]
    [InlineData(OnTarget.Restart, false)]
    public void KeptPathsGiveTheObservationOfAFreshBfs(OnTarget onTarget, bool trackDistances)
    {
        // Without distances, a kept path that is still whole is drawn without looking its field up at all; observations
        // written again (as the bench's writing-only runs do) find every path whole.
        using var vec = new VectorEnv(new VectorEnvOptions
        {
            NumEnvs = 3,
            AgentsPerEnv = 8,
            Scenario = ScenarioSource.Maps([new Pogema.Env.Maps.NamedMap("maze", Pogema.Env.Maps.MazeGenerator.Generate(3))]),
            CollisionSystem = CollisionSystem.Soft,
            OnTarget = onTarget,
            ObsRadius = 3,
            Observation = ObservationPreset.Follower,
            MaxEpisodeSteps = 40,
            Seed = 12,
            Workers = 2,
            TrackDistances = trackDistances,
        });
        vec.Reset();
        var rng = Pogema.Env.Random.NumpyRandom.DefaultRng(4);
        var actions = new int[vec.NumAgents];
        int stride = 3 * vec.ObservationSize * vec.ObservationSize;
        var expected = new float[stride];
        for (int t = 0; t < 120; t++)
        {
            if (t % 4 == 3)
            {
                vec.RewriteObservations();
            }

            for (int e = 0; e < vec.NumEnvs; e++)
            {
                PogemaEnv env = vec.GetEnvironment(e);
                var field = new int[env.PaddedObstacles.Length];
                var queue = new int[field.Length];
                var goals = new byte[field.Length];
                foreach (int goal in env.PaddedTargets)
                {
                    goals[goal] = 1;
                }

                for (int i = 0; i < vec.AgentsPerEnv; i++)
                {
                    int position = env.PaddedPositions[i];
                    int target = env.PaddedTargets[i];
                    DistanceField.Compute(env.PaddedObstacles, env.PaddedWidth, target, field, queue);
                    FollowerObservation.Write(env.PaddedObstacles, env.PaddedOccupancy, goals, field, env.PaddedWidth, env.ObsRadius, position, target, expected);
                    int row = (e * vec.AgentsPerEnv) + i;
                    Assert.True(expected.AsSpan().SequenceEqual(vec.Observations.AsSpan(row * stride, stride)), $"step {t}, env {e}, agent {i}");
                }
            }

            // Mostly moves along the path (as a trained agent would), sometimes a random action.
            for (int i = 0; i < actions.Length; i++)
            {
                actions[i] = rng.Random() < 0.3 ? (int)rng.Integers(5) : PathAction(vec, i);
            }

            vec.Step(actions);
        }
    }

    private static int PathAction(VectorEnv vec, int agent)
    {
        PogemaEnv env = vec.GetEnvironment(agent / vec.AgentsPerEnv);
        int i = agent % vec.AgentsPerEnv;
        var field = new int[env.PaddedObstacles.Length];
        DistanceField.Compute(env.PaddedObstacles, env.PaddedWidth, env.PaddedTargets[i], field, new int[field.Length]);
        return DistanceField.Move(field, env.PaddedPositions[i]);
    }

    private static float Sum(Span<float> values)
    {
        float sum = 0;
        foreach (float v in values)
        {
            sum += v;
        }

        return sum;
    }

    private static void AssertObservation(VectorEnv vec, int agent, float[][] channels)
    {
        int area = vec.ObservationSize * vec.ObservationSize;
        for (int c = 0; c < channels.Length; c++)
        {
            float[] actual = vec.Observations.AsSpan(((agent * 3) + c) * area, area).ToArray();
            Assert.True(channels[c].AsSpan().SequenceEqual(actual), $"agent {agent} channel {c}: [{string.Join(", ", actual)}]");
        }
    }
}
