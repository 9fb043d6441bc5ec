namespace Pogema.Env.Evaluation;

/// <summary>
/// One episode of an evaluation: a map, an agent count, a seed and the environment settings, plus the value it is
/// reported under on the x axis (the agent count, or the corridor length of a bottleneck map).
/// </summary>
public sealed record EvaluationEpisode
{
    /// <summary>The map's registry name.</summary>
    public required string MapName { get; init; }

    /// <summary>The map as a string map.</summary>
    public required string MapText { get; init; }

    /// <summary>Number of agents.</summary>
    public required int NumAgents { get; init; }

    /// <summary>The environment seed.</summary>
    public required long Seed { get; init; }

    /// <summary>Episode length limit.</summary>
    public required int MaxEpisodeSteps { get; init; }

    /// <summary>What happens at a goal.</summary>
    public required OnTarget OnTarget { get; init; }

    /// <summary>The collision system.</summary>
    public required CollisionSystem CollisionSystem { get; init; }

    /// <summary>Observation radius.</summary>
    public required int ObsRadius { get; init; }

    /// <summary>The name of the x axis: <c>num_agents</c> or <c>corridor_length</c>.</summary>
    public string XName { get; init; } = "num_agents";

    /// <summary>The value on the x axis.</summary>
    public required int X { get; init; }

    /// <summary>Explicit starts (the bottleneck task), or null for POGEMA's placement from the seed.</summary>
    public IReadOnlyList<GridPosition>? AgentsXy { get; init; }

    /// <summary>Explicit goals, with <see cref="AgentsXy"/>.</summary>
    public IReadOnlyList<GridPosition>? TargetsXy { get; init; }

    /// <summary>The environment configuration of this episode.</summary>
    public GridConfig ToConfig() => new()
    {
        Map = MapText,
        NumAgents = NumAgents,
        Seed = Seed,
        MaxEpisodeSteps = MaxEpisodeSteps,
        OnTarget = OnTarget,
        CollisionSystem = CollisionSystem,
        ObsRadius = ObsRadius,
        AgentsXy = AgentsXy,
        TargetsXy = TargetsXy,
    };
}
