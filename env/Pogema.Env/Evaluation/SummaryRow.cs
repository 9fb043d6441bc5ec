namespace Pogema.Env.Evaluation;

/// <summary>One cell of the comparison table: a policy's mean of one metric at one x value, with its 95% interval.</summary>
/// <param name="Policy">Policy name.</param>
/// <param name="XName"><c>num_agents</c> or <c>corridor_length</c>.</param>
/// <param name="X">The x value.</param>
/// <param name="Metric">POGEMA's metric name.</param>
/// <param name="Mean">Mean over episodes.</param>
/// <param name="CiLow">Lower end of the bootstrap 95% confidence interval.</param>
/// <param name="CiHigh">Upper end of the bootstrap 95% confidence interval.</param>
/// <param name="Episodes">Number of episodes averaged.</param>
public sealed record SummaryRow(string Policy, string XName, int X, string Metric, double Mean, double CiLow, double CiHigh, int Episodes);
