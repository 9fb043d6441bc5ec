namespace Pogema.Agents.Training;

/// <summary>What one PPO update reports: progress, speed, episode outcomes and the losses practitioners watch.</summary>
public sealed record UpdateMetrics
{
    /// <summary>1-based index of the update.</summary>
    public long Update { get; init; }

    /// <summary>Agent-steps collected so far (one agent acting once is one step).</summary>
    public long EnvSteps { get; init; }

    /// <summary>Agent-steps per second of this update, rollout and learning together.</summary>
    public double StepsPerSecond { get; init; }

    /// <summary>Seconds of this update spent stepping the environment (inside the rollout).</summary>
    public double EnvSeconds { get; init; }

    /// <summary>Seconds of this update spent in the network (rollout inference and learning).</summary>
    public double NetworkSeconds { get; init; }

    /// <summary>Per-agent episodes finished during this update.</summary>
    public int AgentEpisodes { get; init; }

    /// <summary>Mean training return of those agent episodes (NaN when none finished).</summary>
    public double EpisodeReturn { get; init; } = double.NaN;

    /// <summary>Environment episodes finished during this update.</summary>
    public int Episodes { get; init; }

    /// <summary>Mean cooperative success rate of those episodes (NaN when none).</summary>
    public double Csr { get; init; } = double.NaN;

    /// <summary>Mean individual success rate of those episodes (NaN when none).</summary>
    public double Isr { get; init; } = double.NaN;

    /// <summary>Mean throughput (lifelong) of those episodes (NaN when none).</summary>
    public double Throughput { get; init; } = double.NaN;

    public double PolicyLoss { get; init; }

    public double ValueLoss { get; init; }

    public double Entropy { get; init; }

    public double ApproxKl { get; init; }

    public double ClipFraction { get; init; }

    public double ExplainedVariance { get; init; }

    /// <summary>Learning rate used by this update.</summary>
    public double LearningRate { get; init; }
}
