namespace Pogema.Agents.Configuration;

/// <summary>The training environment: task generator, grid rules, observation, and how many environments run at once.</summary>
public sealed class EnvOptions
{
    /// <summary>Task generator: <c>bottleneck</c> (SRMT's two-room corridor, a length drawn per episode) or <c>mazes</c> (training mazes of the POGEMA benchmark).</summary>
    public string Task { get; set; } = "bottleneck";

    /// <summary>Parallel environments E.</summary>
    public int NumEnvs { get; set; } = 16384;

    /// <summary>Agents per environment A.</summary>
    public int NumAgents { get; set; } = 2;

    /// <summary>Bottleneck corridor lengths, one drawn uniformly per episode.</summary>
    public int[] CorridorLengths { get; set; } = { 3, 4, 5, 6, 7, 8, 12, 16, 17, 18, 20, 21, 22, 23, 24, 27 };

    /// <summary>Side of the generated maze maps.</summary>
    public int MapSize { get; set; } = 65;

    /// <summary>Observation radius r (window 2r+1).</summary>
    public int ObsRadius { get; set; } = 2;

    /// <summary>Observation preset: <c>follower</c> (obstacles with own path, agents, others' goals) or <c>pogema</c> (POGEMA's default).</summary>
    public string Observation { get; set; } = "follower";

    /// <summary>POGEMA on_target: finish, nothing or restart.</summary>
    public string OnTarget { get; set; } = "finish";

    /// <summary>POGEMA collision system: block_both, priority or soft.</summary>
    public string CollisionSystem { get; set; } = "block_both";

    /// <summary>Episode length limit.</summary>
    public int MaxEpisodeSteps { get; set; } = 512;

    /// <summary>Worker threads stepping the environments (0: one per core).</summary>
    public int WorkerThreads { get; set; }
}
