using System.Globalization;

namespace Pogema.Env;

/// <summary>
/// The configuration of a POGEMA task, with POGEMA's field names (snake_case in files), defaults and ranges.
/// A config names a map (random, string, 0/1 matrix or registered name), the agents and how they are placed,
/// and the rules of the episode. <see cref="Validate"/> rejects bad values with one line naming the field.
/// </summary>
public sealed class GridConfig
{
    /// <summary>Largest <c>num_agents</c> POGEMA accepts.</summary>
    public const int MaxNumAgents = 10_000_000;

    /// <summary>Largest <c>size</c>, <c>width</c> or <c>height</c> POGEMA accepts.</summary>
    public const int MaxSize = 8_388_608;

    /// <summary>Largest <c>obs_radius</c> POGEMA accepts.</summary>
    public const int MaxObsRadius = 128;

    /// <summary>Largest padded grid this implementation allocates (cells), so indices stay in <see cref="int"/>.</summary>
    public const long MaxPaddedCells = 1L << 30;

    /// <summary>
    /// Resolves <see cref="MapName"/> to a string map; returns null when the name is unknown. Set once at start-up
    /// by the map registry; null means no registry is available.
    /// </summary>
    public static Func<string, string?>? MapResolver { get; set; }

    /// <summary><c>num_agents</c>: number of agents (1..10,000,000); ignored when explicit positions or letters give them.</summary>
    public int NumAgents { get; set; } = 1;

    /// <summary><c>size</c>: side of a random square map (2..8,388,608).</summary>
    public int Size { get; set; } = 8;

    /// <summary><c>width</c>: columns of a random map; given together with <see cref="Height"/>.</summary>
    public int? Width { get; set; }

    /// <summary><c>height</c>: rows of a random map; given together with <see cref="Width"/>.</summary>
    public int? Height { get; set; }

    /// <summary><c>density</c>: obstacle probability of a random map (0..1).</summary>
    public double Density { get; set; } = 0.3;

    /// <summary><c>seed</c>: 0 &lt;= seed &lt; 2^63 - 1; null draws a fresh seed on every reset.</summary>
    public long? Seed { get; set; }

    /// <summary><c>obs_radius</c>: observation radius r (1..128); windows are (2r+1) x (2r+1).</summary>
    public int ObsRadius { get; set; } = 5;

    /// <summary><c>max_episode_steps</c>: steps after which every agent is truncated (at least 1).</summary>
    public int MaxEpisodeSteps { get; set; } = 64;

    /// <summary><c>collision_system</c>: <c>priority</c>, <c>block_both</c> or <c>soft</c>.</summary>
    public CollisionSystem CollisionSystem { get; set; } = CollisionSystem.Priority;

    /// <summary><c>on_target</c>: <c>finish</c>, <c>nothing</c> or <c>restart</c>.</summary>
    public OnTarget OnTarget { get; set; } = OnTarget.Finish;

    /// <summary><c>observation_type</c>: <c>default</c>, <c>POMAPF</c> or <c>MAPF</c>.</summary>
    public ObservationType ObservationType { get; set; } = ObservationType.Default;

    /// <summary><c>map</c> given as a string map (<c>. # @ $ !</c> and letters).</summary>
    public string? Map { get; set; }

    /// <summary><c>map</c> given as a 0/1 matrix (1 = obstacle), rows of equal length.</summary>
    public int[][]? MapMatrix { get; set; }

    /// <summary><c>map_name</c>: a map of the registry, resolved through <see cref="MapResolver"/>.</summary>
    public string? MapName { get; set; }

    /// <summary><c>agents_xy</c>: explicit starts as [row, col]; given together with <see cref="TargetsXy"/>.</summary>
    public IReadOnlyList<GridPosition>? AgentsXy { get; set; }

    /// <summary><c>targets_xy</c>: explicit goals as [row, col], one per start.</summary>
    public IReadOnlyList<GridPosition>? TargetsXy { get; set; }

    /// <summary><c>possible_agents_xy</c>: pool of cells the starts are drawn from.</summary>
    public IReadOnlyList<GridPosition>? PossibleAgentsXy { get; set; }

    /// <summary><c>possible_targets_xy</c>: pool of cells the goals (and lifelong goals) are drawn from.</summary>
    public IReadOnlyList<GridPosition>? PossibleTargetsXy { get; set; }

    /// <summary>A copy whose lists and matrix may be changed without touching this one.</summary>
    public GridConfig Clone()
    {
        var copy = (GridConfig)MemberwiseClone();
        copy.MapMatrix = MapMatrix?.Select(row => (int[])row.Clone()).ToArray();
        copy.AgentsXy = AgentsXy?.ToArray();
        copy.TargetsXy = TargetsXy?.ToArray();
        copy.PossibleAgentsXy = PossibleAgentsXy?.ToArray();
        copy.PossibleTargetsXy = PossibleTargetsXy?.ToArray();
        return copy;
    }

    /// <summary>Reads a config from a JSON object of snake_case fields; unknown keys are errors.</summary>
    public static GridConfig FromJson(string json, string source) => GridConfigJson.Parse(json, source);

    /// <summary>Reads a JSON config file.</summary>
    public static GridConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PogemaInputException($"{path}: cannot read the config: {ex.Message}", ex);
        }

        return FromJson(text, path);
    }

    /// <summary>
    /// Checks every field and the map, explicit positions and pools together; throws
    /// <see cref="PogemaInputException"/> naming <paramref name="source"/>, the field, the value and what is allowed.
    /// </summary>
    public void Validate(string source = "config") => TaskLayout.Build(this, source);

    internal static string Describe(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
