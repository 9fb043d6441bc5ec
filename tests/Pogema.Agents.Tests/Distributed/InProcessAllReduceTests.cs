using Pogema.Agents.Distributed;
using TorchSharp;

namespace Pogema.Agents.Tests.Distributed;

public sealed class InProcessAllReduceTests
{
    [Fact]
    public void AllReduceMeanGivesEveryWorkerTheElementwiseMean()
    {
        float[][] inputs = [[1f, 2f, 3f, -4f], [3f, 4f, 8f, 4f], [5f, 0f, 1f, 6f]];
        var results = RunWorkers(3, worker =>
        {
            using var buffer = torch.tensor(inputs[worker.Rank]);
            worker.AllReduceMean(buffer);
            return buffer.data<float>().ToArray();
        });

        foreach (var result in results)
        {
            Assert.Equal([3f, 2f, 4f, 2f], result);
        }
    }

    [Fact]
    public void BroadcastCopiesTheRootsValuesToEveryone()
    {
        var results = RunWorkers(3, worker =>
        {
            using var buffer = torch.full(4, worker.Rank + 10f);
            worker.Broadcast(buffer, root: 1);
            return buffer.data<float>().ToArray();
        });

        foreach (var result in results)
        {
            Assert.Equal([11f, 11f, 11f, 11f], result);
        }
    }

    [Fact]
    public void RepeatedCollectivesStayInStep()
    {
        var results = RunWorkers(2, worker =>
        {
            var sums = new float[5];
            for (var round = 0; round < 5; round++)
            {
                using var buffer = torch.full(3, (float)(round * 10 + worker.Rank * 2));
                worker.AllReduceMean(buffer);
                sums[round] = buffer.data<float>()[0];
            }

            return sums;
        });

        Assert.Equal([1f, 11f, 21f, 31f, 41f], results[0]);
        Assert.Equal(results[0], results[1]);
    }

    [Fact]
    public void AWorkerThatNeverComesTimesOut()
    {
        using var group = new InProcessAllReduceGroup(2, TimeSpan.FromMilliseconds(50));
        using var buffer = torch.ones(2);
        var ex = Assert.Throws<TimeoutException>(() => group.Worker(0).AllReduceMean(buffer));
        Assert.Contains("rank 0", ex.Message);
    }

    [Fact]
    public void NonContiguousBuffersAreRejected()
    {
        using var group = new InProcessAllReduceGroup(1);
        using var matrix = torch.ones(3, 4);
        using var transposed = matrix.t();
        Assert.Throws<ArgumentException>(() => group.Worker(0).AllReduceMean(transposed));
    }

    internal static T[] RunWorkers<T>(int worldSize, Func<IGradientAllReduce, T> body)
    {
        using var group = new InProcessAllReduceGroup(worldSize, TimeSpan.FromSeconds(30));
        var results = new T[worldSize];
        var threads = new Thread[worldSize];
        var errors = new Exception?[worldSize];
        for (var rank = 0; rank < worldSize; rank++)
        {
            var r = rank;
            threads[r] = new Thread(() =>
            {
                try
                {
                    results[r] = body(group.Worker(r));
                }
                catch (Exception ex)
                {
                    errors[r] = ex;
                }
            });
            threads[r].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        foreach (var error in errors)
        {
            if (error is not null)
            {
                throw new AggregateException(error);
            }
        }

        return results;
    }
}
