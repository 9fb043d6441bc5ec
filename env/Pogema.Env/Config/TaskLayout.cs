namespace Pogema.Env;

/// <summary>
/// A validated config resolved into what a reset needs: map size, the static map (or none for random maps),
/// the agent count and where starts and goals come from. Built once per environment, or once per map of a vector
/// env's scenario and shared by all its environments; never modified after it is built.
/// </summary>
internal sealed class TaskLayout
{
    private TaskLayout(GridConfig config, string source)
    {
        Config = config;
        Source = source;
    }

    public GridConfig Config { get; }

    public string Source { get; }

    public int Height { get; private set; }

    public int Width { get; private set; }

    public int NumAgents { get; private set; }

    public int ObsRadius => Config.ObsRadius;

    public int PaddedHeight => Height + (2 * ObsRadius);

    public int PaddedWidth => Width + (2 * ObsRadius);

    /// <summary>The static map, or null when every reset draws a random one.</summary>
    public GridMap? Map { get; private set; }

    /// <summary>
    /// The static map's padded obstacle grid (<see cref="PogemaEnv.BuildPaddedGrid"/>), shared read-only by every
    /// environment on the map; null for random maps.
    /// </summary>
    public byte[]? PaddedObstacles { get; private set; }

    public PlacementKind Placement { get; private set; }

    public GridPosition[] ExplicitStarts { get; private set; } = [];

    public GridPosition[] ExplicitGoals { get; private set; } = [];

    public GridPosition[] PoolStarts { get; private set; } = [];

    public GridPosition[] PoolGoals { get; private set; } = [];

    /// <summary>The goal pool that lifelong goals are drawn from (POGEMA: <c>possible_targets_xy</c> is set); else null.</summary>
    public GridPosition[]? LifelongGoalPool { get; private set; }

    public static TaskLayout Build(GridConfig config, string source)
    {
        ArgumentNullException.ThrowIfNull(config);
        var layout = new TaskLayout(config, source);
        layout.ValidateScalars();
        layout.ResolveMapAndAgents();
        if (layout.Map is { } map)
        {
            layout.PaddedObstacles = new byte[layout.PaddedHeight * layout.PaddedWidth];
            PogemaEnv.BuildPaddedGrid(map.Obstacles, layout.Height, layout.Width, layout.ObsRadius, layout.PaddedObstacles);
        }

        return layout;
    }

    private void Fail(string field, string problem) => throw new PogemaInputException($"{Source}: {field}: {problem}");

    private void ValidateScalars()
    {
        GridConfig c = Config;
        if (c.NumAgents is < 1 or > GridConfig.MaxNumAgents)
        {
            Fail("num_agents", $"{c.NumAgents} is out of range; allowed 1..{GridConfig.MaxNumAgents}");
        }

        if (c.Size is < 2 or > GridConfig.MaxSize)
        {
            Fail("size", $"{c.Size} is out of range; allowed 2..{GridConfig.MaxSize}");
        }

        if (c.Width.HasValue != c.Height.HasValue)
        {
            Fail(c.Width.HasValue ? "height" : "width", "missing; width and height are given together");
        }

        if (c.Width is < 1 or > GridConfig.MaxSize)
        {
            Fail("width", $"{c.Width} is out of range; allowed 1..{GridConfig.MaxSize}");
        }

        if (c.Height is < 1 or > GridConfig.MaxSize)
        {
            Fail("height", $"{c.Height} is out of range; allowed 1..{GridConfig.MaxSize}");
        }

        if (!(c.Density >= 0.0 && c.Density <= 1.0))
        {
            Fail("density", $"{GridConfig.Describe(c.Density)} is out of range; allowed 0..1");
        }

        if (c.Seed is < 0 or long.MaxValue)
        {
            Fail("seed", $"{c.Seed} is out of range; allowed 0 <= seed < {long.MaxValue}, or null");
        }

        if (c.ObsRadius is < 1 or > GridConfig.MaxObsRadius)
        {
            Fail("obs_radius", $"{c.ObsRadius} is out of range; allowed 1..{GridConfig.MaxObsRadius}");
        }

        if (c.MaxEpisodeSteps < 1)
        {
            Fail("max_episode_steps", $"{c.MaxEpisodeSteps} is out of range; allowed 1 or more");
        }

        if (!Enum.IsDefined(c.CollisionSystem))
        {
            Fail("collision_system", $"{c.CollisionSystem} is not allowed; use priority, block_both or soft");
        }

        if (!Enum.IsDefined(c.OnTarget))
        {
            Fail("on_target", $"{c.OnTarget} is not allowed; use finish, nothing or restart");
        }

        if (!Enum.IsDefined(c.ObservationType))
        {
            Fail("observation_type", $"{c.ObservationType} is not allowed; use default, POMAPF or MAPF");
        }
    }

