namespace Pogema.Env.Vector;

/// <summary>
/// Every BFS distance field of a scenario's small static maps, one per (map, goal cell), computed the first time any
/// worker needs it and then read by all of them. A field is a pure function of the map and the goal, so which thread
/// computes it does not matter. Per-slice caches (<see cref="DistanceFieldCache"/>) would each hold their own copy of
/// the same fields: with 16 slices per worker that is 16 copies per core of one Bottleneck map's fields, which do not
/// stay in the core's caches, whereas one table of them does (the 16 corridor lengths of the Bottleneck preset take
/// 13 MB, the benchmark's single map 0.5 MB). Large map sets keep per-slice caches: their fields would not fit.
/// </summary>
internal sealed class StaticFieldTable
{
    /// <summary>The largest table built: every field of every map, allocated up front.</summary>
    public const long MaxBytes = 32L << 20;

    private const int Absent = 0;
    private const int Computing = 1;
    private const int Ready = 2;

    private readonly int _fieldLength;
    private readonly int[] _fields;
    private readonly int[] _state;

    private StaticFieldTable(int maps, int fieldLength)
    {
        _fieldLength = fieldLength;
        _fields = new int[(long)maps * fieldLength * fieldLength];
        _state = new int[maps * fieldLength];
    }

    /// <summary>A table for <paramref name="maps"/> static maps of at most <paramref name="paddedCells"/> padded cells, or null when it would be larger than <see cref="MaxBytes"/>.</summary>
    public static StaticFieldTable? TryCreate(int maps, int paddedCells)
    {
        long bytes = (long)maps * paddedCells * paddedCells * sizeof(int);
        return bytes <= MaxBytes ? new StaticFieldTable(maps, paddedCells) : null;
    }

    /// <summary>
    /// The field to <paramref name="goal"/> on map <paramref name="map"/> (whose padded grid is
    /// <paramref name="obstacles"/>); computed with <paramref name="queue"/> (one entry per padded cell) when no
    /// worker has yet. A worker that finds another computing the same field waits for it: a BFS on a small map takes
    /// microseconds, and it happens once per field.
    /// </summary>
    public ReadOnlySpan<int> Get(int map, int goal, ReadOnlySpan<byte> obstacles, int paddedWidth, Span<int> queue)
    {
        int index = (map * _fieldLength) + goal;
        Span<int> field = _fields.AsSpan(index * _fieldLength, _fieldLength);
        if (Volatile.Read(ref _state[index]) == Ready)
        {
            return field;
        }

        if (Interlocked.CompareExchange(ref _state[index], Computing, Absent) == Absent)
        {
            try
            {
                DistanceField.Compute(obstacles, paddedWidth, goal, field, queue);
            }
            catch
            {
                // Nobody may wait for a field that will never come.
                Volatile.Write(ref _state[index], Absent);
                throw;
            }

            // Publishes the field: a reader that sees Ready sees every entry written before it.
            Volatile.Write(ref _state[index], Ready);
            return field;
        }

        var spinner = default(SpinWait);
        while (Volatile.Read(ref _state[index]) != Ready)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return field;
    }
}
