namespace Pogema.Env.Vector;

/// <summary>
/// What one slice of environments owns, touched by one thread at a time (the worker stepping the slice in a run):
/// its distance-field cache (unless the vector env shares a <see cref="StaticFieldTable"/>), its agents' kept paths,
/// next path cells and field hints, a grid for writing observations, its agents' results before they are published,
/// and the list of its environments with finished episodes. Built on the owning worker's thread, so its memory sits
/// with that thread.
/// </summary>
internal sealed class SliceScratch
{
    private readonly byte[] _goalGrid;
    private readonly int[] _finishedEnvs;
    private long _nextMapKey;

    public SliceScratch(int envs, int firstAgent, int agents, int maxPaddedCells, long distanceCacheBytes, int staticVariants, bool staticMaps, bool sharedFields, int pathWindow, int observationFloats, bool streaming)
    {
        // Per-agent state of the slice's agents side by side, indexed from the slice's first agent: an environment's
        // agents are neighbours of the next environment's, instead of each environment owning small arrays of its own.
        NextCell = new int[agents];
        FieldHints = new int[agents];
        FieldHints.AsSpan().Fill(-1);
        Paths = pathWindow > 0 ? new AgentPaths(agents, pathWindow) : null;
        Stager = streaming ? new ObservationStager(observationFloats) : null;
        Outputs = new AgentOutputs(firstAgent, agents);
        _finishedEnvs = new int[envs];
        long liveGoals = agents;
        _goalGrid = pathWindow > 0 ? new byte[maxPaddedCells] : [];
        long maxUseful = staticMaps ? (long)staticVariants * maxPaddedCells : long.MaxValue;
        Distances = sharedFields ? null : new DistanceFieldCache(maxPaddedCells, distanceCacheBytes, 2 * liveGoals, maxUseful);
        BfsQueue = sharedFields ? new int[maxPaddedCells] : [];
        _nextMapKey = staticVariants;
    }

    /// <summary>This slice's agents' rewards and flags, published at the end of every run.</summary>
    public AgentOutputs Outputs { get; }

    /// <summary>The staging buffer for streamed observation stores, or null when observations are stored directly.</summary>
    public ObservationStager? Stager { get; }

    /// <summary>BFS distance fields per (map, goal); null where the vector env shares one <see cref="StaticFieldTable"/>.</summary>
    public DistanceFieldCache? Distances { get; }

    /// <summary>Per agent, the next cell of its shortest path in the current state (-1 when none).</summary>
    public int[] NextCell { get; }

    /// <summary>Per agent, where its distance field sat in the slice's cache last time (a lookup shortcut).</summary>
    public int[] FieldHints { get; }

    /// <summary>Each agent's path kept between steps (follower preset only).</summary>
    public AgentPaths? Paths { get; }

    /// <summary>The queue for computing a field of the shared table (empty without one).</summary>
    public int[] BfsQueue { get; }

    /// <summary>A padded grid with 1 on the goal cells of the environment being observed (follower preset only; empty otherwise).</summary>
    public ReadOnlySpan<byte> GoalGrid => _goalGrid;

    /// <summary>How many of this slice's environments have finished episodes not yet drained.</summary>
    public int FinishedEnvCount { get; private set; }

    /// <summary>The environments with finished episodes not yet drained, in the order their first one finished.</summary>
    public Span<int> FinishedEnvs => _finishedEnvs.AsSpan(0, FinishedEnvCount);

    /// <summary>Lists environment <paramref name="env"/>, whose first episode since the last drain just finished.</summary>
    public void AddFinishedEnv(int env) => _finishedEnvs[FinishedEnvCount++] = env;

    /// <summary>Forgets the list (drained, or discarded by a full reset).</summary>
    public void ClearFinishedEnvs() => FinishedEnvCount = 0;

    /// <summary>Metrics discarded by a full reset.</summary>
    public List<EpisodeMetrics> Discard { get; } = [];

    /// <summary>Bytes allocated while stepping this slice (checked by the allocation tests).</summary>
    public long AllocatedBytes { get; set; }

    /// <summary>A distance-cache key for a map used by one episode only (random maps).</summary>
    public long NextEpisodeMapKey() => _nextMapKey++;

    public void MarkGoals(ReadOnlySpan<int> goals)
    {
        foreach (int goal in goals)
        {
            _goalGrid[goal] = 1;
        }
    }

    public void ClearGoals(ReadOnlySpan<int> goals)
    {
        foreach (int goal in goals)
        {
            _goalGrid[goal] = 0;
        }
    }
}
