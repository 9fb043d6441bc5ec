namespace Pogema.Agents.Environments;

/// <summary>Metrics of one finished episode of one environment, as POGEMA reports them.</summary>
public readonly record struct EpisodeSummary(
    int Length,
    double CooperativeSuccess,
    double IndividualSuccess,
    double SumOfCosts,
    double Makespan,
    double Throughput);
