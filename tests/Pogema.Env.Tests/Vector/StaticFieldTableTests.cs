using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

/// <summary>The shared table of a small static map's fields gives every worker the field a search gives, however many ask at once.</summary>
public sealed class StaticFieldTableTests
{
    [Fact]
    public void ThreadsAskingForTheSameFieldsAtOnceAllGetTheSearchedField()
    {
        var env = new PogemaEnv(new GridConfig { Size = 10, Density = 0.3, NumAgents = 1, ObsRadius = 2 });
        env.Reset(7);
        byte[] obstacles = env.PaddedObstacles.ToArray();
        int width = env.PaddedWidth;
        int cells = obstacles.Length;
        StaticFieldTable table = StaticFieldTable.TryCreate(1, cells)!;

        // Every cell of the 10 x 10 map as a goal, obstacles included (the padding outside its ring never is one).
        int[] goals = [.. Enumerable.Range(0, 100).Select(k => ((2 + (k / 10)) * width) + 2 + (k % 10))];

        // Eight threads walk every goal, half of them backwards, so they meet on fields being computed.
        const int threads = 8;
        var mismatches = new int[threads];
        var failures = new Exception?[threads];
        using var start = new Barrier(threads);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int id = t;
            workers[t] = new Thread(() =>
            {
                var queue = new int[cells];
                var expected = new int[cells];
                start.SignalAndWait();
                try
                {
                    for (int k = 0; k < goals.Length; k++)
                    {
                        int goal = goals[id % 2 == 0 ? k : goals.Length - 1 - k];
                        ReadOnlySpan<int> field = table.Get(0, goal, obstacles, width, queue);
                        DistanceField.Compute(obstacles, width, goal, expected, queue);
                        if (!field[..cells].SequenceEqual(expected))
                        {
                            mismatches[id]++;
                        }
                    }
                }
                catch (Exception ex)
                {
                    failures[id] = ex;
                }
            });
            workers[t].Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        Assert.All(failures, f => Assert.Null(f));
        Assert.All(mismatches, m => Assert.Equal(0, m));
    }

    [Fact]
    public void TablesLargerThanTheLimitAreNotBuilt()
    {
        Assert.NotNull(StaticFieldTable.TryCreate(16, 455));
        Assert.Null(StaticFieldTable.TryCreate(40, 69 * 69));
    }
}
