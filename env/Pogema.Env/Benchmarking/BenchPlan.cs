namespace Pogema.Env.Benchmarking;

/// <summary>Which runs <c>pogema bench</c> measures for each configuration, and how often.</summary>
public sealed record BenchPlan
{
    /// <summary>What the vector env computes (presets), in report order.</summary>
    public IReadOnlyList<BenchVariant> Variants { get; init; } = BenchVariant.All;

    /// <summary>Whether the single environment (one <see cref="PogemaEnv"/>) is measured beside the vector env.</summary>
    public bool Baseline { get; init; } = true;

    /// <summary>Which all-core runs of the vector env are measured.</summary>
    public BenchScaling Scaling { get; init; } = BenchScaling.Both;

    /// <summary>
    /// The vector env setups of the all-core runs, in report order; each distinct store mode among them also gets
    /// its one-thread run and its independent-copies run.
    /// </summary>
    public IReadOnlyList<BenchSetup> Setups { get; init; } = [BenchSetup.Default];

    /// <summary>
    /// How many times every run of a configuration and preset is measured, the runs of one round following one
    /// another, so a machine whose speed drifts (a shared host, a clock that falls as cores heat) slows every kind of
    /// run alike. Each row reports the median round and the lowest and highest rate.
    /// </summary>
    public int Rounds { get; init; } = 1;

    /// <summary>
    /// Whether each all-core vector run is followed by a run of its own that records where its steps' time goes
    /// (<see cref="BenchRow.Timeline"/>): when the workers begin and end their share, against the step.
    /// </summary>
    public bool Timeline { get; init; }
}
