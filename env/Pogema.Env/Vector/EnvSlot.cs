using Pogema.Env.Random;

namespace Pogema.Env.Vector;

/// <summary>
/// One environment position of a <see cref="VectorEnv"/>: the environment running there now, the environments
/// kept for the scenario's other maps, its episode generator, and its finished-episode log. Touched only by the
/// worker that owns it (and by the caller between steps).
/// </summary>
internal sealed class EnvSlot
{
    private readonly ScenarioSource _scenario;
    private readonly VectorEnvOptions _options;
    private readonly GridConfig?[] _configs;
    private readonly PogemaEnv?[] _envs;
    private readonly int[] _variantOf;
    private readonly long[] _lastUse;
    private readonly GridPosition[] _starts;
    private readonly GridPosition[] _goals;
    private long _clock;
    private EpisodeMetrics[] _finished = new EpisodeMetrics[4];

    public EnvSlot(ScenarioSource scenario, VectorEnvOptions options, GridConfig?[] configs, ulong slotSeed, int agents)
    {
        _scenario = scenario;
        _options = options;
        _configs = configs;
        SlotSeed = slotSeed;
        Rng = NumpyRandom.DefaultRng(slotSeed);
        int kept = Math.Max(1, Math.Min(scenario.VariantCount, options.MapCachePerEnv));
        _envs = new PogemaEnv?[kept];
        _variantOf = new int[kept];
        _variantOf.AsSpan().Fill(-1);
        _lastUse = new long[kept];
        _starts = new GridPosition[agents];
        _goals = new GridPosition[agents];
        NextCell = new int[agents];
        Paths = options.Observation == ObservationPreset.Follower ? new AgentPaths(agents, (2 * options.ObsRadius) + 1) : null;
        FieldHints = new int[agents];
        FieldHints.AsSpan().Fill(-1);
    }

    /// <summary>Seed of this slot's episode generator, derived from the master seed.</summary>
    public ulong SlotSeed { get; }

    /// <summary>Draws each episode's seed, variant and task.</summary>
    public NumpyRandom Rng { get; }

    /// <summary>The environment of the current episode.</summary>
    public PogemaEnv Env { get; private set; } = null!;

    /// <summary>The scenario variant (map) of the current episode.</summary>
    public int Variant { get; private set; }

    /// <summary>Seed of the current episode.</summary>
    public ulong EpisodeSeed { get; private set; }

    /// <summary>Identifies the current episode's static map for the distance cache.</summary>
    public long MapKey { get; set; }

    /// <summary>Per agent, the next cell of its shortest path in the current state (-1 when none).</summary>
    public int[] NextCell { get; }

    /// <summary>Each agent's path kept between steps (follower preset only).</summary>
    public AgentPaths? Paths { get; }

    /// <summary>Per agent, where its distance field sat in the worker's cache last time (a lookup shortcut).</summary>
    public int[] FieldHints { get; }

    /// <summary>Episodes finished since the last drain.</summary>
    public int FinishedCount { get; private set; }

    /// <summary>Restarts the episode generator from the slot seed (a full <see cref="VectorEnv.Reset"/>).</summary>
    public void Rewind() => Rng.Reseed(SlotSeed);

    /// <summary>Draws the next episode (seed, then variant, then task) and resets the environment for it.</summary>
    public void BeginEpisode()
    {
        EpisodeSeed = (ulong)Rng.Integers(long.MaxValue);
        Variant = _scenario.DrawVariant(Rng);
        Env = EnvFor(Variant);
        Paths?.Invalidate();
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

    private PogemaEnv EnvFor(int variant)
    {
        long now = ++_clock;
        int free = -1;
        int oldest = 0;
        for (int k = 0; k < _envs.Length; k++)
        {
            if (_variantOf[k] == variant)
            {
                _lastUse[k] = now;
                return _envs[k]!;
            }

            if (_variantOf[k] < 0 && free < 0)
            {
                free = k;
            }

            if (_lastUse[k] < _lastUse[oldest])
            {
                oldest = k;
            }
        }

        int slot = free >= 0 ? free : oldest;
        var env = new PogemaEnv(_configs[variant] ?? _scenario.CreateConfig(variant, _options), $"scenario map {variant}");
        _envs[slot] = env;
        _variantOf[slot] = variant;
        _lastUse[slot] = now;
        return env;
    }
}
