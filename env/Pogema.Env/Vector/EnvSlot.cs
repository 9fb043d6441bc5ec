using Pogema.Env.Random;

namespace Pogema.Env.Vector;

/// <summary>
/// One environment position of a <see cref="VectorEnv"/>: its environment, its episode generator, and its
/// finished-episode log. The one environment runs every map of the scenario: a reset onto another map loads that
/// map's shared, already parsed layout into the environment's own buffers, sized once for the largest map, so
/// resets allocate nothing however many maps the scenario has. Touched only by the worker that owns it (and by the
/// caller between steps).
/// </summary>
internal sealed class EnvSlot
{
    private readonly ScenarioSource _scenario;
    private readonly TaskLayout[] _layouts;
    private readonly GridPosition[] _starts;
    private readonly GridPosition[] _goals;
    private int _loaded;
    private EpisodeMetrics[] _finished = new EpisodeMetrics[4];

    /// <summary>A slot whose environment can load any of <paramref name="layouts"/> (one per scenario variant, shared by every slot).</summary>
    public EnvSlot(ScenarioSource scenario, TaskLayout[] layouts, ulong slotSeed, int agents)
    {
        _scenario = scenario;
        _layouts = layouts;
        SlotSeed = slotSeed;
        Rng = NumpyRandom.DefaultRng(slotSeed);
        Env = new PogemaEnv(layouts);
        _starts = new GridPosition[agents];
        _goals = new GridPosition[agents];
    }

    /// <summary>Seed of this slot's episode generator, derived from the master seed.</summary>
    public ulong SlotSeed { get; }

    /// <summary>Draws each episode's seed, variant and task.</summary>
    public NumpyRandom Rng { get; }

    /// <summary>The environment of the current episode.</summary>
    public PogemaEnv Env { get; }

    /// <summary>The scenario variant (map) of the current episode.</summary>
    public int Variant { get; private set; }

    /// <summary>Seed of the current episode.</summary>
    public ulong EpisodeSeed { get; private set; }

    /// <summary>Identifies the current episode's static map for the distance cache.</summary>
    public long MapKey { get; set; }

    /// <summary>Episodes finished since the last drain.</summary>
    public int FinishedCount { get; private set; }

    /// <summary>Restarts the episode generator from the slot seed (a full <see cref="VectorEnv.Reset"/>).</summary>
    public void Rewind() => Rng.Reseed(SlotSeed);

    /// <summary>Draws the next episode (seed, then variant, then task) and resets the environment for it.</summary>
    public void BeginEpisode()
    {
        EpisodeSeed = (ulong)Rng.Integers(long.MaxValue);
        Variant = _scenario.DrawVariant(Rng);
        if (Variant != _loaded)
        {
            Env.Load(_layouts[Variant]);
            _loaded = Variant;
        }

        if (_scenario.DrawsTasks)
        {
            _scenario.DrawTask(Variant, Rng, _starts, _goals);
            Env.Reset(EpisodeSeed, _starts, _goals);
        }
        else
        {
            Env.Reset(EpisodeSeed);
        }
    }

    /// <summary>Keeps the metrics of the episode that just ended.</summary>
    public void RecordFinished(EpisodeMetrics metrics)
    {
        if (FinishedCount == _finished.Length)
        {
            // Grows only when the caller drains less often than episodes end; steady state allocates nothing.
            Array.Resize(ref _finished, _finished.Length * 2);
        }

        _finished[FinishedCount++] = metrics;
    }

    /// <summary>Moves the finished episodes' metrics to <paramref name="sink"/>.</summary>
    public int Drain(List<EpisodeMetrics> sink)
    {
        int count = FinishedCount;
        for (int k = 0; k < count; k++)
        {
            sink.Add(_finished[k]);
        }

        FinishedCount = 0;
        return count;
    }
}
