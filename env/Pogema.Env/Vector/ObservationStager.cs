namespace Pogema.Env.Vector;

/// <summary>
/// A slice's small staging buffer for observations with <see cref="VectorEnvOptions.StreamingObservationStores"/>:
/// observations are written here (it stays in the core's cache) and streamed into the shared observation buffer
/// when the buffer is full, when the next observation is not contiguous with the staged ones, and at the end of the
/// slice. A slice's environments lie one after the other in the shared buffer, so the streamed runs are long even
/// for environments of a few agents.
/// </summary>
internal sealed class ObservationStager
{
    // 16 KiB: half of the smallest usual level-1 data cache, so the staged floats are still there when streamed.
    private const int StagingFloats = 4096;

    private readonly float[] _staging;
    private float[]? _destination;
    private int _start;
    private int _count;

    /// <summary>A stager that holds at least one observation of <paramref name="observationFloats"/> floats.</summary>
    public ObservationStager(int observationFloats)
    {
        _staging = new float[Math.Max(StagingFloats, observationFloats)];
    }

    /// <summary>Observations that fit in the staging buffer at once (at least one).</summary>
    public int Capacity(int observationFloats) => _staging.Length / observationFloats;

    /// <summary>
    /// Space in the staging buffer for <paramref name="length"/> floats (at most the buffer's size) that belong at
    /// <paramref name="offset"/> of <paramref name="destination"/>; write them there before the next call.
    /// </summary>
    public Span<float> Reserve(float[] destination, int offset, int length)
    {
        if (_count > 0 && (destination != _destination || offset != _start + _count || _count + length > _staging.Length))
        {
            Flush();
        }

        if (_count == 0)
        {
            _destination = destination;
            _start = offset;
        }

        Span<float> space = _staging.AsSpan(_count, length);
        _count += length;
        return space;
    }

    /// <summary>Streams the staged floats to their place and empties the buffer; a <see cref="StreamingCopy.Fence"/> must follow before another thread reads them.</summary>
    public void Flush()
    {
        if (_count > 0)
        {
            StreamingCopy.Copy(_staging.AsSpan(0, _count), _destination.AsSpan(_start, _count));
            _count = 0;
        }
    }
}
