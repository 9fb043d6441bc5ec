namespace Pogema.Env.Vector;

/// <summary>What one worker owns and no other touches: its distance-field cache and grids for writing observations.</summary>
internal sealed class WorkerScratch
{
    private readonly byte[] _goalGrid;
    private long _nextMapKey;

    public WorkerScratch(int maxPaddedCells, long distanceCacheBytes, long liveGoals, int staticVariants, bool staticMaps)
    {
        _goalGrid = new byte[maxPaddedCells];
        long maxUseful = staticMaps ? (long)staticVariants * maxPaddedCells : long.MaxValue;
        Distances = new DistanceFieldCache(maxPaddedCells, distanceCacheBytes, 2 * liveGoals, maxUseful);
        _nextMapKey = staticVariants;
    }

    /// <summary>BFS distance fields per (map, goal).</summary>
    public DistanceFieldCache Distances { get; }

    /// <summary>A padded grid with 1 on the goal cells of the environment being observed.</summary>
    public ReadOnlySpan<byte> GoalGrid => _goalGrid;

    /// <summary>Metrics discarded by a full reset.</summary>
    public List<EpisodeMetrics> Discard { get; } = [];

    /// <summary>Bytes this worker allocated while stepping (checked by the allocation tests).</summary>
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
