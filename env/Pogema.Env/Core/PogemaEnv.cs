using Pogema.Env.Generation;
using Pogema.Env.Random;

namespace Pogema.Env;

/// <summary>
/// One POGEMA environment: the same maps, starts, goals, moves, rewards and metrics as the Python POGEMA for the
/// same config and seed. State lives in flat arrays allocated once in the constructor and reused by every
/// <see cref="Reset"/>; <see cref="Step"/> allocates nothing. The grid is padded by <c>obs_radius</c> on every side
/// (a ring of obstacles right outside the map, free cells beyond), and positions are kept as padded cell indices
/// (<c>row * PaddedWidth + col</c>) so a move is one addition and an observation window one strided copy.
/// </summary>
public sealed partial class PogemaEnv
{
    /// <summary>Number of actions: 0 wait, 1 up (row-1), 2 down (row+1), 3 left (col-1), 4 right (col+1).</summary>
    public const int NumActions = 5;

    /// <summary>Channels of the <c>default</c> observation: obstacles, agents, goal.</summary>
    public const int ObservationChannels = 3;

    private readonly int _numAgents;
    private readonly int _radius;
    private readonly int _window;
    private readonly int[] _moveOffset;

    private readonly byte[] _mapObstacles;
    private readonly byte[] _ownObstacles;

    // The padded grid in use: the static map's, shared by every environment on it (so many environments' observations
    // read one grid that stays in the cache), or _ownObstacles for random maps and episodes that freed an obstacle.
    private byte[] _obstacles;
    private bool _freedObstacle;
    private readonly byte[] _occupancy;
    private readonly int[] _agentAt;

    private readonly int[] _position;
    private readonly int[] _target;
    private readonly int[] _start;
    private readonly int[] _rows;
    private readonly int[] _cols;
    private readonly int[] _targetRows;
    private readonly int[] _targetCols;
    private readonly bool[] _active;
    private readonly bool[] _terminated;
    private readonly bool[] _truncated;
    private readonly bool[] _onGoal;
    private readonly float[] _rewards;

    private readonly NumpyRandom _rng;
    private readonly ComponentLabels _components;
    private readonly RandomPlacement? _placement;
    private readonly int[] _placedStarts;
    private readonly int[] _placedGoals;
    private readonly GridPosition[] _poolStarts;
    private readonly GridPosition[] _poolGoals;
    private readonly GridPosition[] _explicitStarts;
    private readonly GridPosition[] _explicitGoals;
    private readonly NumpyRandom[]? _goalRngs;
    private readonly int[]? _lifelongPool;

    // The map loaded now (see Load). The grids above are sized for the largest map this environment can load; only
    // their first Height x Width (padded: PaddedHeight x PaddedWidth) cells belong to the map loaded now.
    private TaskLayout _layout;
    private GridConfig _config;
    private int _height;
    private int _width;
    private int _paddedHeight;
    private int _paddedWidth;
    private int _lifelongPoolLength;

    private int _stepCount;
    private bool _hasReset;
    private bool _episodeEnded;
    private EpisodeMetrics? _metrics;

    /// <summary>Validates <paramref name="config"/> (see <see cref="GridConfig.Validate"/>) and allocates every buffer.</summary>
    public PogemaEnv(GridConfig config, string source = "config")
        : this([BuildLayout(config, source)])
    {
    }

    /// <summary>
    /// An environment that can run any of <paramref name="layouts"/> (see <see cref="Load"/>), starting with the
    /// first: every buffer is allocated here, once, for the largest of them. The layouts must agree on the agent
    /// count, the observation radius, the collision system and the <c>on_target</c> mode. They are shared, not
    /// copied, so many environments can run the same parsed maps.
    /// </summary>
    internal PogemaEnv(IReadOnlyList<TaskLayout> layouts)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        if (layouts.Count == 0)
        {
            throw new ArgumentException("at least one layout is needed", nameof(layouts));
        }