    private void ResolveMapAndAgents()
    {
        GridConfig c = Config;
        int mapSources = (c.Map is null ? 0 : 1) + (c.MapMatrix is null ? 0 : 1) + (c.MapName is null ? 0 : 1);
        if (mapSources > 1)
        {
            Fail("map", "give only one of a string map, a 0/1 matrix or map_name");
        }

        if (c.Map is not null)
        {
            Map = GridMap.Parse(c.Map, $"{Source}: map");
        }
        else if (c.MapMatrix is not null)
        {
            Map = GridMap.FromMatrix(c.MapMatrix, $"{Source}: map");
        }
        else if (c.MapName is not null)
        {
            Func<string, string?>? resolver = GridConfig.MapResolver;
            string? text;
            try
            {
                text = resolver?.Invoke(c.MapName);
            }
            catch (PogemaInputException ex)
            {
                // The resolver knows the map file, not the config that named it.
                throw new PogemaInputException($"{Source}: map_name: {ex.Message}", ex);
            }

            if (text is null)
            {
                Fail("map_name", $"unknown map '{c.MapName}'" + (resolver is null ? "; no map registry is loaded" : "; see `pogema maps` for the names"));
            }

            Map = GridMap.Parse(text!, $"{Source}: map_name '{c.MapName}'");
        }

        if (Map is not null)
        {
            Height = Map.Height;
            Width = Map.Width;
        }
        else if (c.Width.HasValue)
        {
            Height = c.Height!.Value;
            Width = c.Width.Value;
        }
        else
        {
            Height = c.Size;
            Width = c.Size;
        }

        long paddedCells = (long)(Height + (2L * c.ObsRadius)) * (Width + (2L * c.ObsRadius));
        if (paddedCells > GridConfig.MaxPaddedCells)
        {
            string field = c.Map is not null || c.MapMatrix is not null ? "map" : c.MapName is not null ? "map_name" : c.Width.HasValue ? "width" : "size";
            Fail(field, $"a {Height} x {Width} map with obs_radius {c.ObsRadius} has {paddedCells} padded cells ((height + 2 obs_radius) x (width + 2 obs_radius)); at most {GridConfig.MaxPaddedCells} are accepted");
        }

        IReadOnlyList<GridPosition>? agents = c.AgentsXy;
        IReadOnlyList<GridPosition>? targets = c.TargetsXy;
        IReadOnlyList<GridPosition>? possibleAgents = c.PossibleAgentsXy;
        IReadOnlyList<GridPosition>? possibleTargets = c.PossibleTargetsXy;
        if ((agents is null) != (targets is null))
        {
            Fail(agents is null ? "agents_xy" : "targets_xy", "missing; agents_xy and targets_xy are given together");
        }

        if (Map is not null && Map.LetterStarts.Count > 0)
        {
            if (agents is not null)
            {
                Fail("agents_xy", "the map already places agents with letters; give agents either in the map or in agents_xy/targets_xy");
            }

            agents = Map.LetterStarts;
            targets = Map.LetterGoals;
        }
        else if (Map?.PossibleStarts is { Count: > 0 } mapStarts && Map.PossibleGoals is { Count: > 0 } mapGoals && agents is null)
        {
            // As POGEMA: the map's pools replace pools given in the config.
            possibleAgents = mapStarts;
            possibleTargets = mapGoals;
        }

        if (agents is not null)
        {
            if (agents.Count == 0)
            {
                Fail("agents_xy", "is empty; give at least one [row, col]");
            }

            if (agents.Count != targets!.Count)
            {
                Fail("targets_xy", $"has {targets.Count} positions but agents_xy has {agents.Count}; give one goal per agent");
            }

            if (agents.Count > GridConfig.MaxNumAgents)
            {
                Fail("agents_xy", $"{agents.Count} agents is too many; allowed 1..{GridConfig.MaxNumAgents}");
            }

            CheckInside("agents_xy", agents);
            CheckInside("targets_xy", targets);
            CheckDistinct("agents_xy", agents);
            ExplicitStarts = agents.ToArray();
            ExplicitGoals = targets.ToArray();
            NumAgents = ExplicitStarts.Length;
            Placement = PlacementKind.Explicit;
        }
        else
        {
            NumAgents = c.NumAgents;
            Placement = PlacementKind.Random;
        }

        long window = (2L * c.ObsRadius) + 1;
        long observationFloats = NumAgents * 3 * window * window;
        if (observationFloats > GridConfig.MaxObservationFloats)
        {
            Fail(
                Placement == PlacementKind.Explicit ? (c.AgentsXy is null ? "map" : "agents_xy") : "num_agents",
                $"{NumAgents} agents with obs_radius {c.ObsRadius} need {observationFloats} observation floats (agents x 3 x (2 obs_radius + 1)^2); at most {GridConfig.MaxObservationFloats} are accepted: use fewer agents or a smaller obs_radius");
        }

        if (possibleAgents is not null)
        {
            CheckInside("possible_agents_xy", possibleAgents);
            CheckDistinct("possible_agents_xy", possibleAgents);
        }

        if (possibleTargets is not null)
        {
            CheckInside("possible_targets_xy", possibleTargets);
        }

        if (Placement == PlacementKind.Random && possibleAgents is { Count: > 0 } && possibleTargets is { Count: > 0 })
        {
            if (possibleAgents.Count < NumAgents || possibleTargets.Count < NumAgents)
            {
                Fail(
                    possibleAgents.Count < NumAgents ? "possible_agents_xy" : "possible_targets_xy",
                    $"has {Math.Min(possibleAgents.Count, possibleTargets.Count)} positions, not enough for {NumAgents} agents");
            }

            PoolStarts = possibleAgents.ToArray();
            PoolGoals = possibleTargets.ToArray();
            Placement = PlacementKind.Pools;
        }

        if (possibleTargets is not null)
        {
            if (c.OnTarget == OnTarget.Restart && possibleTargets.Count == 0)
            {
                Fail("possible_targets_xy", "is empty; lifelong goals are drawn from it, give at least one cell");
            }

            LifelongGoalPool = possibleTargets.ToArray();
        }
    }

    private void CheckInside(string field, IReadOnlyList<GridPosition> positions)
    {
        for (int i = 0; i < positions.Count; i++)
        {
            GridPosition p = positions[i];
            if (p.Row < 0 || p.Row >= Height || p.Col < 0 || p.Col >= Width)
            {
                Fail(field, $"position {i} {p} is outside the {Height} x {Width} map; rows 0..{Height - 1}, columns 0..{Width - 1}");
            }
        }
    }

    private void CheckDistinct(string field, IReadOnlyList<GridPosition> positions)
    {
        var seen = new Dictionary<GridPosition, int>(positions.Count);
        for (int i = 0; i < positions.Count; i++)
        {
            if (!seen.TryAdd(positions[i], i))
            {
                Fail(field, $"positions {seen[positions[i]]} and {i} are both {positions[i]}; two agents cannot share a cell");
            }
        }
    }
}
