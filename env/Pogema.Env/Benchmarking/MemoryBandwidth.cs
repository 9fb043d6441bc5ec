using System.Diagnostics;

namespace Pogema.Env.Benchmarking;

/// <summary>
/// The machine's memory-copy bandwidth: bytes per second that large <see cref="Span{T}.CopyTo"/> calls move, on one
/// thread or on several at once (each copying its own part). Buffers are far larger than the caches, so this is
/// the limit that writing observations into one large buffer runs into.
/// </summary>
public static class MemoryBandwidth
{
    /// <summary>Copies <paramref name="bytes"/> (split over <paramref name="threads"/>) repeatedly for about <paramref name="duration"/>; returns bytes copied per second.</summary>
    public static double Measure(int threads, TimeSpan duration, int bytes = 128 << 20)
    {
        var source = new byte[bytes];
        var destination = new byte[bytes];
        source.AsSpan().Fill(1);
        destination.AsSpan().Fill(2);
        int part = bytes / threads;
        long[] copied = new long[threads];
        var stopwatch = Stopwatch.StartNew();
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int index = t;
            workers[t] = new Thread(() =>
            {
                Span<byte> from = source.AsSpan(index * part, part);
                Span<byte> to = destination.AsSpan(index * part, part);
                from.CopyTo(to);
                do
                {
                    from.CopyTo(to);
                    copied[index] += part;
                }
                while (stopwatch.Elapsed < duration);
            });
        }

        stopwatch.Restart();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        double seconds = stopwatch.Elapsed.TotalSeconds;
        return copied.Sum() / seconds;
    }
}
