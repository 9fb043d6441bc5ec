using Pogema.Env.Random;
using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

/// <summary>Measures allocated bytes, so it must not run beside tests that allocate on other threads.</summary>
[CollectionDefinition(nameof(AllocationCollection), DisableParallelization = true)]
public sealed class AllocationCollection
{
}

/// <summary>Stepping (auto-resets and drains included) allocates nothing once every map and distance field is warm.</summary>
[Collection(nameof(AllocationCollection))]
public sealed class VectorEnvAllocationTests
{
    [Theory]
    [InlineData("bottleneck", ObservationPreset.Follower)]
    [InlineData("bottleneck", ObservationPreset.Pogema)]
    [InlineData("random", ObservationPreset.Follower)]
    [InlineData("random", ObservationPreset.Pogema)]
    [InlineData("warehouse", ObservationPreset.Follower)]
    public void SingleThreadedSteppingAllocatesNothing(string scenario, ObservationPreset preset)
    {
        using var vec = new VectorEnv(VectorEnvWorkerTests.Options(scenario, preset, 1));
        var (actions, rng, sink) = WarmUp(vec);

        // The runtime's one-time work (tiered JIT promotion) can land on this thread once, at a time that depends on
        // the machine's load; an allocation per step shows in every window, so one clean window out of a few is required.
        long least = long.MaxValue;
        for (int attempt = 0; attempt < 5 && least != 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(vec, actions, rng, sink, 200);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, least);
    }

    [Theory]
    [InlineData("bottleneck", ObservationPreset.Follower, false)]
    [InlineData("warehouse", ObservationPreset.Follower, false)]
    [InlineData("random", ObservationPreset.Pogema, false)]
    [InlineData("bottleneck", ObservationPreset.Pogema, true)]
    [InlineData("warehouse", ObservationPreset.Follower, true)]
    public void MultiThreadedSteppingAllocatesNothing(string scenario, ObservationPreset preset, bool streamingTunedPoolAndStealing)
    {
        VectorEnvOptions options = VectorEnvWorkerTests.Options(scenario, preset, 3);
        if (streamingTunedPoolAndStealing)
        {
            options.StreamingObservationStores = true;
            options.PoolTuning = new WorkerPoolTuning(SpinMicroseconds: 20, PinThreads: true);
            options.SlicesPerWorker = 3;
            options.MinAgentsPerSlice = 1;
        }

        using var vec = new VectorEnv(options);
        var (actions, rng, sink) = WarmUp(vec);

        // Each slice counts what its thread allocates while stepping it: exact, whatever the rest of the process does,
        // except the runtime's one-time work (recompiling hot methods) on whichever thread runs a method; a stepping
        // leak shows in every window, so one clean window out of a few is required.
        long leastInSlices = long.MaxValue;
        for (int attempt = 0; attempt < 5 && leastInSlices != 0; attempt++)
        {
            long slicesBefore = vec.WorkerAllocatedBytes;
            Run(vec, actions, rng, sink, 200);
            leastInSlices = Math.Min(leastInSlices, vec.WorkerAllocatedBytes - slicesBefore);
        }

        Assert.Equal(0, leastInSlices);

        // The process-wide count also sees the runtime's and the test runner's threads (background JIT, other
        // tests finishing), which allocate now and then; a stepping leak shows in every window, so one clean
        // window out of a few is required.
        long least = long.MaxValue;
        for (int attempt = 0; attempt < 20 && least != 0; attempt++)
        {
            long before = GC.GetTotalAllocatedBytes(true);
            Run(vec, actions, rng, sink, 100);
            least = Math.Min(least, GC.GetTotalAllocatedBytes(true) - before);
        }

        Assert.Equal(0, least);
    }

    /// <summary>
    /// A map set of 24 maps of different sizes with 3-step episodes: about a third of the steps end an episode, and
    /// nearly every reset switches its slot to another map, which must reuse the slot's buffers rather than build anew.
    /// </summary>
    [Theory]
    [InlineData(ObservationPreset.Pogema, false, 1)]
    [InlineData(ObservationPreset.Pogema, true, 1)]
    [InlineData(ObservationPreset.Follower, false, 1)]
    [InlineData(ObservationPreset.Follower, true, 1)]
    [InlineData(ObservationPreset.Pogema, false, 3)]
    [InlineData(ObservationPreset.Pogema, true, 3)]
    [InlineData(ObservationPreset.Follower, false, 3)]
    [InlineData(ObservationPreset.Follower, true, 3)]
    public void MapSetResetsAllocateNothing(ObservationPreset preset, bool trackDistances, int workers)
    {
        VectorEnvOptions options = VectorEnvWorkerTests.Options("mapset", preset, workers);
        options.TrackDistances = trackDistances;
        using var vec = new VectorEnv(options);
        var (actions, rng, sink) = WarmUp(vec);

        long least = long.MaxValue;
        long leastInSlices = long.MaxValue;
        int episodes = 0;
        for (int attempt = 0; attempt < 5 && (least != 0 || leastInSlices != 0); attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            long slicesBefore = vec.WorkerAllocatedBytes;
            episodes += Run(vec, actions, rng, sink, 150);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            leastInSlices = Math.Min(leastInSlices, vec.WorkerAllocatedBytes - slicesBefore);
        }

        // Slices run on any worker's thread, the caller's included, where the runtime's one-time work (recompiling hot
        // methods) may allocate once; a step that allocates would show in every window, so one clean window of a few
        // is required of both counts.
        Assert.Equal(0, leastInSlices);
        Assert.Equal(0, least);
        Assert.True(episodes >= 40 * options.NumEnvs, $"only {episodes} episodes ended inside the measured steps");
    }

    private static (int[] Actions, NumpyRandom Rng, List<EpisodeMetrics> Sink) WarmUp(VectorEnv vec)
    {
        var actions = new int[vec.NumAgents];
        var rng = NumpyRandom.DefaultRng(1);
        var sink = new List<EpisodeMetrics>(4096);
        vec.Reset();
        Run(vec, actions, rng, sink, 300);
        return (actions, rng, sink);
    }

    /// <summary>Steps with random actions, draining every 10 steps; returns the episodes drained.</summary>
    private static int Run(VectorEnv vec, int[] actions, NumpyRandom rng, List<EpisodeMetrics> sink, int steps)
    {
        int drained = 0;
        for (int t = 0; t < steps; t++)
        {
            for (int i = 0; i < actions.Length; i++)
            {
                actions[i] = (int)rng.Integers(5);
            }

            vec.Step(actions);
            if (t % 10 == 0)
            {
                sink.Clear();
                drained += vec.DrainEpisodes(sink);
            }
        }

        return drained;
    }
}
