using Pogema.Env.Random;

namespace Pogema.Env.Maps;

/// <summary>
/// Draws a new start/goal task on a bottleneck map for every episode: agent 0 starts in room A (rows 0-1) with its
/// goal in room B, agent 1 the reverse, every cell of a room equally likely. Draws follow the SRMT reference's
/// order (agent 0 start, agent 1 start, agent 0 goal, agent 1 goal; each a row, then a column), but a goal that
/// lands on the other agent's start in the same room is drawn again, so all four cells are distinct. The
/// reference allowed that overlap and fixed the task for a whole run; here each episode draws anew.
/// </summary>
public sealed class BottleneckSampler
{
    private readonly int _roomBTop;

    /// <summary>A sampler for the map with a corridor of <paramref name="corridorLength"/> cells.</summary>
    /// <exception cref="PogemaInputException">The length is below 1.</exception>
    public BottleneckSampler(int corridorLength)
    {
        if (corridorLength < 1)
        {
            throw new PogemaInputException($"bottleneck corridor length {corridorLength}: must be at least 1");
        }

        CorridorLength = corridorLength;
        _roomBTop = BottleneckMap.RoomBTop(corridorLength);
    }

    /// <summary>The corridor length of the map this sampler draws for.</summary>
    public int CorridorLength { get; }

    /// <summary>Draws one episode's task from <paramref name="rng"/>.</summary>
    public BottleneckTask Sample(NumpyRandom rng)
    {
        var agent0Start = DrawCell(rng, 0);
        var agent1Start = DrawCell(rng, _roomBTop);
        var agent0Goal = DrawCell(rng, _roomBTop);
        while (agent0Goal == agent1Start)
        {
            agent0Goal = DrawCell(rng, _roomBTop);
        }

        var agent1Goal = DrawCell(rng, 0);
        while (agent1Goal == agent0Start)
        {
            agent1Goal = DrawCell(rng, 0);
        }

        return new BottleneckTask(agent0Start, agent0Goal, agent1Start, agent1Goal);
    }

    private static GridPosition DrawCell(NumpyRandom rng, int roomTop)
    {
        // The reference draws choice(range(...), 1) for the row, then for the column: one integers() each.
        var row = roomTop + (int)rng.Integers(0, BottleneckMap.RoomRows);
        var col = (int)rng.Integers(0, BottleneckMap.Width);
        return new GridPosition(row, col);
    }
}
