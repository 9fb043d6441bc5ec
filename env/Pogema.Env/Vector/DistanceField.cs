using System.Runtime.CompilerServices;

namespace Pogema.Env.Vector;

/// <summary>
/// Breadth-first distances to one goal cell on a padded obstacle grid (4-connected, static obstacles only, other
/// agents ignored), with each cell's shortest-path move stored beside its distance. The tie-break between equally
/// short moves is fixed: up, down, left, right (the action order 1..4), so a path is a pure function of map and goal.
/// A field entry packs <c>distance * 8 + move</c> (move = action 0..4, 0 at the goal); negative entries are
/// <see cref="Unreachable"/> or <see cref="Obstacle"/>. Packing the move means following a path reads one entry per
/// cell instead of four neighbours, which matters when thousands of fields live in memory at once.
/// </summary>
public static class DistanceField
{
    /// <summary>Entry of a free cell from which the goal cannot be reached.</summary>
    public const int Unreachable = -1;

    /// <summary>Entry of an obstacle cell.</summary>
    public const int Obstacle = -2;

    private const int MoveBits = 3;

    /// <summary>
    /// Fills <paramref name="field"/> (one entry per padded cell) for <paramref name="goal"/>. The padded grid's
    /// obstacle ring keeps the search inside the map, so no bounds checks are needed. <paramref name="queue"/> needs
    /// one entry per padded cell.
    /// </summary>
    public static void Compute(ReadOnlySpan<byte> obstacles, int paddedWidth, int goal, Span<int> field, Span<int> queue)
    {
        field = field[..obstacles.Length];

        // Obstacles are marked in the field itself, so a visit tests one array instead of two.
        for (int c = 0; c < obstacles.Length; c++)
        {
            field[c] = obstacles[c] != 0 ? Obstacle : Unreachable;
        }

        if (obstacles[goal] != 0)
        {
            return;
        }

        // Pass 1: distances (stored shifted, so pass 2 can add the move without moving them).
        field[goal] = 0;
        queue[0] = goal;
        int head = 0;
        int tail = 1;
        while (head < tail)
        {
            int cell = queue[head++];
            int next = field[cell] + (1 << MoveBits);
            tail = Visit(field, queue, tail, cell - paddedWidth, next);
            tail = Visit(field, queue, tail, cell + paddedWidth, next);
            tail = Visit(field, queue, tail, cell - 1, next);
            tail = Visit(field, queue, tail, cell + 1, next);
        }

        // Pass 2: each reached cell's move, the first of up, down, left, right one step closer.
        for (int k = 1; k < tail; k++)
        {
            int cell = queue[k];
            int want = field[cell] - (1 << MoveBits);
            int move = (field[cell - paddedWidth] & ~7) == want ? 1
                : (field[cell + paddedWidth] & ~7) == want ? 2
                : (field[cell - 1] & ~7) == want ? 3
                : 4;
            field[cell] |= move;
        }
    }

    /// <summary>Moves from <paramref name="cell"/> to the goal, or a negative value when it cannot reach it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Distance(ReadOnlySpan<int> field, int cell)
    {
        int entry = field[cell];
        return entry < 0 ? entry : entry >> MoveBits;
    }

    /// <summary>The shortest-path move (action 1..4) from <paramref name="cell"/>; 0 at the goal or when unreachable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Move(ReadOnlySpan<int> field, int cell)
    {
        int entry = field[cell];
        return entry < 0 ? 0 : entry & 7;
    }

    /// <summary>The next cell of the shortest path from <paramref name="cell"/>; -1 at the goal or when unreachable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextCell(ReadOnlySpan<int> field, int paddedWidth, int cell)
    {
        int entry = field[cell];
        if (entry <= 0)
        {
            return -1;
        }

        return (entry & 7) switch
        {
            1 => cell - paddedWidth,
            2 => cell + paddedWidth,
            3 => cell - 1,
            _ => cell + 1,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Visit(Span<int> field, Span<int> queue, int tail, int cell, int value)
    {
        if (field[cell] == Unreachable)
        {
            field[cell] = value;
            queue[tail++] = cell;
        }

        return tail;
    }
}