        TaskLayout first = layouts[0];
        int maxCells = 0;
        int maxPaddedCells = 0;
        int maxPool = 0;
        int maxLifelongPool = 0;
        bool randomPlacement = false;
        for (int k = 0; k < layouts.Count; k++)
        {
            TaskLayout layout = layouts[k];
            CheckCompatible(first, layout);
            maxCells = Math.Max(maxCells, layout.Height * layout.Width);
            maxPaddedCells = Math.Max(maxPaddedCells, layout.PaddedHeight * layout.PaddedWidth);
            maxPool = Math.Max(maxPool, Math.Max(layout.PoolStarts.Length, layout.PoolGoals.Length));
            maxLifelongPool = Math.Max(maxLifelongPool, layout.LifelongGoalPool?.Length ?? 0);
            randomPlacement |= layout.Placement == PlacementKind.Random;
        }

        _layout = first;
        _config = first.Config;
        _numAgents = first.NumAgents;
        _radius = first.ObsRadius;
        _window = (2 * _radius) + 1;
        _moveOffset = new int[NumActions];

        _mapObstacles = new byte[maxCells];
        _ownObstacles = new byte[maxPaddedCells];
        _obstacles = _ownObstacles;
        _occupancy = new byte[maxPaddedCells];
        _agentAt = new int[maxPaddedCells];
        _agentAt.AsSpan().Fill(-1);

        int n = _numAgents;
        _position = new int[n];
        _target = new int[n];
        _start = new int[n];
        _rows = new int[n];
        _cols = new int[n];
        _targetRows = new int[n];
        _targetCols = new int[n];
        _active = new bool[n];
        _terminated = new bool[n];
        _truncated = new bool[n];
        _onGoal = new bool[n];
        _rewards = new float[n];

        _rng = NumpyRandom.DefaultRng(0);
        _components = new ComponentLabels(maxCells);
        _placement = randomPlacement ? new RandomPlacement(maxCells, n) : null;
        _placedStarts = new int[n];
        _placedGoals = new int[n];
        _poolStarts = new GridPosition[maxPool];
        _poolGoals = new GridPosition[maxPool];
        _explicitStarts = new GridPosition[n];
        _explicitGoals = new GridPosition[n];
        if (_config.OnTarget == OnTarget.Restart)
        {
            _goalRngs = new NumpyRandom[n];
            for (int i = 0; i < n; i++)
            {
                _goalRngs[i] = NumpyRandom.DefaultRng(0);
            }

            _lifelongPool = new int[maxLifelongPool];
        }

        _moveTarget = new int[n];
        _actions = new int[n];
        _solveTime = new int[n];
        switch (_config.CollisionSystem)
        {
            case CollisionSystem.BlockBoth:
                _cellState = new byte[maxPaddedCells];
                break;
            case CollisionSystem.Soft:
                _claimHead = new int[maxPaddedCells];
                _claimTail = new int[maxPaddedCells];
                _claimCount = new int[maxPaddedCells];
                _claimHead.AsSpan().Fill(-1);
                _claimTail.AsSpan().Fill(-1);
                _claimPrev = new int[n];
                _claimNext = new int[n];
                break;
        }

