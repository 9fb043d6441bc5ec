namespace Pogema.Env.Vector;

/// <summary>
/// What one slice of environments owns, touched by one thread at a time (the worker stepping the slice in a run):
/// its agents' results before they are published, its staging buffer for streamed stores and its finished-episode
/// count. Built on the owning worker's thread, so its memory sits with that thread. What does not depend on the slice
/// (the distance-field cache, the goal grid) is the stepping worker's (<see cref="WorkerScratch"/>).
/// </summary>
internal sealed class SliceScratch
{
    private readonly long _mapKeyStride;
    private long _nextMapKey;

    /// <param name="firstAgent">The slice's first agent.</param>
    /// <param name="agents">Its agents.</param>
    /// <param name="slice">Its index among <paramref name="slices"/>.</param>
    /// <param name="slices">All slices of the vector env.</param>
    /// <param name="staticVariants">Maps of a static scenario (the distance-cache keys below it are theirs).</param>
    /// <param name="observationFloats">Floats of one observation.</param>
    /// <param name="streaming">Whether observations are staged and streamed.</param>
    public SliceScratch(int firstAgent, int agents, int slice, int slices, int staticVariants, int observationFloats, bool streaming)
    {
        Stager = streaming ? new ObservationStager(observationFloats) : null;
        Outputs = new AgentOutputs(firstAgent, agents);

        // Any worker's cache may hold this slice's one-episode maps beside every other slice's, so the slices draw
        // their keys from disjoint sequences.
        _nextMapKey = staticVariants + slice;
        _mapKeyStride = slices;
    }

    /// <summary>This slice's agents' rewards and flags, published at the end of every run.</summary>
    public AgentOutputs Outputs { get; }

    /// <summary>The staging buffer for streamed observation stores, or null when observations are stored directly.</summary>
    public ObservationStager? Stager { get; }

    /// <summary>Episodes finished in this slice's environments since the last drain (0 after a full reset).</summary>
    public int FinishedEpisodes { get; set; }

    /// <summary>Metrics discarded by a full reset.</summary>
    public List<EpisodeMetrics> Discard { get; } = [];

    /// <summary>Bytes allocated while stepping this slice (checked by the allocation tests).</summary>
    public long AllocatedBytes { get; set; }

    /// <summary>A distance-cache key for a map used by one episode only (random maps), unique among all slices.</summary>
    public long NextEpisodeMapKey()
    {
        long key = _nextMapKey;
        _nextMapKey += _mapKeyStride;
        return key;
    }
}
