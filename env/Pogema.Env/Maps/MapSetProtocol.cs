namespace Pogema.Env.Maps;

/// <summary>
/// How a map set is evaluated: agent counts, seeds, episode lengths for one-shot MAPF and lifelong MAPF, collision
/// system and observation radius, as in the POGEMA benchmark (or, for the bottleneck, the SRMT paper).
/// </summary>
public sealed record MapSetProtocol
{
    /// <summary>Agent counts evaluated on every map.</summary>
    public required IReadOnlyList<int> AgentCounts { get; init; }

    /// <summary>Seeds evaluated for every map and agent count.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>Episode length of one-shot MAPF, or null when the set is not evaluated that way.</summary>
    public int? MapfMaxEpisodeSteps { get; init; }

    /// <summary>Episode length of lifelong MAPF (<c>on_target = restart</c>), or null when not evaluated that way.</summary>
    public int? LmapfMaxEpisodeSteps { get; init; }

    /// <summary>POGEMA's <c>on_target</c> for one-shot MAPF: <c>nothing</c> on the benchmark, <c>finish</c> on the bottleneck.</summary>
    public string MapfOnTarget { get; init; } = "nothing";

    /// <summary>POGEMA's <c>on_target</c> for lifelong MAPF.</summary>
    public string LmapfOnTarget { get; init; } = "restart";

    /// <summary>POGEMA's <c>collision_system</c>.</summary>
    public string CollisionSystem { get; init; } = "soft";

    /// <summary>POGEMA's <c>obs_radius</c>.</summary>
    public int ObsRadius { get; init; } = 5;

    /// <summary>
    /// The episode length for <paramref name="map"/>: the map's own length when it has one (bottleneck test maps),
    /// otherwise the set's length for the chosen mode.
    /// </summary>
    /// <exception cref="PogemaInputException">The set is not evaluated in that mode.</exception>
    public int MaxEpisodeSteps(NamedMap map, bool lifelong)
    {
        if (!lifelong && map.MaxEpisodeSteps is { } own)
        {
            return own;
        }

        var steps = lifelong ? LmapfMaxEpisodeSteps : MapfMaxEpisodeSteps;
        return steps ?? throw new PogemaInputException(
            $"map '{map.Name}': its set has no {(lifelong ? "lifelong (restart)" : "one-shot MAPF")} protocol");
    }

    /// <summary>The benchmark's random set: 8..64 agents, seed 0, 128 / 256 steps.</summary>
    public static MapSetProtocol Random { get; } = new()
    {
        AgentCounts = [8, 16, 24, 32, 48, 64],
        Seeds = [0],
        MapfMaxEpisodeSteps = 128,
        LmapfMaxEpisodeSteps = 256,
    };

    /// <summary>The benchmark's mazes set: 8..64 agents, seed 0, 128 / 128 steps.</summary>
    public static MapSetProtocol Mazes { get; } = new()
    {
        AgentCounts = [8, 16, 24, 32, 48, 64],
        Seeds = [0],
        MapfMaxEpisodeSteps = 128,
        LmapfMaxEpisodeSteps = 128,
    };

    /// <summary>The benchmark's warehouse set: 32..192 agents, seeds 0..127, 128 / 256 steps.</summary>
    public static MapSetProtocol Warehouse { get; } = new()
    {
        AgentCounts = [32, 64, 96, 128, 160, 192],
        Seeds = Range(0, 128),
        MapfMaxEpisodeSteps = 128,
        LmapfMaxEpisodeSteps = 256,
    };

    /// <summary>The benchmark's MovingAI crops (imported by the user): 64..256 agents, seed 0, 256 / 256 steps.</summary>
    public static MapSetProtocol MovingAi { get; } = new()
    {
        AgentCounts = [64, 128, 192, 256],
        Seeds = [0],
        MapfMaxEpisodeSteps = 256,
        LmapfMaxEpisodeSteps = 256,
    };

    /// <summary>The benchmark's puzzles (imported by the user): 2..4 agents, seeds 0..9, 128 / 256 steps.</summary>
    public static MapSetProtocol Puzzles { get; } = new()
    {
        AgentCounts = [2, 3, 4],
        Seeds = Range(0, 10),
        MapfMaxEpisodeSteps = 128,
        LmapfMaxEpisodeSteps = 256,
    };

    /// <summary>
    /// The SRMT bottleneck test: 2 agents, seeds 0..9, <c>finish</c>, <c>block_both</c>, radius 2, and 2L + 100 steps
    /// (carried by each map).
    /// </summary>
    public static MapSetProtocol Bottleneck { get; } = new()
    {
        AgentCounts = [2],
        Seeds = Range(0, 10),
        MapfOnTarget = "finish",
        CollisionSystem = "block_both",
        ObsRadius = 2,
    };

    /// <summary>SRMT bottleneck training: 2 agents, <c>finish</c>, <c>block_both</c>, radius 2, 512 steps.</summary>
    public static MapSetProtocol BottleneckTraining { get; } = Bottleneck with { Seeds = [0], MapfMaxEpisodeSteps = 512 };

    /// <summary>Lifelong training on large mazes as in SRMT/Follower: 64 agents, restart, soft, radius 5, 512 steps.</summary>
    public static MapSetProtocol TrainingMazes { get; } = new()
    {
        AgentCounts = [64],
        Seeds = [0],
        LmapfMaxEpisodeSteps = 512,
    };

    /// <summary>Maps a user adds from files, without a benchmark protocol: POGEMA's defaults of the benchmark.</summary>
    public static MapSetProtocol User { get; } = new()
    {
        AgentCounts = [8],
        Seeds = [0],
        MapfMaxEpisodeSteps = 128,
        LmapfMaxEpisodeSteps = 256,
    };

    private static int[] Range(int first, int count)
    {
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = first + i;
        }

        return values;
    }
}
