namespace Pogema.Env.Evaluation;

/// <summary>What one policy achieved on one episode.</summary>
public sealed record EpisodeResult
{
    /// <summary>The policy's name.</summary>
    public required string Policy { get; init; }

    /// <summary>The episode.</summary>
    public required EvaluationEpisode Episode { get; init; }

    /// <summary>Steps taken until the episode ended.</summary>
    public required int Steps { get; init; }

    /// <summary>The environment's metrics of the ended episode.</summary>
    public required EpisodeMetrics Metrics { get; init; }

    /// <summary>
    /// Sum of costs. In <c>nothing</c> mode POGEMA's <c>SoC</c>; in <c>finish</c> mode the true sum over agents of
    /// (step of arrival, or the last step) + 1, which is <c>ep_length</c> x agents (POGEMA reports no SoC there).
    /// </summary>
    public double? SumOfCosts => Metrics.SoC is { } soc
        ? soc
        : Episode.OnTarget == OnTarget.Finish && Metrics.EpLength is { } epLength
            ? Math.Round(epLength * Episode.NumAgents)
            : null;

    /// <summary>The value of a metric by its POGEMA name, or null when the mode does not define it.</summary>
    public double? Get(string metric) => metric switch
    {
        "CSR" => Metrics.Csr,
        "ISR" => Metrics.Isr,
        "ep_length" => Metrics.EpLength,
        "SoC" => SumOfCosts,
        "makespan" => Metrics.Makespan,
        "avg_throughput" => Metrics.AvgThroughput,
        _ => null,
    };
}
