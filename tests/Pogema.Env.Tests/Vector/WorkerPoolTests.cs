using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

public sealed class WorkerPoolTests
{
    public static TheoryData<string> Pools => new() { "plain", "spin, pinned" };

    private static WorkerPool Create(string kind, int workers, Action<int> work) =>
        new(workers, work, kind == "plain" ? default : new WorkerPoolTuning(SpinMicroseconds: 50, PinThreads: true));

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
        var error = Assert.Throws<InvalidOperationException>(() => pool.Run());
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

    [Fact]
    public void PinnedHelpersEachRunOnOneOwnCpu()
    {
        int[] allowed = ThreadAffinity.AllowedCpus();
        if (!OperatingSystem.IsLinux())
        {
            Assert.Empty(allowed);
            return;
        }

        // Every CI and development machine of the project has at least two CPUs.
        Assert.True(allowed.Length >= 2, $"only {allowed.Length} CPU(s) allowed");
        int workers = allowed.Length;
        var seen = new int[workers][];
        using var pool = Create("spin, pinned", workers, w =>
        {
            if (w > 0)
            {
                seen[w] = ThreadAffinity.AllowedCpus();
            }
        });

        pool.Run();
        var helperCpus = new List<int>();
        for (int w = 1; w < workers; w++)
        {
            int cpu = Assert.Single(seen[w]);
            Assert.Contains(cpu, allowed);
            helperCpus.Add(cpu);
        }

        Assert.Equal(helperCpus.Count, helperCpus.Distinct().Count());
        Assert.Equal(allowed.Length - 1, helperCpus.Count);
    }

    [Fact]
    public void HelpersStayUnpinnedWhenThereAreMoreWorkersThanCpus()
    {
        int[] allowed = ThreadAffinity.AllowedCpus();
        int workers = allowed.Length + 1;
        var seen = new int[workers][];
        using var pool = new WorkerPool(workers, w => seen[w] = ThreadAffinity.AllowedCpus(), new WorkerPoolTuning(PinThreads: true));
        pool.Run();
        for (int w = 1; w < workers; w++)
        {
            Assert.Equal(allowed, seen[w]);
        }
    }
}
