namespace Pogema.Env.Evaluation;

/// <summary>How <see cref="EvaluationEngine"/> runs.</summary>
public sealed class EvaluationOptions
{
    /// <summary>Worker threads; results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>A folder to write one recording per episode to (under a subfolder per policy), or null.</summary>
    public string? RecordDirectory { get; init; }

    /// <summary>At most this many recordings per policy (the first episodes in plan order).</summary>
    public int RecordLimit { get; init; } = int.MaxValue;

    /// <summary>Called after every finished episode (from worker threads) with the number finished so far.</summary>
    public Action<int>? Progress { get; init; }
}
