namespace Pogema.Env;

/// <summary>
/// The metrics POGEMA reports when an episode ends; each mode sets its own fields and leaves the others null.
/// <c>finish</c>: <see cref="Isr"/>, <see cref="Csr"/>, <see cref="EpLength"/>. <c>nothing</c>: those plus
/// <see cref="SoC"/> and <see cref="Makespan"/>. <c>restart</c>: <see cref="AvgThroughput"/>.
/// </summary>
/// <param name="Csr">Cooperative success rate (<c>CSR</c>): 1 when every agent reached its goal, else 0.</param>
/// <param name="Isr">Individual success rate (<c>ISR</c>): fraction of agents that reached their goals.</param>
/// <param name="EpLength">Episode length (<c>ep_length</c>) as the mode defines it.</param>
/// <param name="SoC">Sum of costs (<c>SoC</c>), <c>nothing</c> mode.</param>
/// <param name="Makespan">Makespan (<c>makespan</c>), <c>nothing</c> mode.</param>
/// <param name="AvgThroughput">Arrivals per step (<c>avg_throughput</c>), <c>restart</c> mode.</param>
public readonly record struct EpisodeMetrics(
    double? Csr,
    double? Isr,
    double? EpLength,
    long? SoC,
    long? Makespan,
    double? AvgThroughput);
