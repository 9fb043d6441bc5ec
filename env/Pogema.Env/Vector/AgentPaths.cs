namespace Pogema.Env.Vector;

/// <summary>
/// Each agent's shortest path as cells, kept between steps: while the agent waits or steps onto the path's next cell,
/// the stored cells stay valid (a path is a pure function of map and goal), so only the tail is extended from the
/// distance field. Following a path through a large field is a chain of dependent memory reads; keeping it turns
/// about one read per window cell per step into about one per step.
/// </summary>
internal sealed class AgentPaths
{
    private readonly int _capacity;
    private readonly int[] _cells;
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly int[] _goal;

    public AgentPaths(int agents, int window)
    {
        // A path drawn in the window has at most window^2 cells, plus the first cell outside.
        _capacity = (window * window) + 1;
        _cells = new int[agents * _capacity];
        _start = new int[agents];
        _length = new int[agents];
        _goal = new int[agents];
        Invalidate();
    }

    /// <summary>Forgets every path (a new episode).</summary>
    public void Invalidate() => _goal.AsSpan().Fill(-1);

    /// <summary>
    /// The path of <paramref name="agent"/> from <paramref name="position"/> to <paramref name="goal"/>, covering the
    /// window of radius <paramref name="radius"/> around the position (it ends at the goal, or at its first cell outside
    /// the window); empty when the goal is unreachable.
    /// </summary>
    public ReadOnlySpan<int> Update(int agent, int position, int goal, ReadOnlySpan<int> field, int paddedWidth, int radius)
    {
        int offset = agent * _capacity;
        int start = _start[agent];
        int length = _length[agent];
        bool keep = _goal[agent] == goal && length > 0;
        if (keep && _cells[offset + start] != position)
        {
            keep = length > 1 && _cells[offset + start + 1] == position;
            start++;
            length--;
        }

        if (!keep)
        {
            _goal[agent] = goal;
            start = 0;
            length = 0;
            if (DistanceField.Distance(field, position) >= 0)
            {
                _cells[offset] = position;
                length = 1;
            }
        }

        if (length > 0)
        {
            int cornerRow = (position / paddedWidth) - radius;
            int cornerCol = (position % paddedWidth) - radius;
            int d = (2 * radius) + 1;
            while (true)
            {
                int last = _cells[offset + start + length - 1];
                int row = (last / paddedWidth) - cornerRow;
                int col = (last % paddedWidth) - cornerCol;
                if (last == goal || (uint)row >= (uint)d || (uint)col >= (uint)d)
                {
                    break;
                }

                if (start + length == _capacity)
                {
                    Array.Copy(_cells, offset + start, _cells, offset, length);
                    start = 0;
                }

                _cells[offset + start + length] = DistanceField.NextCell(field, paddedWidth, last);
                length++;
            }
        }

        _start[agent] = start;
        _length[agent] = length;
        return _cells.AsSpan(offset + start, length);
    }
}
