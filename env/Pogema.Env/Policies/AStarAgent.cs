using Pogema.Env.Random;

namespace Pogema.Env.Policies;

/// <summary>
/// POGEMA's decentralized A* agent (<c>AStarAgent</c>) for one agent; <see cref="AStarPolicy"/> runs one per agent.
/// It remembers the obstacles it has seen in its observation windows, ignores other agents, replans to its target
/// every step, and when it did not move since its last plan (and is not on its target) it takes a uniformly random
/// action from its own generator instead (the fallback that breaks deadlocks between agents that block each other).
/// </summary>
internal sealed class AStarAgent
{
    private readonly ObstacleMemory _memory;
    private NumpyRandom _random;
    private bool _hasSaved;
    private int _savedRow;
    private int _savedCol;

    /// <param name="height">Map height.</param>
    /// <param name="width">Map width.</param>
    /// <param name="seed">Seed of the fallback generator; POGEMA's agents all use 0.</param>
    public AStarAgent(int height, int width, ulong seed = 0)
    {
        _memory = new ObstacleMemory(height, width);
        _random = NumpyRandom.DefaultRng(seed);
    }

    /// <summary>Forgets the map and the last position and reseeds the fallback generator (a new episode).</summary>
    public void Reset(ulong seed = 0)
    {
        _memory.Clear();
        _hasSaved = false;
        _random = NumpyRandom.DefaultRng(seed);
    }

    /// <summary>
    /// Chooses the action at (row, col) towards (targetRow, targetCol), seeing the window of radius
    /// <paramref name="radius"/> of <paramref name="map"/> (unpadded, row-major, 1 = obstacle).
    /// </summary>
    public int Act(int row, int col, int targetRow, int targetCol, int radius, ReadOnlySpan<byte> map, AStarSearch search)
    {
        if (_hasSaved && _savedRow == row && _savedCol == col && (row != targetRow || col != targetCol))
        {
            return (int)_random.Integers(5);
        }

        _memory.Observe(row, col, radius, map);
        int action = search.FirstMove(row, col, targetRow, targetCol, _memory);
        _hasSaved = true;
        _savedRow = row;
        _savedCol = col;
        return action;
    }
}
