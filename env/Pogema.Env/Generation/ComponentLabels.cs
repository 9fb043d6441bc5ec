namespace Pogema.Env.Generation;

/// <summary>
/// 4-connected components of the free cells of a map (row-major scan, ids in discovery order), with each
/// component's cells listed row-major. Buffers are allocated once for the largest map an environment can load and
/// reused on every reset, whatever the size of the map loaded now.
/// </summary>
internal sealed class ComponentLabels
{
    private readonly int[] _label;
    private readonly int[] _size;
    private readonly int[] _queue;
    private readonly int[] _start;
    private readonly int[] _cells;
    private int _height;
    private int _width;

    /// <summary>Buffers for maps of up to <paramref name="capacityCells"/> cells; the size is set by <see cref="SetSize"/>.</summary>
    public ComponentLabels(int capacityCells)
    {
        _label = new int[capacityCells];
        _size = new int[capacityCells];
        _queue = new int[capacityCells];
        _start = new int[capacityCells + 1];
        _cells = new int[capacityCells];
    }

    /// <summary>Number of components found by the last <see cref="Compute"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Component id of each cell of the current map, -1 for obstacles.</summary>
    public ReadOnlySpan<int> Label => _label.AsSpan(0, _height * _width);

    /// <summary>The size of the maps labelled from now on (at most the capacity); the next <see cref="Compute"/> relabels.</summary>
    public void SetSize(int height, int width)
    {
        if ((long)height * width > _label.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(height), $"a {height} x {width} map exceeds the {_label.Length} cells these labels hold");
        }

        _height = height;
        _width = width;
        Count = 0;
    }

    /// <summary>Cells per component.</summary>
    public ReadOnlySpan<int> Size => _size.AsSpan(0, Count);

    /// <summary>Labels the free cells of <paramref name="obstacles"/> (row-major, 1 = obstacle) by breadth-first search.</summary>
    public void Compute(ReadOnlySpan<byte> obstacles)
    {
        Span<int> label = _label.AsSpan(0, _height * _width);
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
        int cells = _height * _width;
        for (int cell = 0; cell < cells; cell++)
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
