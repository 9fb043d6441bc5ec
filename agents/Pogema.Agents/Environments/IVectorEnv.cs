namespace Pogema.Agents.Environments;

/// <summary>
/// What training and acting need from a vectorized multi-agent environment: flat per-agent buffers that
/// <see cref="Reset"/> and <see cref="Step"/> overwrite, agents environment-major (agent a of environment e is row
/// e * AgentsPerEnv + a), automatic reset of finished environments, and a drain of finished episodes' metrics.
/// </summary>
public interface IVectorEnv : IDisposable
{
    /// <summary>Environments E.</summary>
    int NumEnvs { get; }

    /// <summary>Agents per environment A.</summary>
    int AgentsPerEnv { get; }

    /// <summary>All agents, E * A.</summary>
    int NumAgents { get; }

    /// <summary>Observation channels C.</summary>
    int ObservationChannels { get; }

    /// <summary>Observation side D = 2r + 1.</summary>
    int ObservationSize { get; }

    /// <summary>[E*A, C, D, D] observations, written by Reset and Step.</summary>
    float[] Observations { get; }

    /// <summary>[E*A] environment reward of the last step (1 on reaching a goal).</summary>
    float[] Rewards { get; }

    /// <summary>[E*A] the agent's episode ended on the last step (goal reached in finish mode).</summary>
    bool[] Terminated { get; }

    /// <summary>[E*A] the agent's episode was cut by the step limit on the last step.</summary>
    bool[] Truncated { get; }

    /// <summary>[E*A] the observation is the first of a new episode (after Reset or an automatic reset).</summary>
    bool[] EpisodeStarted { get; }

    /// <summary>[E*A] the agent stepped onto the next cell of its previous shortest path on the last step.</summary>
    bool[] MadePathProgress { get; }

    /// <summary>Starts new episodes in every environment.</summary>
    void Reset();

    /// <summary>Applies one action per agent (0 wait, 1 up, 2 down, 3 left, 4 right).</summary>
    void Step(ReadOnlySpan<int> actions);

    /// <summary>Appends the metrics of episodes that finished since the last drain; returns how many.</summary>
    int DrainEpisodes(List<EpisodeSummary> sink);
}
