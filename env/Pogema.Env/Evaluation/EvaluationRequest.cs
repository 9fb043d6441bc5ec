namespace Pogema.Env.Evaluation;

/// <summary>
/// What to evaluate on: a map selector and optional overrides of the selected set's benchmark protocol. Every null
/// field takes the protocol's value.
/// </summary>
public sealed class EvaluationRequest
{
    /// <summary>A map name, a set name (<c>mazes</c>, <c>bottleneck</c>, ...) or a regular expression over names.</summary>
    public required string Maps { get; init; }

    /// <summary>Lifelong (<c>restart</c>) when true, one-shot when false; null: lifelong if the set has a lifelong protocol.</summary>
    public bool? Lifelong { get; init; }

    /// <summary>Overrides the mode's <c>on_target</c>.</summary>
    public OnTarget? OnTarget { get; init; }

    /// <summary>Agent counts.</summary>
    public IReadOnlyList<int>? AgentCounts { get; init; }

    /// <summary>Environment seeds.</summary>
    public IReadOnlyList<long>? Seeds { get; init; }

    /// <summary>Episode length.</summary>
    public int? MaxEpisodeSteps { get; init; }

    /// <summary>Collision system.</summary>
    public CollisionSystem? CollisionSystem { get; init; }

    /// <summary>Observation radius.</summary>
    public int? ObsRadius { get; init; }

    /// <summary>Use only the first this many selected maps (a quick look).</summary>
    public int? MaxMaps { get; init; }

    /// <summary>Keep only the selected bottleneck maps with these corridor lengths (null: every selected map).</summary>
    public IReadOnlyList<int>? CorridorLengths { get; init; }
}
