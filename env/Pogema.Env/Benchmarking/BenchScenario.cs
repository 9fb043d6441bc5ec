using Pogema.Env.Vector;

namespace Pogema.Env.Benchmarking;

/// <summary>
/// One standard speed configuration: what the vector env runs, how many environments it steps together, the single
/// environment that steps the same configuration as the side-by-side baseline, and POGEMA's measured speed if known.
/// </summary>
public sealed record BenchScenario
{
    /// <summary>Short name used on the command line and in reports (for example <c>random64</c>).</summary>
    public required string Name { get; init; }

    /// <summary>One line describing the configuration.</summary>
    public required string Description { get; init; }

    /// <summary>Environments stepped together (the same for single-thread and all-core runs).</summary>
    public required int NumEnvs { get; init; }

    /// <summary>The vector env options, without preset, workers and environment count (set per run).</summary>
    public required Func<VectorEnvOptions> Options { get; init; }

    /// <summary>A config for one <see cref="PogemaEnv"/> stepping the same configuration (the baseline).</summary>
    public required Func<GridConfig> SingleConfig { get; init; }

    /// <summary>POGEMA's agent-steps per second on a 2-core machine with random actions, when measured.</summary>
    public double? PogemaAgentStepsPerSecond { get; init; }
}
