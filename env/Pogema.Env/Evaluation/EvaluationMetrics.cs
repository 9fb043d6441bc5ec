namespace Pogema.Env.Evaluation;

/// <summary>Which metrics an evaluation reports, by mode, under POGEMA's names.</summary>
public static class EvaluationMetrics
{
    /// <summary>Every metric name, in file column order.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { "CSR", "ISR", "ep_length", "SoC", "makespan", "avg_throughput" };

    /// <summary>
    /// The metrics a table shows for a mode: lifelong (<c>restart</c>) the average throughput; one-shot MAPF
    /// (<c>nothing</c>) CSR, ISR, SoC and makespan; <c>finish</c> (the bottleneck) CSR, ISR and SoC.
    /// </summary>
    public static IReadOnlyList<string> ForMode(OnTarget mode) => mode switch
    {
        OnTarget.Restart => new[] { "avg_throughput" },
        OnTarget.Nothing => new[] { "CSR", "ISR", "SoC", "makespan" },
        _ => new[] { "CSR", "ISR", "SoC" },
    };
}
