namespace Pogema.Env.Policies;

/// <summary>
/// POGEMA's A* on an agent's <see cref="ObstacleMemory"/>: 4-connected, Manhattan heuristic, neighbours expanded
/// up, down, left, right, a node closed when first pushed, at most 10,000 pops. Scratch memory is reused across
/// searches, so one instance serves all agents of one thread.
/// </summary>
internal sealed class AStarSearch
{
    private const int MaxSteps = 10000;
    private const sbyte StartMark = 4;

    private static readonly int[] DeltaRow = { -1, 1, 0, 0 };
    private static readonly int[] DeltaCol = { 0, 0, -1, 1 };

    private readonly int _minRow;
    private readonly int _minCol;
    private readonly int _rows;
    private readonly int _cols;
    private readonly int[] _stamp;
    private readonly sbyte[] _direction;
    private readonly Dictionary<long, sbyte> _far = new();
    private readonly PythonHeap _open = new();
    private int _generation;

    /// <param name="height">Map height.</param>
    /// <param name="width">Map width.</param>
    public AStarSearch(int height, int width)
    {
        // Unknown cells are free, so a search may leave the map; a margin keeps nearly all of it in flat arrays
        // and the rare node beyond it goes to a dictionary. A fixed margin keeps long thin maps (a 1000-cell
        // bottleneck corridor) from allocating a square the size of their long side.
        const int margin = 48;
        _minRow = -margin;
        _minCol = -margin;
        _rows = height + (2 * margin);
        _cols = width + (2 * margin);
        _stamp = new int[_rows * _cols];
        _direction = new sbyte[_rows * _cols];
    }

    /// <summary>
    /// Plans from start to target and returns the action (1 up, 2 down, 3 left, 4 right) of the path's first move,
    /// or 0 when the agent is on its target or no path was found.
    /// </summary>
    public int FirstMove(int startRow, int startCol, int targetRow, int targetCol, ObstacleMemory memory)
    {
        if (startRow == targetRow && startCol == targetCol)
        {
            return 0;
        }

        NewSearch();
        _open.Push(new AStarNode(startRow, startCol, 0, Distance(startRow, startCol, targetRow, targetCol)));
        MarkClosed(startRow, startCol, StartMark);
        for (int step = 0; step < MaxSteps; step++)
        {
            AStarNode u = _open.Pop();
            for (int d = 0; d < 4; d++)
            {
                int nr = u.Row + DeltaRow[d];
                int nc = u.Col + DeltaCol[d];
                if (!memory.IsObstacle(nr, nc) && !IsClosed(nr, nc))
                {
                    _open.Push(new AStarNode(nr, nc, u.G + 1, Distance(nr, nc, targetRow, targetCol)));
                    MarkClosed(nr, nc, (sbyte)d);
                }
            }

            if ((u.Row == targetRow && u.Col == targetCol) || _open.Count == 0)
            {
                break;
            }
        }

        if (!IsClosed(targetRow, targetCol))
        {
            return 0;
        }

        int row = targetRow;
        int col = targetCol;
        while (true)
        {
            sbyte d = DirectionOf(row, col);
            int parentRow = row - DeltaRow[d];
            int parentCol = col - DeltaCol[d];
            if (parentRow == startRow && parentCol == startCol)
            {
                return d + 1;
            }

            row = parentRow;
            col = parentCol;
        }
    }

    private static int Distance(int r0, int c0, int r1, int c1) => Math.Abs(r0 - r1) + Math.Abs(c0 - c1);

    private static long Key(int row, int col) => ((long)row << 32) | (uint)col;

    private void NewSearch()
    {
        _open.Clear();
        _far.Clear();
        _generation++;
        if (_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
    }

    private bool TryIndex(int row, int col, out int index)
    {
        int r = row - _minRow;
        int c = col - _minCol;
        if ((uint)r < (uint)_rows && (uint)c < (uint)_cols)
        {
            index = (r * _cols) + c;
            return true;
        }

        index = -1;
        return false;
    }

    private bool IsClosed(int row, int col)
    {
        return TryIndex(row, col, out int i) ? _stamp[i] == _generation : _far.ContainsKey(Key(row, col));
    }

    private void MarkClosed(int row, int col, sbyte direction)
    {
        if (TryIndex(row, col, out int i))
        {
            _stamp[i] = _generation;
            _direction[i] = direction;
        }
        else
        {
            _far[Key(row, col)] = direction;
        }
    }

    private sbyte DirectionOf(int row, int col)
    {
        return TryIndex(row, col, out int i) ? _direction[i] : _far[Key(row, col)];
    }
}
