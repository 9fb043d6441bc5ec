namespace Pogema.Env.Generation;

/// <summary>
/// 4-connected components of the free cells of a map (row-major scan, ids in discovery order), with each
/// component's cells listed row-major. Buffers are allocated once for a map size and reused on every reset.
/// </summary>
internal sealed class ComponentLabels
{
    private readonly int _height;
    private readonly int _width;
    private readonly int[] _label;
    private readonly int[] _size;
    private readonly int[] _queue;
    private readonly int[] _start;
    private readonly int[] _cells;

    public ComponentLabels(int height, int width)
    {
        _height = height;
        _width = width;
        int cells = height * width;
        _label = new int[cells];
        _size = new int[cells];
        _queue = new int[cells];
        _start = new int[cells + 1];
        _cells = new int[cells];
    }

    /// <summary>Number of components found by the last <see cref="Compute"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Component id of each cell, -1 for obstacles.</summary>
    public ReadOnlySpan<int> Label => _label;

    /// <summary>Cells per component.</summary>
    public ReadOnlySpan<int> Size => _size.AsSpan(0, Count);

    /// <summary>Labels the free cells of <paramref name="obstacles"/> (row-major, 1 = obstacle) by breadth-first search.</summary>
    public void Compute(ReadOnlySpan<byte> obstacles)
    {
        Span<int> label = _label;
        label.Fill(-1);
        int count = 0;
        for (int cell = 0; cell < label.Length; cell++)
        {
            if (obstacles[cell] != 0 || label[cell] >= 0)
            {
                continue;
            }

            int id = count++;
            int head = 0;
            int tail = 0;
            label[cell] = id;
            _queue[tail++] = cell;
            while (head < tail)
            {
                int current = _queue[head++];
                int row = current / _width;
                int col = current - (row * _width);
                if (row > 0)
                {
                    Visit(current - _width, id, obstacles, ref tail);
                }

                if (row < _height - 1)
                {
                    Visit(current + _width, id, obstacles, ref tail);
                }

                if (col > 0)
                {
                    Visit(current - 1, id, obstacles, ref tail);
                }

                if (col < _width - 1)
                {
                    Visit(current + 1, id, obstacles, ref tail);
                }
            }

            _size[id] = tail;
        }

        Count = count;
    }

    /// <summary>Builds the row-major cell list of every component (after <see cref="Compute"/>).</summary>
    public void BuildCellLists()
    {
        Span<int> start = _start.AsSpan(0, Count + 1);
        start[0] = 0;
        for (int id = 0; id < Count; id++)
        {
            start[id + 1] = start[id] + _size[id];
        }

        Span<int> fill = _queue.AsSpan(0, Count);
        start[..Count].CopyTo(fill);
        for (int cell = 0; cell < _label.Length; cell++)
        {
            int id = _label[cell];
            if (id >= 0)
            {
                _cells[fill[id]++] = cell;
            }
        }
    }

    /// <summary>The cells of component <paramref name="id"/>, row-major (after <see cref="BuildCellLists"/>).</summary>
    public ReadOnlySpan<int> CellsOf(int id) => _cells.AsSpan(_start[id], _start[id + 1] - _start[id]);

    private void Visit(int next, int id, ReadOnlySpan<byte> obstacles, ref int tail)
    {
        if (obstacles[next] == 0 && _label[next] < 0)
        {
            _label[next] = id;
            _queue[tail++] = next;
        }
    }
}
