namespace Pogema.Env.Vector;

/// <summary>
/// What one slice of environments owns, touched by one thread at a time (the worker stepping the slice in a run):
/// its distance-field cache, grids for writing observations and its agents' results before they are published.
/// Built on the owning worker's thread, so its memory sits with that thread.
/// </summary>
internal sealed class SliceScratch
{
    private readonly byte[] _goalGrid;
    private long _nextMapKey;

    public SliceScratch(int firstAgent, int agents, int maxPaddedCells, long distanceCacheBytes, int staticVariants, bool staticMaps, int observationFloats, bool streaming)
    {
        Stager = streaming ? new ObservationStager(observationFloats) : null;
        Outputs = new AgentOutputs(firstAgent, agents);
        long liveGoals = agents;
        _goalGrid = new byte[maxPaddedCells];
        long maxUseful = staticMaps ? (long)staticVariants * maxPaddedCells : long.MaxValue;
        Distances = new DistanceFieldCache(maxPaddedCells, distanceCacheBytes, 2 * liveGoals, maxUseful);
        _nextMapKey = staticVariants;
    }

    /// <summary>This slice's agents' rewards and flags, published at the end of every run.</summary>
    public AgentOutputs Outputs { get; }

    /// <summary>The staging buffer for streamed observation stores, or null when observations are stored directly.</summary>
    public ObservationStager? Stager { get; }

    /// <summary>BFS distance fields per (map, goal).</summary>
    public DistanceFieldCache Distances { get; }

    /// <summary>A padded grid with 1 on the goal cells of the environment being observed.</summary>
    public ReadOnlySpan<byte> GoalGrid => _goalGrid;

    /// <summary>Episodes finished in this slice's environments since the last drain (0 after a full reset).</summary>
    public int FinishedEpisodes { get; set; }

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
