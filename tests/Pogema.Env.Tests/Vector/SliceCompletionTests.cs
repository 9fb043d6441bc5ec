using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

public sealed class SliceCompletionTests
{
    [Fact]
    public void TheCallerWaitsForEverySliceEvenAfterItFellAsleep()
    {
        using var completion = new SliceCompletion();
        for (int run = 0; run < 3; run++)
        {
            completion.Begin(slices: 4);
            int finished = 0;
            var workers = new Thread[4];
            for (int w = 0; w < workers.Length; w++)
            {
                int delay = w == 3 ? 60 : 0;
                workers[w] = new Thread(() =>
                {
                    // The last slice ends long after the caller has stopped spinning and blocked.
                    Thread.Sleep(delay);
                    Interlocked.Increment(ref finished);
                    completion.SliceDone();
                });
                workers[w].Start();
            }

            completion.Wait();
            Assert.Equal(4, Volatile.Read(ref finished));
            foreach (Thread worker in workers)
            {
                worker.Join();
            }
        }
    }

    [Fact]
    public void ASlicesExceptionReachesTheCallerOnce()
    {
        using var completion = new SliceCompletion();
        completion.Begin(slices: 2);
        completion.Fail(new InvalidOperationException("slice 1"));
        completion.Fail(new InvalidOperationException("slice 0"));
        completion.SliceDone();
        completion.SliceDone();
        var error = Assert.Throws<InvalidOperationException>(completion.Wait);
        Assert.Equal("slice 1", error.Message);

        completion.Begin(slices: 1);
        completion.SliceDone();
        completion.Wait();
    }
}
