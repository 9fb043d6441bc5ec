namespace Pogema.Env.Vector;

/// <summary>
/// Breadth-first distances to one goal cell on a padded obstacle grid (4-connected, obstacles and other agents
/// ignored except static obstacles), and the shortest-path step read from them. The tie-break between equally short
/// moves is fixed: up, down, left, right (the action order 1..4), so a path is a pure function of map and goal.
/// </summary>
public static class DistanceField
{
    /// <summary>Distance of a cell from which the goal cannot be reached (or an obstacle).</summary>
    public const int Unreachable = -1;

    /// <summary>
    /// Fills <paramref name="distance"/> (one entry per padded cell) with the number of moves from each cell to
    /// <paramref name="goal"/>, or <see cref="Unreachable"/>. The padded grid's obstacle ring keeps the search inside
    /// the map, so no bounds checks are needed. <paramref name="queue"/> needs one entry per padded cell.
    /// </summary>
    public static void Compute(ReadOnlySpan<byte> obstacles, int paddedWidth, int goal, Span<int> distance, Span<int> queue)
    {
        distance = distance[..obstacles.Length];
        distance.Fill(Unreachable);
        if (obstacles[goal] != 0)
        {
            return;
        }

        distance[goal] = 0;
        queue[0] = goal;
        int head = 0;
        int tail = 1;
        while (head < tail)
        {
            int cell = queue[head++];
            int next = distance[cell] + 1;
            tail = Visit(obstacles, distance, queue, tail, cell - paddedWidth, next);
            tail = Visit(obstacles, distance, queue, tail, cell + paddedWidth, next);
            tail = Visit(obstacles, distance, queue, tail, cell - 1, next);
            tail = Visit(obstacles, distance, queue, tail, cell + 1, next);
        }
    }

    /// <summary>
    /// The next cell of the shortest path from <paramref name="cell"/>: the first of up, down, left, right whose
    /// distance is one less; -1 when the cell is the goal or cannot reach it.
    /// </summary>
    public static int NextCell(ReadOnlySpan<int> distance, int paddedWidth, int cell)
    {
        int d = distance[cell];
        if (d <= 0)
        {
            return -1;
        }

        int want = d - 1;
        if (distance[cell - paddedWidth] == want)
        {
            return cell - paddedWidth;
        }

        if (distance[cell + paddedWidth] == want)
        {
            return cell + paddedWidth;
        }

        if (distance[cell - 1] == want)
        {
            return cell - 1;
        }

        return cell + 1;
    }

    private static int Visit(ReadOnlySpan<byte> obstacles, Span<int> distance, Span<int> queue, int tail, int cell, int value)
    {
        if (distance[cell] == Unreachable && obstacles[cell] == 0)
        {
            distance[cell] = value;
            queue[tail++] = cell;
        }

        return tail;
    }
}
