namespace Pogema.Env.Policies;

/// <summary>
/// The obstacles one agent has seen so far, in unpadded map coordinates. Cells never seen count as free, as in
/// POGEMA's <c>GridMemory</c>. Only the map and the obstacle ring around it can hold obstacles (beyond the ring an
/// observation window shows free cells), so the memory covers rows -1..H and columns -1..W and everything outside
/// is free.
/// </summary>
internal sealed class ObstacleMemory
{
    private readonly int _height;
    private readonly int _width;
    private readonly int _stride;
    private readonly byte[] _cells;

    public ObstacleMemory(int height, int width)
    {
        _height = height;
        _width = width;
        _stride = width + 2;
        _cells = new byte[(height + 2) * _stride];
    }

    public void Clear() => Array.Clear(_cells);

    /// <summary>Records the (2r+1) x (2r+1) window around (row, col) of the unpadded obstacle map (1 = obstacle).</summary>
    public void Observe(int row, int col, int radius, ReadOnlySpan<byte> map)
    {
        int r0 = Math.Max(-1, row - radius);
        int r1 = Math.Min(_height, row + radius);
        int c0 = Math.Max(-1, col - radius);
        int c1 = Math.Min(_width, col + radius);
        for (int r = r0; r <= r1; r++)
        {
            bool ringRow = r < 0 || r >= _height;
            for (int c = c0; c <= c1; c++)
            {
                bool obstacle = ringRow || c < 0 || c >= _width || map[(r * _width) + c] != 0;
                _cells[((r + 1) * _stride) + c + 1] = obstacle ? (byte)1 : (byte)0;
            }
        }
    }

    public bool IsObstacle(int row, int col)
    {
        if (row < -1 || row > _height || col < -1 || col > _width)
        {
            return false;
        }

        return _cells[((row + 1) * _stride) + col + 1] != 0;
    }
}
