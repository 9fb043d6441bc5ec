using Pogema.Env.Policies;
using Pogema.Env.Random;

namespace Pogema.Env.Tests.Policies;

public sealed class PibtPlannerTests
{
    private static readonly int[] DeltaRow = { 0, -1, 1, 0, 0 };
    private static readonly int[] DeltaCol = { 0, 0, 0, -1, 1 };

    private static int Apply(int cell, int action, int width) => cell + (DeltaRow[action] * width) + DeltaCol[action];

    [Fact]
    public void SwapsTwoAgentsInACorridorThroughAPocket()
    {
        string[] rows =
        {
            "###.###",
            ".......",
        };
        const int width = 7;
        bool[] obstacles = string.Concat(rows).Select(ch => ch == '#').ToArray();
        var planner = new PibtPlanner(2, width, obstacles, 2, seed: 0);
        int[] positions = { 7 + 0, 7 + 6 };
        int[] goals = { 7 + 6, 7 + 0 };
        bool[] active = { true, true };
        int[] actions = new int[2];
        int solvedAt = -1;
        for (int t = 0; t < 40; t++)
        {
            planner.Plan(positions, goals, active, actions);
            int[] next = { Apply(positions[0], actions[0], width), Apply(positions[1], actions[1], width) };
            Assert.NotEqual(next[0], next[1]);
            Assert.False(next[0] == positions[1] && next[1] == positions[0], "swap");
            Assert.False(obstacles[next[0]] || obstacles[next[1]]);
            positions = next;
            if (positions[0] == goals[0] && positions[1] == goals[1])
            {
                solvedAt = t + 1;
                break;
            }
        }

        Assert.True(solvedAt > 0, "PIBT did not swap the agents within 40 steps");
        // Six cells apart: 8 steps is optimal (one agent steps into the pocket and out again).
        Assert.Equal(8, solvedAt);
    }

    [Fact]
    public void NeverPlansVertexOrSwapConflicts()
    {
        var rng = NumpyRandom.DefaultRng(11);
        for (int trial = 0; trial < 20; trial++)
        {
            int height = 8 + (int)rng.Integers(8);
            int width = 8 + (int)rng.Integers(8);
            bool[] obstacles = new bool[height * width];
            for (int i = 0; i < obstacles.Length; i++)
            {
                obstacles[i] = rng.Random() < 0.2;
            }

            int[] free = Enumerable.Range(0, obstacles.Length).Where(i => !obstacles[i]).ToArray();
            rng.Shuffle(free.AsSpan());
            int n = Math.Min(free.Length / 2, 4 + (int)rng.Integers(40));
            int[] positions = free[..n];
            int[] goals = free[n..(2 * n)];
            bool[] active = Enumerable.Repeat(true, n).ToArray();
            var planner = new PibtPlanner(height, width, obstacles, n, (ulong)trial);
            int[] actions = new int[n];
            for (int t = 0; t < 60; t++)
            {
                planner.Plan(positions, goals, active, actions);
                int[] next = new int[n];
                for (int i = 0; i < n; i++)
                {
                    int r = (positions[i] / width) + DeltaRow[actions[i]];
                    int c = (positions[i] % width) + DeltaCol[actions[i]];
                    Assert.InRange(r, 0, height - 1);
                    Assert.InRange(c, 0, width - 1);
                    next[i] = (r * width) + c;
                    Assert.False(obstacles[next[i]], "move into an obstacle");
                }

                Assert.Equal(n, next.Distinct().Count());
                var at = new Dictionary<int, int>();
                for (int i = 0; i < n; i++)
                {
                    at[positions[i]] = i;
                }

                for (int i = 0; i < n; i++)
                {
                    if (next[i] != positions[i] && at.TryGetValue(next[i], out int j) && j != i)
                    {
                        Assert.False(next[j] == positions[i], $"agents {i} and {j} swap");
                    }
                }

                positions = next;
                for (int i = 0; i < n; i++)
                {
                    if (positions[i] == goals[i])
                    {
                        // Lifelong: a new goal on a free cell.
                        goals[i] = free[(int)rng.Integers(free.Length)];
                    }
                }
            }
        }
    }

    [Fact]
    public void SameSeedSamePlans()
    {
        bool[] obstacles = new bool[36];
        int[] positions = { 0, 5, 30, 35 };
        int[] goals = { 35, 30, 5, 0 };
        bool[] active = { true, true, true, true };
        var a = new PibtPlanner(6, 6, obstacles, 4, 3);
        var b = new PibtPlanner(6, 6, obstacles, 4, 3);
        var actionsA = new int[4];
        var actionsB = new int[4];
        for (int t = 0; t < 5; t++)
        {
            a.Plan(positions, goals, active, actionsA);
            b.Plan(positions, goals, active, actionsB);
            Assert.Equal(actionsA, actionsB);
        }
    }
}
