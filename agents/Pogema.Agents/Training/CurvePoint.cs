namespace Pogema.Agents.Training;

/// <summary>
/// One update's row of metrics.csv as the learning curve draws it: agent-steps so far, and the CSR, mean episode
/// return and average throughput of the episodes that ended in the update (NaN when none ended or the mode has no
/// such metric), and the policy entropy (every update has one).
/// </summary>
public readonly record struct CurvePoint(double Steps, double Csr, double Return, double Throughput, double Entropy);
