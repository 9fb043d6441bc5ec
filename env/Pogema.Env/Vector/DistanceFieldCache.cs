using System.Runtime.Intrinsics.X86;

namespace Pogema.Env.Vector;

/// <summary>
/// BFS distance fields kept per (map, goal cell), owned by one worker so no locking is needed. Holds at most a fixed
/// number of fields (from a byte budget, or fewer when the maps cannot have that many goal cells), all in one block
/// allocated up front; when full, the least recently used field is overwritten, so lookups never allocate.
/// Distances do not depend on what is cached, only the speed does.
/// </summary>
internal sealed class DistanceFieldCache
{
    private readonly int _fieldLength;
    private readonly int _capacity;
    private readonly int[] _storage;
    private readonly long[] _keys;
    private readonly long[] _lastUse;
    private readonly Dictionary<long, int> _slotOf;
    private readonly int[] _queue;
    private readonly bool _prefetch;
    private int _count;
    private long _clock;

    /// <summary>
    /// A cache of fields of <paramref name="fieldLength"/> cells within <paramref name="budgetBytes"/>, but never
    /// fewer than <paramref name="minFields"/> (twice the goals alive at once, so live fields are not thrashed) and
    /// never more than <paramref name="maxUsefulFields"/> (the goal cells the maps can have).
    /// </summary>
    public DistanceFieldCache(int fieldLength, long budgetBytes, long minFields, long maxUsefulFields)
    {
        _fieldLength = fieldLength;
        long fields = Math.Min(Math.Max(budgetBytes / (4L * fieldLength), minFields), maxUsefulFields);
        _capacity = (int)Math.Clamp(fields, 4, Math.Min(1 << 20, int.MaxValue / fieldLength));
        _storage = new int[(long)_capacity * fieldLength];
        _keys = new long[_capacity];
        _lastUse = new long[_capacity];
        _slotOf = new Dictionary<long, int>(_capacity);
        _queue = new int[fieldLength];

        // Fields that all fit in a core's L2 cache come back fast anyway; asking for them only costs instructions.
        _prefetch = Sse.IsSupported && _storage.LongLength * sizeof(int) > (1L << 20);
    }

    /// <summary>Number of fields this cache can hold.</summary>
    public int Capacity => _capacity;

    /// <summary>BFS runs so far (cache misses).</summary>
    public long Misses { get; private set; }

    /// <summary>
    /// The distance field to <paramref name="goal"/> on the map identified by <paramref name="mapKey"/> whose padded
    /// obstacles are <paramref name="obstacles"/>; computed on a miss. Valid until the next call.
    /// </summary>
    /// <remarks>
    /// <paramref name="hint"/> is the caller's memory of where this goal's field was last time (per agent); when the
    /// field is still there the dictionary is skipped. It is updated on return.
    /// </remarks>
    public ReadOnlySpan<int> Get(long mapKey, int goal, ReadOnlySpan<byte> obstacles, int paddedWidth, ref int hint)
    {
        long key = (mapKey << 31) | (uint)goal;
        long now = ++_clock;
        int slot = hint;
        if ((uint)slot < (uint)_count && _keys[slot] == key)
        {
            _lastUse[slot] = now;
            return _storage.AsSpan(slot * _fieldLength, _fieldLength);
        }

        if (_slotOf.TryGetValue(key, out slot))
        {
            hint = slot;
            _lastUse[slot] = now;
            return _storage.AsSpan(slot * _fieldLength, _fieldLength);
        }

        if (_count < _capacity)
        {
            slot = _count++;
        }
        else
        {
            slot = LeastRecentlyUsed();
            _slotOf.Remove(_keys[slot]);
        }

        Span<int> field = _storage.AsSpan(slot * _fieldLength, _fieldLength);
        DistanceField.Compute(obstacles, paddedWidth, goal, field, _queue);
        Misses++;
        _keys[slot] = key;
        _lastUse[slot] = now;
        _slotOf[key] = slot;
        hint = slot;
        return field;
    }

    /// <summary>
    /// Asks the processor to start loading the entry of <paramref name="cell"/> in the field that
    /// <paramref name="hint"/> points to, if that is still the field of <paramref name="goal"/> on
    /// <paramref name="mapKey"/>. Agents' fields are read at scattered cells of tens of megabytes; issuing the loads of
    /// a whole environment's agents first lets their memory latencies overlap instead of adding up. Only a hint: it
    /// changes no state and never faults.
    /// </summary>
    public unsafe void Prefetch(long mapKey, int goal, int hint, int cell)
    {
        if (!_prefetch || (uint)hint >= (uint)_count || _keys[hint] != ((mapKey << 31) | (uint)goal) || (uint)cell >= (uint)_fieldLength)
        {
            return;
        }

        fixed (int* storage = _storage)
        {
            Sse.Prefetch0(storage + ((long)hint * _fieldLength) + cell);
        }
    }

    private int LeastRecentlyUsed()
    {
        int best = 0;
        long oldest = long.MaxValue;
        for (int s = 0; s < _capacity; s++)
        {
            if (_lastUse[s] < oldest)
            {
                oldest = _lastUse[s];
                best = s;
            }
        }

        return best;
    }
}
