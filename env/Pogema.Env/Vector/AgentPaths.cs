namespace Pogema.Env.Vector;

/// <summary>
/// Each agent's shortest path as cells, kept between steps: while the agent waits or steps onto the path's next cell,
/// the stored cells stay valid (a path is a pure function of map and goal), so only the tail is extended from the
/// distance field. Following a path through a large field is a chain of dependent memory reads; keeping it turns
/// about one read per window cell per step into about one per step. Each cell's padded row and column are kept
/// beside it (a move changes one of them by one), so placing the path in a window needs no division. A cell and its
/// row and column are one element, and an agent's start, length and goal another, so that keeping an agent's path
/// touches two or three cache lines rather than six: with two agents per environment, as on the Bottleneck, those
/// lines are most of what writing a follower observation reads.
/// </summary>
internal sealed class AgentPaths
{
    private readonly int _capacity;
    private readonly PathCell[] _cells;
    private readonly PathState[] _state;

    public AgentPaths(int agents, int window)
    {
        // A path drawn in the window has at most window^2 cells, plus the first cell outside.
        _capacity = (window * window) + 1;
        _cells = new PathCell[agents * _capacity];
        _state = new PathState[agents];
        Invalidate(0, agents);
    }

    /// <summary>Forgets the paths of agents <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> - 1 (their environment's new episode).</summary>
    public void Invalidate(int first, int count) => _state.AsSpan(first, count).Fill(new PathState { Goal = -1 });

    /// <summary>
    /// The kept path of <paramref name="agent"/>, standing on <paramref name="position"/> (padded row
    /// <paramref name="row"/>, column <paramref name="col"/>), when it is still whole for <paramref name="goal"/>: it
    /// starts at the position and covers the window of radius <paramref name="radius"/> around it (it ends at the goal,
    /// or at its first cell outside the window). Most calls find the path as it was (a waiting agent, or observations
    /// written again), and then need no distance field; otherwise <see cref="Extend"/> brings it up to date.
    /// </summary>
    public bool TryKept(int agent, int position, int row, int col, int goal, int radius, out ReadOnlySpan<PathCell> path)
    {
        PathState state = _state[agent];
        if (state.Goal == goal && state.Length > 0)
        {
            int first = (agent * _capacity) + state.Start;
            PathCell last = _cells[first + state.Length - 1];
            if (_cells[first].Cell == position &&
                (last.Cell == goal || Math.Abs(last.Row - row) > radius || Math.Abs(last.Col - col) > radius))
            {
                path = new ReadOnlySpan<PathCell>(_cells, first, state.Length);
                return true;
            }
        }

        path = default;
        return false;
    }

    /// <summary>
    /// Brings the path up to date from <paramref name="field"/> (the BFS field to <paramref name="goal"/>) when
    /// <see cref="TryKept"/> did not find it whole: the agent moved onto the path, left it, or the path is new or short.
    /// Returns the path as <see cref="TryKept"/> describes it, empty when the goal is unreachable.
    /// </summary>
    public ReadOnlySpan<PathCell> Extend(int agent, int position, int row, int col, int goal, ReadOnlySpan<int> field, int paddedWidth, int radius)
    {
        ref PathState state = ref _state[agent];
        Span<PathCell> cells = _cells.AsSpan(agent * _capacity, _capacity);
        int start = state.Start;
        int length = state.Length;
        bool keep = state.Goal == goal && length > 0;
        if (keep && cells[start].Cell != position)
        {
            keep = length > 1 && cells[start + 1].Cell == position;
            start++;
            length--;
        }

        if (!keep)
        {
            state.Goal = goal;
            start = 0;
            length = 0;
            if (DistanceField.Distance(field, position) >= 0)
            {
                cells[0] = new PathCell(position, row, col);
                length = 1;
            }
        }

        while (length > 0)
        {
            PathCell last = cells[start + length - 1];
            if (last.Cell == goal || Math.Abs(last.Row - row) > radius || Math.Abs(last.Col - col) > radius)
            {
                break;
            }

            if (start + length == _capacity)
            {
                cells.Slice(start, length).CopyTo(cells);
                start = 0;
            }

            // A cell on the path to a reachable goal, not the goal itself, always has a move 1..4.
            cells[start + length] = DistanceField.Move(field, last.Cell) switch
            {
                1 => new PathCell(last.Cell - paddedWidth, last.Row - 1, last.Col),
                2 => new PathCell(last.Cell + paddedWidth, last.Row + 1, last.Col),
                3 => new PathCell(last.Cell - 1, last.Row, last.Col - 1),
                _ => new PathCell(last.Cell + 1, last.Row, last.Col + 1),
            };
            length++;
        }

        state.Start = start;
        state.Length = length;
        return cells.Slice(start, length);
    }

    /// <summary>One cell of a path with its padded row and column.</summary>
    internal readonly record struct PathCell(int Cell, int Row, int Col);

    /// <summary>Where an agent's path starts in its stretch of cells, how long it is, and the goal it leads to (-1: none).</summary>
    private struct PathState
    {
        public int Start;
        public int Length;
        public int Goal;
    }
}
