using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

public sealed class WorkerPoolTests
{
    public static TheoryData<string> Pools => new() { "events", "generation" };

    private static WorkerPool Create(string kind, int workers, Action<int> work) =>
        kind == "events" ? new EventWorkerPool(workers, work) : new GenerationWorkerPool(workers, work);

    [Theory]
    [MemberData(nameof(Pools))]
    public void EveryWorkerRunsOncePerRunAndAWorkersExceptionReachesTheCaller(string kind)
    {
        var runs = new int[4];
        var failOn = -1;
        using var pool = Create(kind, 4, w =>
        {
            Interlocked.Increment(ref runs[w]);
            if (w == failOn)
            {
                throw new InvalidOperationException($"worker {w}");
            }
        });

        for (int i = 0; i < 200; i++)
        {
            pool.Run();
        }

        Assert.Equal(new[] { 200, 200, 200, 200 }, runs);

        failOn = 2;
        var error = Assert.Throws<InvalidOperationException>(pool.Run);
        Assert.Equal("worker 2", error.Message);

        // The failure is handed back once; the pool keeps working.
        failOn = -1;
        pool.Run();
        Assert.Equal(new[] { 202, 202, 202, 202 }, runs);
    }

    [Theory]
    [MemberData(nameof(Pools))]
    public void RunsAfterTheWorkersFellAsleepStillComplete(string kind)
    {
        var total = 0;
        using var pool = Create(kind, 3, _ => Interlocked.Increment(ref total));
        pool.Run();

        // Long enough for every worker to stop spinning and block on its signal.
        Thread.Sleep(50);
        pool.Run();
        Assert.Equal(6, Volatile.Read(ref total));
    }
}
