using Pogema.Env;
using Pogema.Env.Vector;

namespace Pogema.Agents.Environments;

/// <summary>
/// <see cref="IVectorEnv"/> over the environment library's <see cref="VectorEnv"/>: the buffers are shared, not
/// copied; only finished-episode metrics are translated.
/// </summary>
public sealed class PogemaVectorEnv : IVectorEnv
{
    private readonly VectorEnv _env;
    private readonly List<EpisodeMetrics> _metrics = new();

    public PogemaVectorEnv(VectorEnv env)
    {
        _env = env;
    }

    /// <summary>The wrapped environment.</summary>
    public VectorEnv Inner => _env;

    public int NumEnvs => _env.NumEnvs;

    public int AgentsPerEnv => _env.AgentsPerEnv;

    public int NumAgents => _env.NumAgents;

    public int ObservationChannels => _env.ObservationChannels;

    public int ObservationSize => _env.ObservationSize;

    public float[] Observations => _env.Observations;

    public float[] Rewards => _env.Rewards;

    public bool[] Terminated => _env.Terminated;

    public bool[] Truncated => _env.Truncated;

    public bool[] EpisodeStarted => _env.EpisodeStarted;

    public bool[] MadePathProgress => _env.MadePathProgress;

    public void Reset() => _env.Reset();

    public void Step(ReadOnlySpan<int> actions) => _env.Step(actions);

    public int DrainEpisodes(List<EpisodeSummary> sink)
    {
        _metrics.Clear();
        var count = _env.DrainEpisodes(_metrics);
        foreach (var m in _metrics)
        {
            sink.Add(new EpisodeSummary(
                (int)(m.EpLength ?? 0),
                m.Csr ?? double.NaN,
                m.Isr ?? double.NaN,
                m.SoC is { } soc ? soc : double.NaN,
                m.Makespan is { } makespan ? makespan : double.NaN,
                m.AvgThroughput ?? double.NaN));
        }

        return count;
    }

    public void Dispose() => _env.Dispose();
}
