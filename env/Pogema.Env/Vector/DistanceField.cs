using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    private const int MoveMask = (1 << MoveBits) - 1;

    /// <summary>
    /// Fills <paramref name="field"/> (one entry per padded cell) for <paramref name="goal"/>. The padded grid's
    /// obstacle ring keeps the search inside the map, so no bounds checks are needed. <paramref name="queue"/> needs
    /// one entry per padded cell.
    /// </summary>
    public static void Compute(ReadOnlySpan<byte> obstacles, int paddedWidth, int goal, Span<int> field, Span<int> queue)
    {
        int cells = obstacles.Length;
        if (paddedWidth < 1 || field.Length < cells || queue.Length < cells || (uint)goal >= (uint)cells)
        {
            throw new ArgumentException($"a positive width, a field and a queue of {cells} entries and a goal inside the grid are needed");
        }

        // Obstacles are marked in the field itself, so a visit tests one array instead of two:
        // -1 - 0 = Unreachable, -1 - 1 = Obstacle, without a branch.
        field = field[..cells];
        ref int f = ref MemoryMarshal.GetReference(field);
        ref byte o = ref MemoryMarshal.GetReference(obstacles);
        for (int c = 0; c < cells; c++)
        {
            Unsafe.Add(ref f, c) = Unreachable - Unsafe.Add(ref o, c);
        }

        if (obstacles[goal] == 0)
        {
            Search(ref f, ref MemoryMarshal.GetReference(queue), cells, paddedWidth, goal);
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

    /// <summary>
    /// The breadth-first search itself, in one pass: a cell's move is set when it is found and lowered while cells
    /// of the previous distance still reach it (up, down, left, right is also 1 &lt; 2 &lt; 3 &lt; 4, and an entry
    /// is distance * 8 + move), so the fixed tie-break needs no second pass. A neighbour found below a cell moves
    /// up to reach it, and so on: the stored move is the reverse of the direction searched.
    /// </summary>
    private static void Search(ref int field, ref int queue, int cells, int paddedWidth, int goal)
    {
        Unsafe.Add(ref field, goal) = 0;
        queue = goal;
        int head = 0;
        int tail = 1;
        while (head < tail)
        {
            int cell = Unsafe.Add(ref queue, head++);
            if ((uint)(cell - paddedWidth) >= (uint)cells || (uint)(cell + paddedWidth) >= (uint)cells)
            {
                ThrowNoRing();
            }

            int next = (Unsafe.Add(ref field, cell) & ~MoveMask) + (1 << MoveBits);
            tail = Visit(ref field, ref queue, tail, cell + paddedWidth, next | 1);
            tail = Visit(ref field, ref queue, tail, cell - paddedWidth, next | 2);
            tail = Visit(ref field, ref queue, tail, cell + 1, next | 3);
            tail = Visit(ref field, ref queue, tail, cell - 1, next | 4);
        }
    }

    /// <summary>
    /// Queues a cell not reached before; a cell already found at this distance takes the earlier of the two moves
    /// (the smaller entry). Obstacles and nearer cells are smaller than <paramref name="value"/> and stay.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Visit(ref int field, ref int queue, int tail, int cell, int value)
    {
        ref int entry = ref Unsafe.Add(ref field, cell);
        int old = entry;
        if (old == Unreachable)
        {
            entry = value;
            Unsafe.Add(ref queue, tail++) = cell;
        }
        else if (old > value)
        {
            entry = value;
        }

        return tail;
    }

    private static void ThrowNoRing() =>
        throw new ArgumentException("the obstacle grid must be padded with an obstacle ring that keeps the search inside it");
}