        Load(first);
    }

    /// <summary>
    /// The config of the map loaded now: a private copy for an environment built from a config; for one that loads
    /// shared layouts, the layout's own config, shared with the other environments on that map. Do not modify it.
    /// </summary>
    public GridConfig Config => _config;

    /// <summary>Number of agents.</summary>
    public int NumAgents => _numAgents;

    /// <summary>Map rows (without padding).</summary>
    public int Height => _height;

    /// <summary>Map columns (without padding).</summary>
    public int Width => _width;

    /// <summary>Observation radius r; the padding on every side of the map.</summary>
    public int ObsRadius => _radius;

    /// <summary>Rows of the padded grid: <c>Height + 2r</c>.</summary>
    public int PaddedHeight => _paddedHeight;

    /// <summary>Columns of the padded grid: <c>Width + 2r</c>.</summary>
    public int PaddedWidth => _paddedWidth;

    /// <summary>Side of an observation window: <c>2r + 1</c>.</summary>
    public int WindowSize => _window;

    /// <summary>Floats of one agent's <c>default</c> observation: <c>3 * (2r+1)^2</c>.</summary>
    public int ObservationSize => ObservationChannels * _window * _window;

    /// <summary>The seed of the current episode (the config's, the one given to <see cref="Reset"/>, or a drawn one).</summary>
    public ulong CurrentSeed { get; private set; }

    /// <summary>Steps taken in the current episode.</summary>
    public int StepCount => _stepCount;

    /// <summary>True once every agent is terminated or every agent is truncated; <see cref="Step"/> then needs a reset.</summary>
    public bool EpisodeEnded => _episodeEnded;

    /// <summary>The metrics of the ended episode; null while it runs.</summary>
    public EpisodeMetrics? Metrics => _metrics;

    /// <summary>Agent rows without padding (hidden agents keep their last cell).</summary>
    public ReadOnlySpan<int> AgentRows => _rows;

    /// <summary>Agent columns without padding.</summary>
    public ReadOnlySpan<int> AgentCols => _cols;

    /// <summary>Goal rows without padding.</summary>
    public ReadOnlySpan<int> TargetRows => _targetRows;

    /// <summary>Goal columns without padding.</summary>
    public ReadOnlySpan<int> TargetCols => _targetCols;

    /// <summary>Agent cells in the padded grid (<c>row * PaddedWidth + col</c>, padded coordinates).</summary>
    public ReadOnlySpan<int> PaddedPositions => _position;

    /// <summary>Goal cells in the padded grid.</summary>
    public ReadOnlySpan<int> PaddedTargets => _target;

    /// <summary>Start cells of this episode in the padded grid.</summary>
    public ReadOnlySpan<int> PaddedStarts => _start;

    /// <summary>Whether each agent is on the map (false once hidden in <c>finish</c> mode).</summary>
    public ReadOnlySpan<bool> Active => _active;

    /// <summary>Per-agent <c>terminated</c> of the last step.</summary>
    public ReadOnlySpan<bool> Terminated => _terminated;

    /// <summary>Per-agent <c>truncated</c> of the last step.</summary>
    public ReadOnlySpan<bool> Truncated => _truncated;

    /// <summary>Per-agent rewards of the last step.</summary>
    public ReadOnlySpan<float> Rewards => _rewards;

    /// <summary>The padded obstacle grid (1 obstacle), row-major <c>PaddedHeight x PaddedWidth</c>: the MAPF global obstacles.</summary>
    public ReadOnlySpan<byte> PaddedObstacles => _obstacles.AsSpan(0, _paddedHeight * _paddedWidth);

    /// <summary>The padded grid of active agents (1 where one stands).</summary>
    public ReadOnlySpan<byte> PaddedOccupancy => _occupancy.AsSpan(0, _paddedHeight * _paddedWidth);

    /// <summary>Whether a map cell (without padding) is an obstacle in this episode.</summary>
    public bool IsObstacle(int row, int col) => _mapObstacles[(row * _width) + col] != 0;

    /// <summary>The agent's cell without padding.</summary>
    public GridPosition GetPosition(int agent) => new(_rows[agent], _cols[agent]);

    /// <summary>The agent's goal without padding.</summary>
    public GridPosition GetTarget(int agent) => new(_targetRows[agent], _targetCols[agent]);

    /// <summary>The agent's start of this episode without padding.</summary>
    public GridPosition GetStart(int agent) => ToGridPosition(_start[agent]);

    /// <summary>POMAPF <c>xy</c>: the agent's cell relative to its start.</summary>
    public GridPosition GetRelativePosition(int agent)
    {
        GridPosition start = GetStart(agent);
        return new GridPosition(_rows[agent] - start.Row, _cols[agent] - start.Col);
    }

    /// <summary>POMAPF <c>target_xy</c>: the agent's goal relative to its start.</summary>
    public GridPosition GetRelativeTarget(int agent)
    {
        GridPosition start = GetStart(agent);
        return new GridPosition(_targetRows[agent] - start.Row, _targetCols[agent] - start.Col);
    }

    /// <summary>
    /// Starts an episode: the map, the starts and goals (and the lifelong goal generators) are drawn as POGEMA
    /// draws them from <paramref name="seed"/>, else the config's seed, else a fresh random seed.
    /// </summary>
    public void Reset(ulong? seed = null)
    {
        _hasReset = false;
        ulong episodeSeed = seed ?? (_config.Seed.HasValue ? (ulong)_config.Seed.Value : (ulong)System.Random.Shared.NextInt64(long.MaxValue));
        CurrentSeed = episodeSeed;
        GenerateObstacles(episodeSeed);
        PlaceAgents(episodeSeed);
        SelectPaddedGrid();
        PutAgentsOnGrid();
        if (_goalRngs is not null)
        {
            PrepareLifelongGoals(episodeSeed);
        }

        _stepCount = 0;
        _episodeEnded = false;
        _metrics = null;
        ResetMetrics();
        _hasReset = true;
    }

    /// <summary>
    /// Starts an episode with this episode's own starts and goals in place of the config's <c>agents_xy</c> and
    /// <c>targets_xy</c> (a per-episode task such as the bottleneck's); they stay in force for later resets until
    /// changed again. The config must place agents explicitly, with the same number of agents.
    /// </summary>
    public void Reset(ulong seed, ReadOnlySpan<GridPosition> starts, ReadOnlySpan<GridPosition> goals)
    {
        if (_layout.Placement != PlacementKind.Explicit)
        {
            throw new InvalidOperationException("Per-episode starts and goals need a config with agents_xy/targets_xy or letter agents.");
        }

        if (starts.Length != _numAgents || goals.Length != _numAgents)
        {
            throw new ArgumentException($"expected {_numAgents} starts and goals, got {starts.Length} and {goals.Length}", nameof(starts));
        }

        for (int i = 0; i < _numAgents; i++)
        {
            if ((uint)starts[i].Row >= (uint)_height || (uint)starts[i].Col >= (uint)_width ||
                (uint)goals[i].Row >= (uint)_height || (uint)goals[i].Col >= (uint)_width)
            {
                throw new ArgumentOutOfRangeException(nameof(starts), $"agent {i}: start {starts[i]} or goal {goals[i]} is outside the {_height} x {_width} map");
            }
        }

        starts.CopyTo(_explicitStarts);
        goals.CopyTo(_explicitGoals);
        Reset(seed);
    }

    /// <summary>True when every episode runs on the same static map (not a random map drawn per seed).</summary>
    internal bool HasStaticMap => _layout.Map is not null;

    /// <summary>
    /// Switches to another map and task layout in the buffers this environment already owns: nothing is allocated
    /// and nothing is parsed. <paramref name="layout"/> must agree with the layouts the environment was built for
    /// (agents, radius, collision system, mode) and fit its buffers. The next episode needs a <see cref="Reset"/>,
    /// which then gives exactly what a new environment built for <paramref name="layout"/> gives.
    /// </summary>
    internal void Load(TaskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        CheckCompatible(_layout, layout);
        bool fits = layout.Height * layout.Width <= _mapObstacles.Length
            && layout.PaddedHeight * layout.PaddedWidth <= _ownObstacles.Length
            && layout.PoolStarts.Length <= _poolStarts.Length
            && layout.PoolGoals.Length <= _poolGoals.Length
            && (layout.Placement != PlacementKind.Random || _placement is not null)
            && (_lifelongPool is null || (layout.LifelongGoalPool?.Length ?? 0) <= _lifelongPool.Length);
        if (!fits)
        {
            throw new ArgumentException($"{layout.Source}: this {layout.Height} x {layout.Width} layout does not fit the buffers of this environment", nameof(layout));
        }

        // The previous map's agent marks go first: their cells are indices of the previous padded grid.
        RemoveAgentsFromGrid();
        _hasReset = false;
        _episodeEnded = false;
        _metrics = null;
        _layout = layout;
        _config = layout.Config;
        _height = layout.Height;
        _width = layout.Width;
        _paddedHeight = layout.PaddedHeight;
        _paddedWidth = layout.PaddedWidth;

        // Until the next reset picks a grid: never a previous map's shared grid, which may be smaller than this one.
        _obstacles = _ownObstacles;
        _moveOffset[0] = 0;
        _moveOffset[1] = -_paddedWidth;
        _moveOffset[2] = _paddedWidth;
        _moveOffset[3] = -1;
        _moveOffset[4] = 1;
        _components.SetSize(_height, _width);
        layout.ExplicitStarts.CopyTo(_explicitStarts, 0);
        layout.ExplicitGoals.CopyTo(_explicitGoals, 0);
        _lifelongPoolLength = _lifelongPool is null ? 0 : layout.LifelongGoalPool?.Length ?? 0;
    }

    /// <summary>The layout of a private copy of <paramref name="config"/>, validated and resolved.</summary>
    private static TaskLayout BuildLayout(GridConfig config, string source)
    {
        ArgumentNullException.ThrowIfNull(config);
        return TaskLayout.Build(config.Clone(), source);
    }

    /// <summary>Layouts that one environment switches between share every buffer size but the map's.</summary>
    private static void CheckCompatible(TaskLayout first, TaskLayout other)
    {
        if (other.NumAgents != first.NumAgents || other.ObsRadius != first.ObsRadius ||
            other.Config.CollisionSystem != first.Config.CollisionSystem || other.Config.OnTarget != first.Config.OnTarget)
        {
            throw new ArgumentException(
                $"{other.Source}: {other.NumAgents} agents, obs_radius {other.ObsRadius}, {other.Config.CollisionSystem}, {other.Config.OnTarget} " +
                $"differ from {first.NumAgents} agents, obs_radius {first.ObsRadius}, {first.Config.CollisionSystem}, {first.Config.OnTarget}",
                nameof(other));
        }
    }

    /// <summary>Obstacles: the static map, or <c>default_rng(seed).binomial(1, density, (height, width))</c>.</summary>
    private void GenerateObstacles(ulong seed)
    {
        if (_layout.Map is { } map)
        {
            map.Obstacles.CopyTo(_mapObstacles);
            return;
        }

        _rng.Reseed(seed);
        _rng.BinomialOne(_config.Density, _mapObstacles.AsSpan(0, _height * _width));
    }

    /// <summary>Starts and goals into <see cref="_placedStarts"/>/<see cref="_placedGoals"/> (unpadded cells).</summary>
    private void PlaceAgents(ulong seed)
    {
        _freedObstacle = false;
        switch (_layout.Placement)
        {
            case PlacementKind.Explicit:
                for (int i = 0; i < _numAgents; i++)
                {
                    GridPosition s = _explicitStarts[i];
                    GridPosition g = _explicitGoals[i];
                    _placedStarts[i] = (s.Row * _width) + s.Col;
                    _placedGoals[i] = (g.Row * _width) + g.Col;

                    // POGEMA frees the cells under explicit starts and goals.
                    _freedObstacle |= _mapObstacles[_placedStarts[i]] != 0 || _mapObstacles[_placedGoals[i]] != 0;
                    _mapObstacles[_placedStarts[i]] = 0;
                    _mapObstacles[_placedGoals[i]] = 0;
                }

                break;
            case PlacementKind.Pools:
                // POGEMA shuffles the pools in place inside its config, so its next reset starts from the shuffled
                // order; here every reset starts from the original order, so a seed always gives the same task.
                _layout.PoolStarts.CopyTo(_poolStarts, 0);
                _layout.PoolGoals.CopyTo(_poolGoals, 0);
                _rng.Reseed(seed);
                _rng.Shuffle(_poolStarts.AsSpan(0, _layout.PoolStarts.Length));
                _rng.Shuffle(_poolGoals.AsSpan(0, _layout.PoolGoals.Length));
                for (int i = 0; i < _numAgents; i++)
                {
                    _placedStarts[i] = (_poolStarts[i].Row * _width) + _poolStarts[i].Col;
                    _placedGoals[i] = (_poolGoals[i].Row * _width) + _poolGoals[i].Col;
                }

                break;
            default:
                _components.Compute(_mapObstacles);
                _rng.Reseed(seed);
                if (!_placement!.TryPlace(_components, _rng, _placedStarts, _placedGoals))
                {
                    throw new PogemaInputException(
                        $"{_layout.Source}: num_agents: cannot place {_numAgents} agents with their goals on this {_height} x {_width} map (seed {seed}); " +
                        "each agent needs two free cells in one connected component: lower num_agents or density, or use a larger map");
                }

                break;
        }
    }

    /// <summary>
    /// The padded grid of this episode: a static map's shared grid when no start or goal freed one of its obstacles,
    /// else this environment's own grid, built from the episode's obstacles.
    /// </summary>
    private void SelectPaddedGrid()
    {
        if (_layout.PaddedObstacles is { } shared && !_freedObstacle)
        {
            _obstacles = shared;
            return;
        }

        _obstacles = _ownObstacles;
        BuildPaddedGrid(_mapObstacles, _height, _width, _radius, _obstacles);
    }

    /// <summary>
    /// A padded grid: free everywhere, an obstacle ring right outside the map, the map inside, <paramref name="radius"/>
    /// cells from the edges.
    /// </summary>
    internal static void BuildPaddedGrid(ReadOnlySpan<byte> map, int height, int width, int radius, Span<byte> padded)
    {
        int r = radius;
        int paddedWidth = width + (2 * r);
        padded[..((height + (2 * r)) * paddedWidth)].Clear();
        int top = r - 1;
        int bottom = height + r;
        int left = r - 1;
        int right = width + r;
        padded.Slice((top * paddedWidth) + left, right - left + 1).Fill(1);
        padded.Slice((bottom * paddedWidth) + left, right - left + 1).Fill(1);
        for (int row = top; row <= bottom; row++)
        {
            padded[(row * paddedWidth) + left] = 1;
            padded[(row * paddedWidth) + right] = 1;
        }

        for (int row = 0; row < height; row++)
        {
            map.Slice(row * width, width).CopyTo(padded[(((row + r) * paddedWidth) + r)..]);
        }
    }

    /// <summary>Clears the previous episode's marks by agent, not the whole grid: cheap for large maps.</summary>
    private void RemoveAgentsFromGrid()
    {
        for (int i = 0; i < _numAgents; i++)
        {
            if (_active[i])
            {
                ClearOccupied(_position[i]);
                _agentAt[_position[i]] = -1;
                _active[i] = false;
            }
        }
    }

    private void PutAgentsOnGrid()
    {
        RemoveAgentsFromGrid();
        for (int i = 0; i < _numAgents; i++)
        {
            int start = Pad(_placedStarts[i]);
            int goal = Pad(_placedGoals[i]);
            _start[i] = start;
            _active[i] = true;
            _terminated[i] = false;
            _truncated[i] = false;
            _rewards[i] = 0f;
            SetPosition(i, start);
            SetTarget(i, goal);
            MarkOccupied(start);
            _agentAt[start] = i;
        }
    }

    private void SetPosition(int agent, int paddedCell)
    {
        _position[agent] = paddedCell;
        int row = paddedCell / _paddedWidth;
        _rows[agent] = row - _radius;
        _cols[agent] = paddedCell - (row * _paddedWidth) - _radius;
    }

    private void SetTarget(int agent, int paddedCell)
    {
        _target[agent] = paddedCell;
        int row = paddedCell / _paddedWidth;
        _targetRows[agent] = row - _radius;
        _targetCols[agent] = paddedCell - (row * _paddedWidth) - _radius;
    }

    private int Pad(int cell)
    {
        int row = cell / _width;
        int col = cell - (row * _width);
        return ((row + _radius) * _paddedWidth) + col + _radius;
    }

    private int Unpad(int paddedCell)
    {
        int row = (paddedCell / _paddedWidth) - _radius;
        int col = (paddedCell % _paddedWidth) - _radius;
        return (row * _width) + col;
    }

    private GridPosition ToGridPosition(int paddedCell)
    {
        int row = paddedCell / _paddedWidth;
        return new GridPosition(row - _radius, paddedCell - (row * _paddedWidth) - _radius);
    }
}
