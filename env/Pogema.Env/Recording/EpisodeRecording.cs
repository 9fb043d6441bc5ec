namespace Pogema.Env.Recording;

/// <summary>A complete recorded episode as read back from a file.</summary>
public sealed class EpisodeRecording
{
    /// <summary>The header: config, map, policy, seed, state after reset.</summary>
    public required EpisodeHeader Header { get; init; }

    /// <summary>The steps in order.</summary>
    public required IReadOnlyList<EpisodeStepRecord> Steps { get; init; }

    /// <summary>
    /// The metrics of the ended episode under POGEMA's key names (<c>CSR</c>, <c>ISR</c>, <c>ep_length</c>, <c>SoC</c>,
    /// <c>makespan</c>, <c>avg_throughput</c>), or null when recording stopped before the episode ended.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, double>>? Metrics { get; init; }

    /// <summary>Agent positions at step t, where t = 0 is the state after reset and t = k the state after step k.</summary>
    public ReadOnlySpan<int> PositionsAt(int t) => t == 0 ? Header.Starts : Steps[t - 1].Positions;

    /// <summary>Targets at step t (t = 0 after reset).</summary>
    public ReadOnlySpan<int> TargetsAt(int t) => t == 0 ? Header.Targets : Steps[t - 1].Targets;

    /// <summary>Whether agent i is on the grid at step t (t = 0 after reset, when every agent is).</summary>
    public bool IsActiveAt(int t, int agent) => t == 0 || Steps[t - 1].Active[agent];
}
