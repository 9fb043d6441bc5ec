using Pogema.Env.Random;
using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

/// <summary>The one-pass search gives the textbook answer: BFS distances, then the first of up, down, left, right one step closer.</summary>
public sealed class DistanceFieldTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.45)]
    public void FieldsMatchAPlainSearchWithTheTieBreakAppliedAfterwards(double density)
    {
        var rng = NumpyRandom.DefaultRng(11);
        for (int map = 0; map < 5; map++)
        {
            var env = new PogemaEnv(new GridConfig { Size = 12, Density = density, NumAgents = 1, ObsRadius = 2 });
            env.Reset((ulong)map);
            byte[] obstacles = env.PaddedObstacles.ToArray();
            int width = env.PaddedWidth;
            var field = new int[obstacles.Length];
            var queue = new int[obstacles.Length];
            for (int trial = 0; trial < 20; trial++)
            {
                // Any map cell, obstacles included (the padding outside the ring is never a goal).
                int goal = ((2 + (int)rng.Integers(12)) * width) + 2 + (int)rng.Integers(12);
                DistanceField.Compute(obstacles, width, goal, field, queue);
                int[] expected = PlainDistances(obstacles, width, goal);
                for (int cell = 0; cell < obstacles.Length; cell++)
                {
                    Assert.Equal(expected[cell], DistanceField.Distance(field, cell));
                    Assert.Equal(ExpectedMove(expected, width, cell), DistanceField.Move(field, cell));
                }
            }
        }
    }

    [Fact]
    public void AGridWithoutItsObstacleRingOrABadWidthIsRefused()
    {
        // A 3 x 3 open grid: the search would run off its edges.
        var open = new byte[9];
        var field = new int[9];
        var queue = new int[9];
        Assert.Throws<ArgumentException>(() => DistanceField.Compute(open, 3, 4, field, queue));
        Assert.Throws<ArgumentException>(() => DistanceField.Compute(open, 0, 4, field, queue));
        Assert.Throws<ArgumentException>(() => DistanceField.Compute(open, 3, 9, field, queue));
        Assert.Throws<ArgumentException>(() => DistanceField.Compute(open, 3, 4, new int[8], queue));
    }

    private static int[] PlainDistances(byte[] obstacles, int width, int goal)
    {
        int[] distance = [.. obstacles.Select(o => o != 0 ? DistanceField.Obstacle : DistanceField.Unreachable)];
        if (obstacles[goal] != 0)
        {
            return distance;
        }

        var queue = new Queue<int>();
        distance[goal] = 0;
        queue.Enqueue(goal);
        while (queue.Count > 0)
        {
            int cell = queue.Dequeue();
            foreach (int next in new[] { cell - width, cell + width, cell - 1, cell + 1 })
            {
                if (distance[next] == DistanceField.Unreachable)
                {
                    distance[next] = distance[cell] + 1;
                    queue.Enqueue(next);
                }
            }
        }

        return distance;
    }

    private static int ExpectedMove(int[] distance, int width, int cell)
    {
        if (distance[cell] <= 0)
        {
            return 0;
        }

        int[] neighbours = [cell - width, cell + width, cell - 1, cell + 1];
        for (int k = 0; k < 4; k++)
        {
            if (distance[neighbours[k]] == distance[cell] - 1)
            {
                return k + 1;
            }
        }

        throw new InvalidOperationException("a reached cell has a neighbour one step closer");
    }
}
