namespace Pogema.Env.Vector;

/// <summary>
/// Each agent's shortest path as cells, kept between steps: while the agent waits or steps onto the path's next cell,
/// the stored cells stay valid (a path is a pure function of map and goal), so only the tail is extended from the
/// distance field. Following a path through a large field is a chain of dependent memory reads; keeping it turns
/// about one read per window cell per step into about one per step. Each cell's padded row and column are kept
/// beside it (a move changes one of them by one), so placing the path in a window needs no division.
/// </summary>
internal sealed class AgentPaths
{
    private readonly int _capacity;
    private readonly int[] _cells;
    private readonly int[] _rows;
    private readonly int[] _cols;
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly int[] _goal;

    public AgentPaths(int agents, int window)
    {
        // A path drawn in the window has at most window^2 cells, plus the first cell outside.
        _capacity = (window * window) + 1;
        _cells = new int[agents * _capacity];
        _rows = new int[agents * _capacity];
        _cols = new int[agents * _capacity];
        _start = new int[agents];
        _length = new int[agents];
        _goal = new int[agents];
        Invalidate();
    }

    /// <summary>Forgets every path (a new episode).</summary>
    public void Invalidate() => _goal.AsSpan().Fill(-1);

    /// <summary>
    /// Brings the path of <paramref name="agent"/>, standing on <paramref name="position"/> (padded row
    /// <paramref name="row"/>, column <paramref name="col"/>), up to date for <paramref name="goal"/>: it covers the
    /// window of radius <paramref name="radius"/> around the position (it ends at the goal, or at its first cell outside
    /// the window), and is empty when the goal is unreachable. Returns its length; read it with <see cref="Cells"/>,
    /// <see cref="Rows"/> and <see cref="Cols"/>.
    /// </summary>
    public int Update(int agent, int position, int row, int col, int goal, ReadOnlySpan<int> field, int paddedWidth, int radius)
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
                _rows[offset] = row;
                _cols[offset] = col;
                length = 1;
            }
        }

        while (length > 0)
        {
            int k = offset + start + length - 1;
            int last = _cells[k];
            int lastRow = _rows[k];
            int lastCol = _cols[k];
            if (last == goal || Math.Abs(lastRow - row) > radius || Math.Abs(lastCol - col) > radius)
            {
                break;
            }

            if (start + length == _capacity)
            {
                Array.Copy(_cells, offset + start, _cells, offset, length);
                Array.Copy(_rows, offset + start, _rows, offset, length);
                Array.Copy(_cols, offset + start, _cols, offset, length);
                start = 0;
                k = offset + length - 1;
            }

            // A cell on the path to a reachable goal, not the goal itself, always has a move 1..4.
            switch (DistanceField.Move(field, last))
            {
                case 1:
                    last -= paddedWidth;
                    lastRow--;
                    break;
                case 2:
                    last += paddedWidth;
                    lastRow++;
                    break;
                case 3:
                    last--;
                    lastCol--;
                    break;
                default:
                    last++;
                    lastCol++;
                    break;
            }

            _cells[k + 1] = last;
            _rows[k + 1] = lastRow;
            _cols[k + 1] = lastCol;
            length++;
        }

        _start[agent] = start;
        _length[agent] = length;
        return length;
    }

    /// <summary>The cells of the agent's path as of the last <see cref="Update"/>, starting at its cell.</summary>
    public ReadOnlySpan<int> Cells(int agent) => _cells.AsSpan((agent * _capacity) + _start[agent], _length[agent]);

    /// <summary>The padded rows of the path's cells.</summary>
    public ReadOnlySpan<int> Rows(int agent) => _rows.AsSpan((agent * _capacity) + _start[agent], _length[agent]);

    /// <summary>The padded columns of the path's cells.</summary>
    public ReadOnlySpan<int> Cols(int agent) => _cols.AsSpan((agent * _capacity) + _start[agent], _length[agent]);
}
