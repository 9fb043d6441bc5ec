using Pogema.Env.Random;

namespace Pogema.Env.Tests.Core;

/// <summary>
/// Properties that must hold in every episode, checked over many random configs and random actions: no two active
/// agents share a cell, no agent stands on an obstacle, moves are to a neighbour or nowhere, no swaps under
/// <c>soft</c>/<c>block_both</c>, the occupancy grid matches the active agents, and lifelong goals are reachable.
/// </summary>
public sealed class InvariantTests
{
    public static TheoryData<CollisionSystem, OnTarget> Rules()
    {
        var data = new TheoryData<CollisionSystem, OnTarget>();
        foreach (CollisionSystem system in Enum.GetValues<CollisionSystem>())
        {
            foreach (OnTarget mode in Enum.GetValues<OnTarget>())
            {
                data.Add(system, mode);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void RandomEpisodesKeepTheInvariants(CollisionSystem system, OnTarget mode)
    {
        var rng = NumpyRandom.DefaultRng((ulong)(((int)system * 3) + (int)mode + 100));
        for (int episode = 0; episode < 40; episode++)
        {
            int size = (int)rng.Integers(3, 12);
            var config = new GridConfig
            {
                Seed = rng.Integers(1_000_000),
                Size = size,
                Density = rng.Uniform(0.0, 0.35),
                NumAgents = (int)rng.Integers(1, Math.Max(2, size * size / 4)),
                ObsRadius = (int)rng.Integers(1, 4),
                CollisionSystem = system,
                OnTarget = mode,
                MaxEpisodeSteps = (int)rng.Integers(5, 60),
            };
            var env = new PogemaEnv(config);
            try
            {
                env.Reset();
            }
            catch (PogemaInputException)
            {
                continue;
            }

            RunAndCheck(env, rng);
        }
    }

    private static void RunAndCheck(PogemaEnv env, NumpyRandom rng)
    {
        int n = env.NumAgents;
        var actions = new int[n];
        var before = new int[n];
        var wasActive = new bool[n];
        CheckState(env);
        while (!env.EpisodeEnded)
        {
            env.PaddedPositions.CopyTo(before);
            env.Active.CopyTo(wasActive);
            for (int i = 0; i < n; i++)
            {
                actions[i] = rng.Random() < 0.7 ? (int)rng.Integers(1, 5) : (int)rng.Integers(5);
            }

            env.Step(actions);
            CheckState(env);
            for (int i = 0; i < n; i++)
            {
                int from = before[i];
                int to = env.PaddedPositions[i];
                int distance = Math.Abs(to - from);
                Assert.True(distance == 0 || distance == 1 || distance == env.PaddedWidth, $"agent {i} jumped");
                if (!wasActive[i])
                {
                    Assert.Equal(from, to);
                }
            }

            if (env.Config.CollisionSystem != CollisionSystem.Priority)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = i + 1; j < n; j++)
                    {
                        bool swapped = before[i] != before[j] && env.PaddedPositions[i] == before[j] && env.PaddedPositions[j] == before[i];
                        Assert.False(swapped && wasActive[i] && wasActive[j], $"agents {i} and {j} swapped");
                    }
                }
            }
        }

        Assert.NotNull(env.Metrics);
    }

    private static void CheckState(PogemaEnv env)
    {
        var occupied = new HashSet<int>();
        for (int i = 0; i < env.NumAgents; i++)
        {
            int cell = env.PaddedPositions[i];
            Assert.Equal(0, env.PaddedObstacles[cell]);
            if (env.Active[i])
            {
                Assert.True(occupied.Add(cell), $"two active agents on cell {cell}");
                Assert.Equal(1, env.PaddedOccupancy[cell]);
            }
        }

        int marked = 0;
        foreach (byte value in env.PaddedOccupancy)
        {
            marked += value;
        }

        Assert.Equal(occupied.Count, marked);
        if (env.Config.OnTarget == OnTarget.Restart)
        {
            for (int i = 0; i < env.NumAgents; i++)
            {
                Assert.True(Reachable(env, env.GetPosition(i), env.GetTarget(i)), $"goal of agent {i} is unreachable");
            }
        }
    }

    private static bool Reachable(PogemaEnv env, GridPosition from, GridPosition to)
    {
        var seen = new bool[env.Height, env.Width];
        var queue = new Queue<GridPosition>();
        queue.Enqueue(from);
        seen[from.Row, from.Col] = true;
        while (queue.Count > 0)
        {
            GridPosition p = queue.Dequeue();
            if (p == to)
            {
                return true;
            }

            foreach ((int dr, int dc) in new[] { (-1, 0), (1, 0), (0, -1), (0, 1) })
            {
                int r = p.Row + dr;
                int c = p.Col + dc;
                if (r >= 0 && r < env.Height && c >= 0 && c < env.Width && !seen[r, c] && !env.IsObstacle(r, c))
                {
                    seen[r, c] = true;
                    queue.Enqueue(new GridPosition(r, c));
                }
            }
        }

        return false;
    }
}
