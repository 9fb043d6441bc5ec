using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

public sealed class SliceClaimsTests
{
    [Fact]
    public void AWorkerTakesItsOwnSlicesFirstThenStealsEveryOtherSliceOnce()
    {
        var claims = new SliceClaims(workers: 3, slicesPerWorker: 4, stealing: true);
        for (int round = 0; round < 3; round++)
        {
            claims.BeginRun();
            long run = claims.Run;

            // Worker 2 claims one of its own; worker 1 then takes everything left, its own slices first.
            int scanTwo = 0;
            Assert.Equal(8, claims.Claim(2, run, ref scanTwo));
            var taken = new List<int>();
            int scan = 0;
            for (int s = claims.Claim(1, run, ref scan); s >= 0; s = claims.Claim(1, run, ref scan))
            {
                taken.Add(s);
            }

            Assert.Equal([4, 5, 6, 7, 9, 10, 11, 0, 1, 2, 3], taken);
            Assert.Equal(-1, claims.Claim(2, run, ref scanTwo));
        }
    }

    [Fact]
    public void WithoutStealingAWorkerTakesOnlyItsOwnSlices()
    {
        var claims = new SliceClaims(workers: 2, slicesPerWorker: 3, stealing: false);
        claims.BeginRun();
        var taken = new List<int>();
        int scan = 0;
        for (int s = claims.Claim(1, claims.Run, ref scan); s >= 0; s = claims.Claim(1, claims.Run, ref scan))
        {
            taken.Add(s);
        }

        Assert.Equal([3, 4, 5], taken);
    }

    [Fact]
    public void ConcurrentWorkersClaimEverySliceExactlyOncePerRun()
    {
        const int workers = 4;
        const int slicesPerWorker = 8;
        const int runs = 300;
        var claims = new SliceClaims(workers, slicesPerWorker, stealing: true);
        var counts = new int[workers * slicesPerWorker];
        using var pool = new WorkerPool(workers, w =>
        {
            long run = claims.Run;
            int scan = 0;
            for (int s = claims.Claim(w, run, ref scan); s >= 0; s = claims.Claim(w, run, ref scan))
            {
                Interlocked.Increment(ref counts[s]);
            }
        });

        for (int r = 0; r < runs; r++)
        {
            claims.BeginRun();
            pool.Run();
        }

        Assert.All(counts, c => Assert.Equal(runs, c));
    }

    [Fact]
    public void AClaimerLateForARunThatIsOverTakesNothing()
    {
        // A run begins only once every slice of the one before is done.
        var claims = new SliceClaims(workers: 2, slicesPerWorker: 2, stealing: true);
        claims.BeginRun();
        long stale = claims.Run;
        int done = 0;
        while (claims.Claim(1, stale, ref done) >= 0)
        {
        }

        claims.BeginRun();
        long current = claims.Run;
        int scan = 0;
        Assert.Equal(0, claims.Claim(0, current, ref scan));

        // A worker still holding the earlier run's stamp must not take, or restamp, the current run's slices.
        int staleScan = 0;
        Assert.Equal(-1, claims.Claim(0, stale, ref staleScan));
        var taken = new List<int>();
        for (int s = claims.Claim(0, current, ref scan); s >= 0; s = claims.Claim(0, current, ref scan))
        {
            taken.Add(s);
        }

        Assert.Equal([1, 2, 3], taken);
    }
}
