namespace Pogema.Env.Recording;

/// <summary>
/// What a recording says about its episode before the first step: the configuration, the map, who acted and the
/// state after reset.
/// </summary>
public sealed class EpisodeHeader
{
    /// <summary>The grid configuration as a JSON object with POGEMA's snake_case field names.</summary>
    public required string ConfigJson { get; init; }

    /// <summary>The map's name in the registry, or empty when the map was given inline or generated.</summary>
    public string MapName { get; init; } = "";

    /// <summary>The unpadded map, one string per row, <c>#</c> obstacle and <c>.</c> free.</summary>
    public required IReadOnlyList<string> MapRows { get; init; }

    /// <summary>The name of the policy that chose the actions.</summary>
    public required string PolicyName { get; init; }

    /// <summary>The seed the environment was reset with, or null for fresh entropy.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Number of agents.</summary>
    public required int NumAgents { get; init; }

    /// <summary>Observation radius r (the field of view is (2r+1) x (2r+1)).</summary>
    public required int ObsRadius { get; init; }

    /// <summary>Episode length limit.</summary>
    public required int MaxEpisodeSteps { get; init; }

    /// <summary><c>finish</c>, <c>nothing</c> or <c>restart</c>.</summary>
    public required string OnTarget { get; init; }

    /// <summary><c>priority</c>, <c>block_both</c> or <c>soft</c>.</summary>
    public required string CollisionSystem { get; init; }

    /// <summary>Start cells after reset, <c>row, col</c> per agent.</summary>
    public required int[] Starts { get; init; }

    /// <summary>Targets after reset, <c>row, col</c> per agent.</summary>
    public required int[] Targets { get; init; }

    /// <summary>Map height in cells.</summary>
    public int Height => MapRows.Count;

    /// <summary>Map width in cells.</summary>
    public int Width => MapRows.Count == 0 ? 0 : MapRows[0].Length;

    /// <summary>True when the unpadded cell (row, col) is an obstacle.</summary>
    public bool IsObstacle(int row, int col) => MapRows[row][col] == '#';
}
