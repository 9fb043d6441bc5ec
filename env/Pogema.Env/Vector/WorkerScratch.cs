namespace Pogema.Env.Vector;

/// <summary>
/// What one worker thread keeps for every slice it steps, its own and the ones it steals: the distance-field cache
/// and the goal grid for writing follower observations. Both hold only pure functions of the map and the goals (or
/// nothing between environments), so any worker's gives the same results. One cache per worker rather than per slice:
/// with 16 slices per worker, per-slice caches held 16 copies of the same static map's fields, which pushed them out
/// of the core's caches (2-thread Bottleneck follower runs reached 0.72-0.79 of independent copies with them, against
/// 0.84-0.87 with one slice per worker). Built on the worker's own thread.
/// </summary>
internal sealed class WorkerScratch
{
    private readonly byte[] _goalGrid;

    /// <param name="maxPaddedCells">Cells of the largest padded map.</param>
    /// <param name="distanceCacheBytes">The cache's budget (<see cref="VectorEnvOptions.DistanceCacheBytes"/>).</param>
    /// <param name="liveGoals">Goals of the worker's own agents: the cache holds at least twice as many fields.</param>
    /// <param name="staticVariants">Maps of a static scenario (the keys below it are theirs).</param>
    /// <param name="staticMaps">Whether every episode runs on one of the scenario's static maps.</param>
    public WorkerScratch(int maxPaddedCells, long distanceCacheBytes, long liveGoals, int staticVariants, bool staticMaps)
    {
        _goalGrid = new byte[maxPaddedCells];
        long maxUseful = staticMaps ? (long)staticVariants * maxPaddedCells : long.MaxValue;
        Distances = new DistanceFieldCache(maxPaddedCells, distanceCacheBytes, 2 * liveGoals, maxUseful);
    }

    /// <summary>BFS distance fields per (map, goal).</summary>
    public DistanceFieldCache Distances { get; }

    /// <summary>A padded grid with 1 on the goal cells of the environment being observed.</summary>
    public ReadOnlySpan<byte> GoalGrid => _goalGrid;

    /// <summary>Marks the goal cells of the environment about to be observed.</summary>
    public void MarkGoals(ReadOnlySpan<int> goals)
    {
        foreach (int goal in goals)
        {
            _goalGrid[goal] = 1;
        }
    }

    /// <summary>Clears what <see cref="MarkGoals"/> marked, leaving the grid empty for the next environment.</summary>
    public void ClearGoals(ReadOnlySpan<int> goals)
    {
        foreach (int goal in goals)
        {
            _goalGrid[goal] = 0;
        }
    }
}
