using Pogema.Env.Vector;

namespace Pogema.Env.Benchmarking;

/// <summary>One measured run of <c>pogema bench</c>.</summary>
public sealed record BenchRow
{
    /// <summary>The configuration's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The <see cref="BenchVariant"/> name (<c>pogema</c>, <c>pogema+distances</c>, <c>follower</c>).</summary>
    public required string Preset { get; init; }

    /// <summary><c>vector</c> (the vectorized env) or <c>single</c> (one <see cref="PogemaEnv"/>, the baseline).</summary>
    public required string Engine { get; init; }

    /// <summary>One thread, or all threads on the same environments or on threads x the environments.</summary>
    public BenchWorkload Workload { get; init; } = BenchWorkload.OneThread;

    /// <summary>
    /// The vector env's setup (observation stores, worker pool, spinning, pinning); null for the single environment.
    /// On one thread and for independent copies only its store mode matters (there are no helper threads).
    /// </summary>
    public BenchSetup? Setup { get; init; }

    /// <summary>
    /// Slices of environments per worker the vector env used (<see cref="BenchSetup.SlicesPerWorker"/> as far as its
    /// environments and agents allow); 1 for the single environment.
    /// </summary>
    public int SlicesPerWorker { get; init; } = 1;

    /// <summary>Rounds measured (<see cref="BenchPlan.Rounds"/>); the figures are the median round's.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>The lowest agent-steps per second over the rounds.</summary>
    public double AgentStepsPerSecondMin { get; init; }

    /// <summary>The highest agent-steps per second over the rounds.</summary>
    public double AgentStepsPerSecondMax { get; init; }

    /// <summary>Worker threads.</summary>
    public required int Threads { get; init; }

    /// <summary>Environments stepped together.</summary>
    public required int NumEnvs { get; init; }

    /// <summary>Agents stepped together (all environments).</summary>
    public required int NumAgents { get; init; }

    /// <summary>Agent-steps per second (agents x steps / seconds), resets included.</summary>
    public required double AgentStepsPerSecond { get; init; }

    /// <summary>Environment steps per second.</summary>
    public required double EnvStepsPerSecond { get; init; }

    /// <summary>Observation bytes written per second while stepping.</summary>
    public required double ObservationBytesPerSecond { get; init; }

    /// <summary>
    /// Bytes allocated (all threads) per step of the vector env while measuring: 0 when stepping and its resets
    /// allocate nothing, as they should; anything else is a regression.
    /// </summary>
    public double AllocatedBytesPerStep { get; init; }

    /// <summary>Garbage collections (any generation) while measuring; every one stops all workers.</summary>
    public int GarbageCollections { get; init; }

    /// <summary>Observation bytes per second when only observations are written (no stepping); null for the baseline.</summary>
    public double? ObservationWriteBytesPerSecond { get; init; }

    /// <summary>Agent-steps per second over POGEMA's, when POGEMA's speed for the configuration is known.</summary>
    public double? SpeedupOverPogema { get; init; }

    /// <summary>
    /// Agent-steps per second over the single-thread vector run of the same configuration, preset and store mode. With
    /// <see cref="BenchWorkload.SameWorkPerThread"/> the all-core run steps threads x as many agents, so this is
    /// the speed-up at equal work per thread.
    /// </summary>
    public double? ScalingOverOneThread { get; init; }

    /// <summary><see cref="ScalingOverOneThread"/> over the threads: 1 is perfect scaling (the target is 0.8).</summary>
    public double? ScalingPerThread { get; init; }

    /// <summary>
    /// The memory-copy bandwidth with the same thread count over <see cref="ObservationWriteBytesPerSecond"/>:
    /// how many times faster a plain copy of the same bytes would be (1 = at the bandwidth limit).
    /// </summary>
    public double? CopyBandwidthOverObservationWrite { get; init; }

    /// <summary>
    /// Where the time of this all-core run's steps went (<see cref="BenchPlan.Timeline"/>), timed in a run of its own
    /// right after the measured one; null when not asked for, and for one thread and the independent copies.
    /// </summary>
    public StepTimelineSummary? Timeline { get; init; }
}
