namespace Pogema.Env.Vector;

/// <summary>
/// Which slices of environments each worker steps in a run: its own slices first, in order, then, when stealing,
/// any slice another worker has not claimed yet, so that a worker slowed by its core (a busy hyperthread sibling on a
/// shared host, an interrupt, a descheduling) does not hold up the whole step. Each worker's claims live in one counter
/// in its own cache line, stamped with the run, so nothing is reset between runs and a worker that has not woken up
/// yet can still be stolen from. Allocation-free.
/// </summary>
internal sealed class SliceClaims
{
    private const int IndexBits = 20;
    private const long IndexMask = (1L << IndexBits) - 1;

    /// <summary>The most slices one worker may own.</summary>
    public const int MaxSlicesPerWorker = 1 << 12;

    private readonly PaddedCounter[] _claimed;
    private readonly int _slicesPerWorker;
    private readonly bool _stealing;
    private long _run;

    /// <summary>Claims for <paramref name="workers"/> workers owning <paramref name="slicesPerWorker"/> consecutive slices each.</summary>
    public SliceClaims(int workers, int slicesPerWorker, bool stealing)
    {
        if (slicesPerWorker is < 1 or > MaxSlicesPerWorker)
        {
            throw new ArgumentOutOfRangeException(nameof(slicesPerWorker), slicesPerWorker, $"must be 1..{MaxSlicesPerWorker}");
        }

        _claimed = new PaddedCounter[workers];
        _slicesPerWorker = slicesPerWorker;
        _stealing = stealing;
    }

    /// <summary>The current run's stamp; a worker reads it once per run, after the pool's start signal.</summary>
    public long Run => Volatile.Read(ref _run);

    /// <summary>Starts a new run (the caller, before it starts the workers): every slice is unclaimed again.</summary>
    public void BeginRun() => Volatile.Write(ref _run, _run + 1);

    /// <summary>
    /// The next slice for <paramref name="worker"/> in run <paramref name="run"/>, or -1 when none is left for it;
    /// <paramref name="scan"/> starts at 0 and remembers which worker's slices it has reached (its own, then the
    /// following workers' when stealing).
    /// </summary>
    public int Claim(int worker, long run, ref int scan)
    {
        int owners = _stealing ? _claimed.Length : 1;
        for (; scan < owners; scan++)
        {
            int owner = worker + scan;
            if (owner >= _claimed.Length)
            {
                owner -= _claimed.Length;
            }

            int slice = TryClaim(owner, run);
            if (slice >= 0)
            {
                return slice;
            }
        }

        return -1;
    }

    private int TryClaim(int owner, long run)
    {
        ref long counter = ref _claimed[owner].Value;
        long stamp = run << IndexBits;
        while (true)
        {
            long seen = Volatile.Read(ref counter);
            long seenRun = seen >> IndexBits;

            // A counter stamped with a later run: this claimer is late for a run that is over, and takes nothing.
            if (seenRun > run)
            {
                return -1;
            }

            // A counter still stamped with an earlier run has nothing claimed in this one.
            long claimed = seenRun == run ? seen & IndexMask : 0;
            if (claimed >= _slicesPerWorker)
            {
                return -1;
            }

            if (Interlocked.CompareExchange(ref counter, stamp | (claimed + 1), seen) == seen)
            {
                return (owner * _slicesPerWorker) + (int)claimed;
            }
        }
    }
}
